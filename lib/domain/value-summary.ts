/**
 * What the dashboard's views read of a metric's values, computed where the values are
 * (the background), so no view holds every value of every metric (500,000 of them, 58 MB,
 * in a workspace at the export format's caps):
 * - the card and the popup: how many values, and the latest `RECENT_VALUES` as recorded;
 * - the status, the weekly review, outcomes and the chart: the values grouped by the
 *   metric's own period (`periodSeries`, a few hundred periods where there are thousands
 *   of days);
 * - the revenue correlation: the NSM's and the outputs' values grouped by the NSM's period;
 * - key results: the values recorded since the earliest quarter a key result on the
 *   metric covers, as recorded (a window starting mid-week cuts a week in two).
 * A metric's every value is read only on its own page (`observations.list`).
 */
import type { KeyResult } from './loop-types';
import { type PeriodValue, periodSeries, quarterBounds } from './period';
import { nsmOf } from './tree';
import type { Id, Metric, Observation, Period } from './types';

/** The values a card's sparkline and the popup's show. */
export const RECENT_VALUES = 12;

/** What the views need of one metric's values. */
export interface ValueNeed {
  metricId: Id;
  /** The periods its values are grouped by: its own, and the NSM's for the correlation. */
  periods: Period[];
  /** The first day of the values read as recorded (key results' windows); null for none. */
  valuesFrom: string | null;
}

export interface ValueSummary {
  metricId: Id;
  /** How many values the metric has. */
  count: number;
  /** The latest `RECENT_VALUES` values, oldest first. */
  recent: Observation[];
  /** The values grouped by each period asked for. */
  series: Partial<Record<Period, PeriodValue[]>>;
  valuesFrom: string | null;
  /** The values on or after `valuesFrom`, oldest first; none without it. */
  values: Observation[];
}

/** The period a metric's values are shown by: its own, weeks when it has none. */
export function ownPeriod(metric: Pick<Metric, 'period'>): Period {
  return metric.period ?? 'week';
}

/** The period the revenue correlation pairs values by (lint.ts, the validation view). */
export function correlationPeriod(nsm: Pick<Metric, 'period'>): Period {
  return nsm.period ?? 'month';
}

/** The first day a key result reads values from: its quarter's, or its due date without one. */
export function keyResultFrom(kr: Pick<KeyResult, 'quarter' | 'due'>): string {
  return quarterBounds(kr.quarter)?.start ?? kr.due;
}

/** What every view of the tree needs of each metric's values. */
export function valueNeeds(metrics: readonly Metric[], keyResults: readonly KeyResult[]): ValueNeed[] {
  const nsm = nsmOf([...metrics]);
  const from = new Map<Id, string>();
  for (const kr of keyResults) {
    const start = keyResultFrom(kr);
    const held = from.get(kr.metricId);
    if (held === undefined || start < held) from.set(kr.metricId, start);
  }
  return metrics.map((m) => {
    const periods = new Set<Period>([ownPeriod(m)]);
    if (nsm && (m.id === nsm.id || m.role === 'output')) periods.add(correlationPeriod(nsm));
    return { metricId: m.id, periods: [...periods].sort(), valuesFrom: from.get(m.id) ?? null };
  });
}

/** Two needs are the same when a summary read for one answers the other. */
export function needKey(need: ValueNeed): string {
  return `${need.periods.join(',')}|${need.valuesFrom ?? ''}`;
}

/** One metric's summary; `observations` are its values in stored order (oldest date first). */
export function summarise(need: ValueNeed, observations: readonly Observation[]): ValueSummary {
  const series: Partial<Record<Period, PeriodValue[]>> = {};
  for (const period of need.periods) series[period] = periodSeries(observations, period);
  const from = need.valuesFrom;
  return {
    metricId: need.metricId,
    count: observations.length,
    recent: observations.slice(-RECENT_VALUES),
    series,
    valuesFrom: from,
    values: from === null ? [] : observations.filter((o) => o.at >= from),
  };
}
