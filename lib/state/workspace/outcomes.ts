/**
 * The outcomes view's derived state: per shipped item, its metric's mean before and after
 * over N periods (N typed by the user, validated like the RICE fields: an impossible
 * value stays in its field with the reason and the last valid N keeps being used).
 */
import { computed, signal } from '@preact/signals-core';
import {
  type BeforeAfter,
  DEFAULT_OUTCOME_PERIODS,
  outcomePeriodsProblem,
  seriesBeforeAfter,
} from '../../domain/outcomes';
import { metricById, resolveInputLink } from '../../domain/tree';
import type { Item, Metric } from '../../domain/types';
import { shipments, today } from './loop';
import { ownPeriod } from '../../domain/value-summary';
import { items, seriesOf, treeMetrics } from './tree';

/** What is typed in the N field. */
export const outcomePeriodsText = signal(String(DEFAULT_OUTCOME_PERIODS));
export const outcomePeriodsError = computed(() => {
  const text = outcomePeriodsText.value.trim();
  return outcomePeriodsProblem(text === '' ? Number.NaN : Number(text));
});
const lastValid = signal(DEFAULT_OUTCOME_PERIODS);
/** The N the comparisons use: the typed one when valid, else the last valid one. */
export const outcomePeriods = computed(() =>
  outcomePeriodsError.value === null ? Number(outcomePeriodsText.value.trim()) : lastValid.peek(),
);

export function typeOutcomePeriods(text: string): void {
  outcomePeriodsText.value = text;
  if (outcomePeriodsError.value === null) lastValid.value = Number(text.trim());
}

export interface ShippedOutcome {
  item: Item;
  at: string;
  /** The metric the item is tagged with; null when it moves none of the tree's metrics. */
  metric: Metric | null;
  comparison: BeforeAfter | null;
}

/** Every shipped item with a ship date, latest first. */
export const shippedOutcomes = computed<ShippedOutcome[]>(() => {
  const byId = new Map(items.value.map((i) => [i.id, i]));
  const metrics = metricById(treeMetrics.value);
  const n = outcomePeriods.value;
  const out: ShippedOutcome[] = [];
  for (const s of [...shipments.value].reverse()) {
    const item = byId.get(s.itemId);
    if (!item) continue;
    const metric = resolveInputLink(metrics, item.inputMetricId)?.metric ?? null;
    const comparison = metric
      ? seriesBeforeAfter(s.at, metric, seriesOf(metric.id, ownPeriod(metric)), today.value, n)
      : null;
    out.push({ item, at: s.at, metric, comparison });
  }
  return out;
});
