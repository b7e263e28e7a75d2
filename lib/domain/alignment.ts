/**
 * Where the work goes: for each input metric, how many items, how much effort and how
 * much NSM score serve it, against work that serves no input metric at all. An input
 * metric nobody works on is flagged, since the NSM then depends on fewer levers than the
 * tree promises.
 */
import { rankItems } from './ranking';
import { inputMetricsOf, metricById, resolveInputLink } from './tree';
import type { Id, Item, Metric } from './types';

export interface AlignmentRow {
  /** The input metric, or null for the unlinked row. */
  metricId: Id | null;
  name: string;
  items: number;
  /** Person-months; items whose effort is not (validly) estimated count 0. */
  effort: number;
  /** Sum of the scores of the row's ranked items; unscored items add nothing. */
  score: number;
  /** Fractions of the totals, 0 when the total is 0. */
  itemShare: number;
  effortShare: number;
  scoreShare: number;
  noWork: boolean;
}

export interface Alignment {
  /** One row per input metric of the tree, in the tree's order, including those with no items. */
  rows: AlignmentRow[];
  unlinked: AlignmentRow;
  totals: { items: number; effort: number; score: number };
}

export const UNLINKED_NAME = 'Not linked to an input metric';

function knownEffort(item: Item): number {
  const effort = item.rice.effort;
  return typeof effort === 'number' && Number.isFinite(effort) && effort > 0 ? effort : 0;
}

function share(part: number, total: number): number {
  const fraction = total > 0 ? part / total : 0;
  return Number.isFinite(fraction) ? fraction : 0;
}

interface Tally {
  items: number;
  effort: number;
  score: number;
}

export function alignment(items: readonly Item[], metrics: readonly Metric[]): Alignment {
  const byId = metricById(metrics);
  const inputs = inputMetricsOf(metrics);
  const tallies = new Map<Id, Tally>(inputs.map((m) => [m.id, { items: 0, effort: 0, score: 0 }]));
  const unlinked: Tally = { items: 0, effort: 0, score: 0 };

  const scoreByItem = new Map(rankItems(items, metrics).ranked.map((r) => [r.item.id, r.score]));

  for (const item of items) {
    const link = resolveInputLink(byId, item.inputMetricId);
    const tally = (link && tallies.get(link.input.id)) ?? unlinked;
    tally.items += 1;
    tally.effort += knownEffort(item);
    tally.score += scoreByItem.get(item.id) ?? 0;
  }

  const all = [...tallies.values(), unlinked];
  const totals = {
    items: all.reduce((s, t) => s + t.items, 0),
    effort: all.reduce((s, t) => s + t.effort, 0),
    score: all.reduce((s, t) => s + t.score, 0),
  };

  const row = (metricId: Id | null, name: string, t: Tally): AlignmentRow => ({
    metricId,
    name,
    items: t.items,
    effort: t.effort,
    score: t.score,
    itemShare: share(t.items, totals.items),
    effortShare: share(t.effort, totals.effort),
    scoreShare: share(t.score, totals.score),
    noWork: t.items === 0,
  });

  return {
    rows: inputs.map((m) => row(m.id, m.name, tallies.get(m.id) as Tally)),
    unlinked: row(null, UNLINKED_NAME, unlinked),
    totals,
  };
}
