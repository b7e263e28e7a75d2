/**
 * Dropping old tombstones. A tombstone is what stops a replica that still holds a deleted
 * record from bringing it back, so it may go only when no replica can still do that. The
 * rule: it was published more than TOMBSTONE_KEEP_MS ago. Every replica that published
 * within that period did so after the tombstone arrived, and a publish merges the file
 * first, so it holds the tombstone and has dropped the record. A replica silent for longer
 * (or an old backup of the file) is not waited for: safe-merge.ts finds it stale when it
 * returns and makes it forget the records deleted meanwhile, so it cannot resurrect them.
 * Pruning goes by the publish stamp, not the deletion's: a deletion made offline months
 * ago reached nobody until it was published.
 */
import { compareHlc, type Hlc, maxOptionalHlc } from './hlc';
import { mergeTombstones } from './merge';
import { type SharedState, TOMBSTONE_KEEP_MS, type Tombstone } from './state';

/** Below every stamp made at or after `now - TOMBSTONE_KEEP_MS` ('' sorts before any replica id). */
export function pruneBound(now: number): Hlc {
  return [Math.floor(now) - TOMBSTONE_KEEP_MS, 0, ''];
}

/** `state` without the tombstones that are safe to drop at `now`; the same state when there are none. */
export function prune(state: SharedState, now: number): SharedState {
  const bound = pruneBound(now);
  let newest: Hlc | null = null;
  for (const tombstones of [state.deletedMetrics, state.deletedItems]) {
    for (const tombstone of tombstones.values()) {
      if (prunable(tombstone, bound)) newest = maxOptionalHlc(newest, tombstone.published);
    }
  }
  const prunedThrough = maxOptionalHlc(state.prunedThrough, newest);
  if (prunedThrough === state.prunedThrough) return state;
  const none = new Map<string, Tombstone>();
  return {
    ...state,
    deletedMetrics: mergeTombstones(state.deletedMetrics, none, prunedThrough),
    deletedItems: mergeTombstones(state.deletedItems, none, prunedThrough),
    prunedThrough,
  };
}

function prunable(tombstone: Tombstone, bound: Hlc): boolean {
  return tombstone.published !== null && compareHlc(tombstone.published, bound) <= 0;
}
