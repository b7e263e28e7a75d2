/**
 * The backlog's order as one key per item: the ranked items as `rankItems` orders them
 * (score, then effort, then title, then id), then the linked items not fully estimated,
 * then the unlinked ones, each of those two oldest first. The background sends a large
 * tree's items in this order, so that the first page the dashboard receives is the true
 * top of the ranking; a key also marks where a page ends (the next one starts after it)
 * and how far a partial list may be trusted.
 */
import { scoreOf } from './score-list';
import { resolveInputLink } from './tree';
import type { Id, Item, Metric } from './types';

export const BACKLOG_GROUPS = { ranked: 0, unscored: 1, unlinked: 2 } as const;
export type BacklogGroup = (typeof BACKLOG_GROUPS)[keyof typeof BACKLOG_GROUPS];

/** Where an item stands in the backlog. `score`, `effort` and `title` count in the ranked group only. */
export interface BacklogKey {
  group: BacklogGroup;
  score: number;
  effort: number;
  title: string;
  createdAt: number;
  id: Id;
}

/** The same collator as `rankItems`' tie on titles: a key must order exactly as the ranking does. */
const titleCollator = new Intl.Collator(undefined, { sensitivity: 'accent' });

export function backlogKey(item: Item, metricsById: ReadonlyMap<Id, Metric>): BacklogKey {
  const score = scoreOf(item, metricsById);
  if (score !== null) return rankedKey(item, score);
  const linked = resolveInputLink(metricsById, item.inputMetricId) !== null;
  return unrankedKey(item, linked ? BACKLOG_GROUPS.unscored : BACKLOG_GROUPS.unlinked);
}

/** The key of an item ranked with `score` (as the ranking computed it). */
export function rankedKey(item: Item, score: number): BacklogKey {
  return {
    group: BACKLOG_GROUPS.ranked,
    score,
    effort: item.rice.effort ?? 0,
    title: item.title,
    createdAt: 0,
    id: item.id,
  };
}

/** The key of an item that is linked but not scored, or unlinked: only its age and id order it. */
export function unrankedKey(item: Item, group: BacklogGroup): BacklogKey {
  return { group, score: 0, effort: 0, title: '', createdAt: item.createdAt, id: item.id };
}

/** Negative when `a` comes first in the backlog; 0 only for the same item's key. */
export function compareBacklogKeys(a: BacklogKey, b: BacklogKey): number {
  if (a.group !== b.group) return a.group - b.group;
  const within =
    a.group === BACKLOG_GROUPS.ranked
      ? b.score - a.score || a.effort - b.effort || titleCollator.compare(a.title, b.title)
      : a.createdAt - b.createdAt;
  return within || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
