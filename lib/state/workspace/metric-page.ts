/**
 * The metric page (`#metric/<id>`): one metric of the active tree over time, with what
 * the team loop knows about it. Which metric is shown is set by the dashboard's route;
 * everything else is derived from the tree and the loop. The amber band typed in the
 * thresholds editor waits here as a draft until it is valid and stored.
 */
import { computed, signal } from '@preact/signals-core';
import { chartGeometry, type ShipMark } from '../../domain/metric-chart';
import { defaultThresholds } from '../../domain/metric-status';
import { amberWithinTextProblem, amberWithinValue } from '../../domain/threshold-text';
import type { Direction } from '../../domain/loop-types';
import type { Id, Metric } from '../../domain/types';
import { request } from '../../messaging/client';
import { createDraftStore } from '../drafts';
import { keyResultProgressById, metricStatusById, shipments, thresholds } from './loop';
import { ownPeriod } from '../../domain/value-summary';
import { items, ranking, seriesOf, treeMetrics } from './tree';

/** The metric the page shows; null on every other page. */
export const shownMetricId = signal<Id | null>(null);

export const shownMetric = computed(() => treeMetrics.value.find((m) => m.id === shownMetricId.value) ?? null);

/** Whether `item`'s tag leads to `metric`: tagged with it, with a team metric under it, or (for the NSM) with any. */
function servesMetric(taggedId: Id | null, metric: Metric, metrics: readonly Metric[]): boolean {
  if (taggedId === null) return false;
  if (metric.role === 'nsm') return metrics.some((m) => m.id === taggedId);
  if (taggedId === metric.id) return true;
  return metrics.some((m) => m.id === taggedId && m.parentId === metric.id && m.role === 'team');
}

export const shownSeries = computed(() => {
  const metric = shownMetric.value;
  if (!metric) return [];
  return seriesOf(metric.id, ownPeriod(metric));
});

/** Ship dates of the items that serve the metric, named by the item's title. */
export const shownShipMarks = computed<ShipMark[]>(() => {
  const metric = shownMetric.value;
  if (!metric) return [];
  const byId = new Map(items.value.map((i) => [i.id, i]));
  return shipments.value.flatMap((s) => {
    const item = byId.get(s.itemId);
    return item && servesMetric(item.inputMetricId, metric, treeMetrics.value)
      ? [{ id: s.id, at: s.at, label: item.title || 'Untitled item', url: item.links[0]?.url }]
      : [];
  });
});

export const shownChart = computed(() => {
  const metric = shownMetric.value;
  if (!metric) return null;
  return chartGeometry(shownSeries.value, metric.period ?? 'week', metric.target, shownShipMarks.value);
});

export const shownStatus = computed(() => metricStatusById.value.get(shownMetricId.value ?? '') ?? null);

/** The metric's own thresholds, or the default rule it is judged by until the user sets one. */
export const shownThresholds = computed(() => {
  const id = shownMetricId.value;
  if (!id) return null;
  const own = thresholds.value.find((t) => t.metricId === id);
  return { rule: own ?? defaultThresholds(id), own: own !== undefined };
});

export const shownKeyResults = computed(() =>
  [...keyResultProgressById.value.values()]
    .filter((p) => p.metric.id === shownMetricId.value)
    .sort(
      (a, b) =>
        b.keyResult.quarter.localeCompare(a.keyResult.quarter) || a.keyResult.team.localeCompare(b.keyResult.team),
    ),
);

/** The work that serves the metric: ranked first, in rank order, then the items not fully estimated. */
export const shownWork = computed(() => {
  const metric = shownMetric.value;
  if (!metric) return { ranked: [], unscored: [] };
  const serves = (tagged: Id | null) => servesMetric(tagged, metric, treeMetrics.value);
  return {
    ranked: ranking.value.ranked.filter((r) => serves(r.item.inputMetricId)),
    unscored: ranking.value.unscored.filter((r) => serves(r.item.inputMetricId)),
  };
});

export type ThresholdField = 'amberWithin';

/** The amber band typed on the metric page, by metric id; the direction is a choice and is stored at once. */
export const thresholdEdits = createDraftStore<ThresholdField>({
  problem: (_field, text) => amberWithinTextProblem(text),
  async save(metricId, text) {
    const amberWithin = amberWithinValue(text.amberWithin ?? '');
    if (amberWithin === null) return;
    const direction = thresholds.value.find((t) => t.metricId === metricId)?.direction ?? 'up';
    await request({ type: 'thresholds.set', metricId, rule: { direction, amberWithin } });
  },
  fieldOfPath: (path) => (path.endsWith('.amberWithin') ? 'amberWithin' : null),
});

/** Stores the direction with the band as stored (or the default band). */
export async function setDirection(metricId: Id, direction: Direction): Promise<void> {
  const amberWithin =
    thresholds.value.find((t) => t.metricId === metricId)?.amberWithin ?? defaultThresholds(metricId).amberWithin;
  await request({ type: 'thresholds.set', metricId, rule: { direction, amberWithin } });
}

/** Back to the default rule (up, 10%). */
export async function clearThresholds(metricId: Id): Promise<void> {
  thresholdEdits.forget();
  await request({ type: 'thresholds.set', metricId, rule: null });
}
