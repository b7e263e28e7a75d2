/**
 * The ranked backlog: items ordered by their RICE impact on the North Star. Items that
 * serve no input metric are kept apart as "unlinked" rather than scored as zero, and
 * linked items not fully estimated are "unscored" with the reason.
 */
import { riceScore, type RiceProblem } from './rice';
import { metricById, resolveInputLink } from './tree';
import type { Item, Metric } from './types';

export interface RankedItem {
  item: Item;
  /** The metric the item is tagged with: an input metric or a team metric under one. */
  metric: Metric;
  /** The input metric that carries the item to the NSM (the same as `metric` for input metrics). */
  input: Metric;
  score: number;
  /** 1-based position; distinct even when scores tie. */
  rank: number;
}

export interface UnscoredItem {
  item: Item;
  metric: Metric;
  input: Metric;
  problem: RiceProblem;
}

export interface Ranking {
  ranked: RankedItem[];
  unscored: UnscoredItem[];
  unlinked: Item[];
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'accent' });

function compareRanked(a: Omit<RankedItem, 'rank'>, b: Omit<RankedItem, 'rank'>): number {
  return (
    b.score - a.score ||
    (a.item.rice.effort ?? 0) - (b.item.rice.effort ?? 0) ||
    titleCollator.compare(a.item.title, b.item.title) ||
    (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0)
  );
}

/**
 * Ranks by score, highest first; ties go to the smaller effort (same value, sooner
 * delivered), then by title and id so the order never depends on input order.
 */
export function rankItems(items: readonly Item[], metrics: readonly Metric[]): Ranking {
  const byId = metricById(metrics);
  const scored: Omit<RankedItem, 'rank'>[] = [];
  const unscored: UnscoredItem[] = [];
  const unlinked: Item[] = [];

  for (const item of items) {
    const link = resolveInputLink(byId, item.inputMetricId);
    if (!link) {
      unlinked.push(item);
      continue;
    }
    const result = riceScore(item.rice, link.leverage);
    if (result.ok) scored.push({ item, metric: link.metric, input: link.input, score: result.score });
    else unscored.push({ item, metric: link.metric, input: link.input, problem: result });
  }

  scored.sort(compareRanked);
  return { ranked: scored.map((entry, i) => ({ ...entry, rank: i + 1 })), unscored, unlinked };
}

/** The ranked scores, highest first: what a live rank preview needs. */
export function rankedScores(ranking: Ranking): number[] {
  return ranking.ranked.map((r) => r.score);
}

/**
 * The 1-based rank `score` would take among `otherScoresDesc` (sorted highest first),
 * found by binary search.
 *
 * A score equal to others goes after them: the full tie-break (effort, title) needs the
 * whole item, and placing it first would show a rank the item may not get. Going after
 * equals means the preview never promises more than the backlog will show, and the rank
 * only improves once the score actually beats another item. NaN (no score) ranks last.
 */
export function rankOfScore(score: number, otherScoresDesc: readonly number[]): number {
  if (Number.isNaN(score)) return otherScoresDesc.length + 1;
  let low = 0;
  let high = otherScoresDesc.length;
  // Invariant: every index below `low` holds a score >= `score`; from `high` on, < `score`.
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((otherScoresDesc[mid] ?? -Infinity) >= score) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}
