/**
 * The open panel's drafts, as far as the content script needs them: flushing them before
 * the page moves on or hides, forgetting them when it shows another entity, and their
 * live score for the pill. The drafts themselves are kept by the item editor
 * (item-editor.ts, on the one draft store of ../drafts.ts), which comes with the open
 * panel's code and registers here when it loads: the content script, in every host page,
 * does not carry that code. Until then no draft can exist, so there is nothing to flush
 * and the pill shows the stored estimate.
 */
import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { RiceResult } from '../../domain/rice';

export interface PanelDrafts {
  /** The draft store's flush: every valid draft and waiting choice is sent. */
  flush(): Promise<void>;
  /** Drops every draft and whatever is waiting to be sent. */
  forget(): void;
  /** The score with every valid draft applied. */
  liveScore: ReadonlySignal<RiceResult | null>;
}

export const panelDrafts = signal<PanelDrafts | null>(null);

/** Sends every valid draft now (before navigating away, or when the page is hidden). */
export function flushPanelDrafts(): Promise<void> {
  return panelDrafts.peek()?.flush() ?? Promise.resolve();
}

/** Forgets drafts when the page shows another entity (after SPA navigation). */
export function forgetPanelDrafts(): void {
  panelDrafts.peek()?.forget();
}
