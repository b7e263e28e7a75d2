/**
 * The weekly review (framework process, steps 6-7): per metric the reviewed period's
 * value, its change, target and trend; changes outside the metric's usual range; and what
 * shipped since the last review, per input metric. review-markdown.ts renders it; which
 * week it shows is review-period.ts's.
 *
 * Unusual change: the reviewed value lies more than 2 standard deviations from the mean
 * of the 8 periods before it (ANOMALY_WINDOW, ANOMALY_SD). Only periods with a value
 * count, and at least 3 must have one (MIN_HISTORY), or the range is not known. The
 * standard deviation is the sample one (n - 1): with 8 or fewer points the population
 * formula understates the spread and would flag ordinary weeks.
 *
 * Trend: the least-squares slope over the reviewed period and the 7 before it (at least
 * 3 values); flat when the fitted line moves less than 2% of the mean over that stretch.
 */
import { formatNumber } from './format';
import { changeBetween, defaultThresholds, type RagStatus, ragStatus } from './metric-status';
import { addDays, dayNumber, type PeriodValue, periodNoun, periodSeries } from './period';
import { type ReviewPeriod, weekStart } from './review-period';
import { periodIndex, periodKey } from './correlation';
import { metricById, resolveInputLink } from './tree';
import type { Item, Metric, MetricRole, Observation, Period } from './types';
import type { MetricThresholds, ReviewNote, Shipment } from './loop-types';

export const ANOMALY_WINDOW = 8;
export const ANOMALY_SD = 2;
export const MIN_HISTORY = 3;
export const FLAT_TREND = 0.02;

export type Trend = 'rising' | 'falling' | 'flat';

export interface Anomaly {
  value: number;
  mean: number;
  /** Sample standard deviation of the history. */
  sd: number;
  /** Standard deviations from the mean; null when the history is constant. */
  z: number | null;
  /** Periods of the window that have a value. */
  periods: number;
  message: string;
}

export interface ReviewRow {
  metric: Metric;
  period: Period;
  /** The reviewed period's label: 2025-W11. */
  key: string;
  value: number | null;
  change: number | null;
  changeFraction: number | null;
  target: number | null;
  status: RagStatus | null;
  trend: Trend | null;
  anomaly: Anomaly | null;
}

export interface ShippedGroup {
  /** The input metric the items move; null for items linked to none. */
  input: Metric | null;
  items: { item: Item; at: string }[];
}

export interface WeeklyReview {
  period: ReviewPeriod;
  /** The day after which shipped work counts as news. */
  since: string;
  rows: ReviewRow[];
  shipped: ShippedGroup[];
}

export interface WeeklyReviewInput {
  period: ReviewPeriod;
  /** The day an earlier week's review was held (lastReviewDate), or null for a first review. */
  lastReview: string | null;
  metrics: readonly Metric[];
  /** Every metric's values; or, as the dashboard holds them, `seriesOf`. */
  observations?: readonly Observation[];
  /** A metric's values grouped by its period (`periodSeries`). */
  seriesOf?: (metric: Metric) => readonly PeriodValue[];
  items: readonly Item[];
  shipments: readonly Shipment[];
  thresholds?: readonly MetricThresholds[];
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/** A value as the metric reads: 30 with unit % is "30%"; other units are left to the table. */
function amount(value: number, unit: string): string {
  return unit.trim() === '%' ? `${formatNumber(value)}%` : formatNumber(value);
}

function meanWords(m: string, periods: number, period: Period): string {
  const window = `the last ${ANOMALY_WINDOW} ${periodNoun(period, ANOMALY_WINDOW)}`;
  return periods === ANOMALY_WINDOW
    ? `${window}' mean of ${m}`
    : `the mean of ${m} over the ${periods} of ${window} that have a value`;
}

/** The reviewed value against the periods before it; null when it is within the usual range. */
export function anomalyOf(value: number, history: readonly PeriodValue[], period: Period, unit = ''): Anomaly | null {
  if (history.length < MIN_HISTORY) return null;
  const values = history.map((p) => p.value);
  const m = mean(values);
  const sd = sampleSd(values);
  const base = { value, mean: m, sd, periods: history.length };
  if (sd === 0) {
    if (value === m) return null;
    const message =
      `${amount(value, unit)} differs from ${history.length} ${periodNoun(period, history.length)} ` +
      `that were all ${amount(m, unit)}`;
    return { ...base, z: null, message };
  }
  const z = (value - m) / sd;
  if (Math.abs(z) <= ANOMALY_SD) return null;
  const message =
    `${amount(value, unit)} is ${Math.abs(z).toFixed(1)} standard deviations ${z > 0 ? 'above' : 'below'} ` +
    meanWords(amount(m, unit), history.length, period);
  return { ...base, z, message };
}

/** Rising, falling or flat by the rule in the module comment; null with fewer than 3 values. */
export function trendOf(points: readonly PeriodValue[]): Trend | null {
  if (points.length < MIN_HISTORY) return null;
  const mx = mean(points.map((p) => p.index));
  const my = mean(points.map((p) => p.value));
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.index - mx) * (p.value - my);
    sxx += (p.index - mx) ** 2;
  }
  const first = points[0]!.index;
  const last = points.at(-1)!.index;
  const rise = (sxy / sxx) * (last - first);
  if (Math.abs(rise) < FLAT_TREND * Math.abs(my) || rise === 0) return 'flat';
  return rise > 0 ? 'rising' : 'falling';
}

