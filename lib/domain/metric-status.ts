/**
 * Values on the tree: per metric its latest value, the change against the period just
 * before it, its target and a red/amber/green status.
 *
 * The status rule, with the user's thresholds (direction and amber band):
 * - green: at or beyond the target (>= for a metric that should go up, <= for down);
 * - amber: short of the target by at most `amberWithin` × |target| (0.1 = within 10%);
 * - red: further away;
 * - no status without a target or a value: a colour never stands in for a missing number.
 * A metric without thresholds of its own should go up with a 10% amber band.
 *
 * The change compares calendar periods: when the period before the latest has no value,
 * there is no change to show, rather than a change over an unknown stretch of time.
 */
import { type PeriodValue, periodKeyOf, periodSeries } from './period';
import type { Id, Metric, Observation } from './types';
import type { Direction, MetricThresholds } from './loop-types';

export const DEFAULT_AMBER_WITHIN = 0.1;
export const MAX_AMBER_WITHIN = 1;
const BOUNDARY_TOLERANCE = 1e-9;

export type RagStatus = 'green' | 'amber' | 'red';

/** Why a typed amber band is refused; null when it is between 0% and 100%. */
export function amberWithinProblem(value: number): string | null {
  if (!Number.isFinite(value) || value < 0 || value > MAX_AMBER_WITHIN) {
    return 'The amber band is a share of the target from 0% to 100% (10% = amber within 10% of the target)';
  }
  return null;
}

export function defaultThresholds(metricId: Id): MetricThresholds {
  return { metricId, direction: 'up', amberWithin: DEFAULT_AMBER_WITHIN };
}

/** Red, amber or green for one value against a target, by the rule in the module comment. */
export function ragStatus(
  value: number,
  target: number,
  thresholds: Pick<MetricThresholds, 'direction' | 'amberWithin'>,
): RagStatus {
  const shortfall = shortOfTarget(value, target, thresholds.direction);
  if (shortfall <= 0) return 'green';
  const band = thresholds.amberWithin * Math.abs(target);
  // The edge is inclusive as typed: 8.8 against 8 is within 10%, though 8.8 - 8 is 0.8000000000000007.
  return shortfall - band <= BOUNDARY_TOLERANCE * Math.max(1, Math.abs(target)) ? 'amber' : 'red';
}

/** How far the value still has to go to reach the target; 0 or less when it has. */
function shortOfTarget(value: number, target: number, direction: Direction): number {
  return direction === 'up' ? target - value : value - target;
}

export interface MetricValueStatus {
  metric: Metric;
  latest: PeriodValue | null;
  /** The period just before the latest one, when it has a value. */
  previous: PeriodValue | null;
  /** latest - previous; null without both. */
  change: number | null;
  /** The change as a fraction of the previous value; null also when that is 0. */
  changeFraction: number | null;
  /** Why there is no change to show, e.g. "no value for 2025-W04". */
  changeNote: string | null;
  target: number | null;
  status: RagStatus | null;
}

export function changeBetween(series: readonly PeriodValue[], at: number) {
  const latest = series.find((p) => p.index === at) ?? null;
  const previous = series.find((p) => p.index === at - 1) ?? null;
  const change = latest && previous ? latest.value - previous.value : null;
  const changeFraction = change !== null && previous && previous.value !== 0 ? change / Math.abs(previous.value) : null;
  return { latest, previous, change, changeFraction };
}

/** `observations` may hold every metric's; only this metric's are read. */
export function metricValueStatus(
  metric: Metric,
  observations: readonly Observation[],
  thresholds: MetricThresholds = defaultThresholds(metric.id),
): MetricValueStatus {
  const own = observations.filter((o) => o.metricId === metric.id);
  return seriesValueStatus(metric, periodSeries(own, metric.period ?? 'week'), thresholds);
}

/** The same from the metric's values grouped by its period (`periodSeries`), as the dashboard holds them. */
export function seriesValueStatus(
  metric: Metric,
  series: readonly PeriodValue[],
  thresholds: MetricThresholds = defaultThresholds(metric.id),
): MetricValueStatus {
  const period = metric.period ?? 'week';
  const last = series.at(-1);
  const { latest, previous, change, changeFraction } = last
    ? changeBetween(series, last.index)
    : { latest: null, previous: null, change: null, changeFraction: null };
  const changeNote =
    latest === null
      ? 'no values recorded'
      : previous === null
        ? `no value for ${periodKeyOf(latest.index - 1, period)}`
        : null;
  const status = latest && metric.target !== null ? ragStatus(latest.value, metric.target, thresholds) : null;
  return { metric, latest, previous, change, changeFraction, changeNote, target: metric.target, status };
}

/** Every metric's values and status; thresholds the user has not set fall back to the default. */
export function treeValues(
  metrics: readonly Metric[],
  observations: readonly Observation[],
  thresholds: readonly MetricThresholds[] = [],
): MetricValueStatus[] {
  const byMetric = new Map(thresholds.map((t) => [t.metricId, t]));
  return metrics.map((m) => metricValueStatus(m, observations, byMetric.get(m.id)));
}

/** `treeValues` from each metric's values grouped by its period. */
export function treeSeriesValues(
  metrics: readonly Metric[],
  seriesOf: (metric: Metric) => readonly PeriodValue[],
  thresholds: readonly MetricThresholds[] = [],
): MetricValueStatus[] {
  const byMetric = new Map(thresholds.map((t) => [t.metricId, t]));
  return metrics.map((m) => seriesValueStatus(m, seriesOf(m), byMetric.get(m.id)));
}
