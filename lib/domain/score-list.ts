/**
 * The ranked scores of a tree kept sorted, highest first, and changed one item at a
 * time: what `rankedScores(rankItems(items, metrics))` gives, without sorting every item
 * again (or comparing titles) each time one ticket is edited.
 */
import { riceScore } from './rice';
import { resolveInputLink } from './tree';
import type { Id, Item, Metric } from './types';

/** The item's score on the NSM, or null when it is not ranked (unlinked or not fully estimated). */
export function scoreOf(item: Item, metricsById: ReadonlyMap<Id, Metric>): number | null {
  const link = resolveInputLink(metricsById, item.inputMetricId);
  if (!link) return null;
  const result = riceScore(item.rice, link.leverage);
  return result.ok ? result.score : null;
}

/** Index of the first entry not greater than `score` in a list sorted highest first. */
function firstAtOrBelow(sortedDesc: readonly number[], score: number): number {
  let low = 0;
  let high = sortedDesc.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sortedDesc[mid] as number) > score) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function insertScore(sortedDesc: number[], score: number): void {
  sortedDesc.splice(firstAtOrBelow(sortedDesc, score), 0, score);
}

/** Removes one entry equal to `score`; false when there is none. */
export function removeScore(sortedDesc: number[], score: number): boolean {
  const at = firstAtOrBelow(sortedDesc, score);
  if (sortedDesc[at] !== score) return false;
  sortedDesc.splice(at, 1);
  return true;
}

/** The sorted scores without one entry of `score` (the item a page shows is not its own rival). */
export function withoutScore(sortedDesc: readonly number[], score: number | null): number[] {
  const copy = sortedDesc.slice();
  if (score !== null) removeScore(copy, score);
  return copy;
}