const ROLE_ORDER: readonly MetricRole[] = ['nsm', 'input', 'team', 'output', 'health'];

function rowOf(metric: Metric, input: WeeklyReviewInput, thresholds: MetricThresholds | undefined): ReviewRow {
  const period = metric.period ?? 'week';
  const at = periodIndex(input.period.until, period);
  // Whole periods up to the reviewed one: the same periods either way.
  const series = input.seriesOf
    ? input.seriesOf(metric).filter((p) => p.index <= at)
    : periodSeries(
        (input.observations ?? []).filter((o) => o.metricId === metric.id && periodIndex(o.at, period) <= at),
        period,
      );
  const { latest, change, changeFraction } = changeBetween(series, at);
  const history = series.filter((p) => p.index >= at - ANOMALY_WINDOW && p.index < at);
  const recent = series.filter((p) => p.index > at - ANOMALY_WINDOW);
  const value = latest?.value ?? null;
  const rag = value !== null && metric.target !== null;
  return {
    metric,
    period,
    key: periodKey(input.period.until, period),
    value,
    change,
    changeFraction,
    target: metric.target,
    status: rag ? ragStatus(value, metric.target as number, thresholds ?? defaultThresholds(metric.id)) : null,
    trend: trendOf(recent),
    anomaly: value === null ? null : anomalyOf(value, history, period, metric.unit),
  };
}

/**
 * What shipped after this day is news: the last review's day, but no later than the eve of
 * the reviewed week (a review of week 10 held on Monday of week 11 still leaves all of week
 * 11 for the next one, and notes written late for an old week do not hide the week shown).
 * A first review counts the reviewed week.
 */
function sinceDate(input: WeeklyReviewInput): string {
  const eve = addDays(input.period.start, -1);
  return input.lastReview !== null && input.lastReview < eve ? input.lastReview : eve;
}

/**
 * Shipped after `since` and on or before the review's last day, grouped by input metric in tree order;
 * an input metric with nothing shipped keeps its (empty) group, since that is news too.
 * Items linked to no input metric come last, when there are any.
 */
function shippedSince(input: WeeklyReviewInput, since: string): ShippedGroup[] {
  const byId = metricById(input.metrics);
  const items = new Map(input.items.map((i) => [i.id, i]));
  const from = dayNumber(since);
  const to = dayNumber(input.period.until);
  const groups = new Map<string | null, ShippedGroup>();
  for (const metric of input.metrics.filter((m) => m.role === 'input')) {
    groups.set(metric.id, { input: metric, items: [] });
  }
  groups.set(null, { input: null, items: [] });
  const shipments = [...input.shipments].sort((a, b) => dayNumber(a.at) - dayNumber(b.at));
  for (const s of shipments) {
    const item = items.get(s.itemId);
    const day = dayNumber(s.at);
    if (!item || day <= from || day > to) continue;
    const link = resolveInputLink(byId, item.inputMetricId);
    groups.get(link?.input.id ?? null)?.items.push({ item, at: s.at });
  }
  return [...groups.values()].filter((g) => g.input !== null || g.items.length > 0);
}

export function weeklyReview(input: WeeklyReviewInput): WeeklyReview {
  const thresholds = new Map((input.thresholds ?? []).map((t) => [t.metricId, t]));
  const metrics = [...input.metrics].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const since = sinceDate(input);
  return {
    period: input.period,
    since,
    rows: metrics.map((m) => rowOf(m, input, thresholds.get(m.id))),
    shipped: shippedSince(input, since),
  };
}

/** A stored note's problems: it must name a week, and a review is held during or after the week it reviews. */
export function reviewNoteProblems(note: Pick<ReviewNote, 'week' | 'heldOn'>): Partial<Record<'week', string>> {
  const start = weekStart(note.week);
  if (start === null) return { week: 'must be an ISO week, written like 2025-W11' };
  if (note.heldOn < start) return { week: 'starts after the day the review was held' };
  return {};
}

/**
 * The day of the latest review held of a week before `week`, or null: what "shipped since
 * the last review" counts from. The reviewed week's own note does not count, so the review
 * keeps showing the same items after its notes are written.
 */
export function lastReviewDate(notes: readonly Pick<ReviewNote, 'week' | 'heldOn'>[], week: string): string | null {
  let last: string | null = null;
  for (const note of notes) {
    if (note.week >= week) continue;
    if (last === null || note.heldOn > last) last = note.heldOn;
  }
  return last;
}
