/**
 * The drafts of the open panel, as far as the content script needs them: flushing them
 * before the page moves on or hides, forgetting them when it shows another entity, and
 * their live score for the pill. The code that keeps drafts comes with the open panel
 * (item-draft.ts, item-editor.ts) and registers here when it loads; until then no draft
 * can exist, so there is nothing to flush and the pill shows the stored estimate.
 */
import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { RiceResult } from '../../domain/rice';

export interface DraftKeeper {
  flush(): Promise<void>;
  /** Drops every draft and whatever is waiting to be sent. */
  forget(): void;
  /** The score with every valid draft applied. */
  liveScore: ReadonlySignal<RiceResult | null>;
}

export const draftKeeper = signal<DraftKeeper | null>(null);

/** Sends every valid draft now (before navigating away, or when the page is hidden). */
export function flushDrafts(): Promise<void> {
  return draftKeeper.peek()?.flush() ?? Promise.resolve();
}

/** Forgets drafts when the page shows another entity (after SPA navigation). */
export function resetEditor(): void {
  draftKeeper.peek()?.forget();
}
