/**
 * The open panel's code is not in the content script: most page loads never open the
 * panel, so its code is injected by the background the first time the user reaches for
 * it (hovering or focusing the pill starts the load; a click or the shortcut opens it).
 */
import { signal } from '@preact/signals-core';
import { request } from '../../messaging/client';

export type PanelCodeState = 'absent' | 'loading' | 'ready' | 'failed';

export const panelCode = signal<PanelCodeState>('absent');

let loading: Promise<void> | null = null;

/** Loads the panel's code once; after a failure the next call tries again. */
export function loadPanelCode(): Promise<void> {
  if (loading) return loading;
  panelCode.value = 'loading';
  loading = request({ type: 'panel.load' }).then(
    () => {
      panelCode.value = 'ready';
    },
    () => {
      panelCode.value = 'failed';
      loading = null;
    },
  );
  return loading;
}
