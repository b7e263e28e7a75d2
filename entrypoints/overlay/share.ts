/** Leaves the shared modules and the shadow root's parts where the injected panel finds them. */
import * as signalsCore from '@preact/signals-core';
import * as client from '../../lib/messaging/client';
import * as panelDrafts from '../../lib/state/page/panel-drafts';
import * as page from '../../lib/state/page/page';
import * as selection from '../../lib/state/page/selection';
import type { ShadowHost } from './shadow-host';
import { SHARED_GLOBAL, type SharedWithPanel } from './shared-modules';

export function shareWithPanel(ui: ShadowHost): void {
  const shared: SharedWithPanel = {
    modules: { signalsCore, page, panelDrafts, selection, client },
    head: ui.head,
    body: ui.container,
    panelMounted: false,
  };
  (globalThis as Record<string, unknown>)[SHARED_GLOBAL] = shared;
}
