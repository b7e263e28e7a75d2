/**
 * Validating the North Star against revenue: a good NSM is a leading indicator, so its
 * values should correlate with revenue some periods later. Observations are grouped by
 * calendar period (mean per period) and paired across real consecutive periods, so a
 * missing month shifts nothing.
 */
import type { Observation, Period } from './types';

/** Below this many paired periods a correlation says little (North Star Playbook). */
export const MIN_PAIRS = 12;

const DAY_MS = 86_400_000;

function scaled(values: readonly number[]): number[] {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return largest > 0 && Number.isFinite(largest) ? values.map((v) => v / largest) : [...values];
}

/** Pearson's r, or null when it is undefined: fewer than 2 pairs or a constant series. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) {
    throw new RangeError(`pearson needs pairs: got ${xs.length} x values and ${ys.length} y values`);
  }
  const n = xs.length;
  if (n < 2) return null;
  // An exact check: the mean of equal floats may differ from them by rounding, which
  // would otherwise turn a constant series into a spurious correlation.
  if (xs.every((x) => x === xs[0]) || ys.every((y) => y === ys[0])) return null;
  // r does not change with scale; bringing both series into [-1, 1] keeps the sums of
  // squares from overflowing on values near the largest float.
  const x = scaled(xs);
  const y = scaled(ys);
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  if (!Number.isFinite(r)) return null;
  return Math.max(-1, Math.min(1, r));
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** Days since 1970-01-01. */
  dayNumber: number;
}

function parseDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day, dayNumber: time / DAY_MS };
    }
  }
  throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
}

/** Monday = 0 ... Sunday = 6. 1970-01-01 was a Thursday. */
function isoWeekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function isoWeek(d: CalendarDate): { year: number; week: number } {
  const thursday = d.dayNumber - isoWeekday(d.dayNumber) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
  return { year, week: Math.floor((thursday - firstDay) / 7) + 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The label of the period containing `date`: 2024-W05, 2024-02, 2024-Q1, 2024 or the date itself. */
export function periodKey(date: string, period: Period): string {
  const d = parseDate(date);
  switch (period) {
    case 'day':
      return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
    case 'week': {
      const { year, week } = isoWeek(d);
      return `${pad(year, 4)}-W${pad(week)}`;
    }
    case 'month':
      return `${pad(d.year, 4)}-${pad(d.month)}`;
    case 'quarter':
      return `${pad(d.year, 4)}-Q${Math.ceil(d.month / 3)}`;
    case 'year':
      return pad(d.year, 4);
  }
}

/** A number per period such that consecutive periods differ by exactly 1. */
export function periodIndex(date: string, period: Period): number {
  const d = parseDate(date);
  switch (period) {
    case 'day':
      return d.dayNumber;
    case 'week':
      // The Monday of the week, counted in weeks; Mondays fall on day numbers ≡ -3 (mod 7).
      return (d.dayNumber - isoWeekday(d.dayNumber) + 3) / 7;
    case 'month':
      return d.year * 12 + (d.month - 1);
    case 'quarter':
      return d.year * 4 + Math.floor((d.month - 1) / 3);
    case 'year':
      return d.year;
  }
}

function meansBy<K>(observations: readonly Observation[], keyOf: (o: Observation) => K): Map<K, number> {
  const sums = new Map<K, { sum: number; count: number }>();
  for (const o of observations) {
    const key = keyOf(o);
    const acc = sums.get(key) ?? { sum: 0, count: 0 };
    acc.sum += o.value;
    acc.count += 1;
    sums.set(key, acc);
  }
  return new Map([...sums].map(([key, { sum, count }]) => [key, sum / count]));
}

/** The mean value per period, keyed by `periodKey`, in chronological order. */
export function bucketByPeriod(observations: readonly Observation[], period: Period): Map<string, number> {
  const means = meansBy(observations, (o) => periodKey(o.at, period));
  return new Map([...means].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface LagCorrelation {
  /** How many periods the NSM leads: NSM at period t is paired with the output at t + lag. */
  lag: number;
  r: number | null;
  pairs: number;
}

export interface LeadLag {
  byLag: LagCorrelation[];
  /** The strongest positive lead among lags with enough pairs. */
  best: { lag: number; r: number; pairs: number } | null;
  enoughData: boolean;
  message: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(best: LeadLag['best'], period: Period): string {
  if (!best) return 'No correlation: the values do not vary over the paired periods';
  const r = `r = ${best.r.toFixed(2)}`;
  const pairs = `${plural(best.pairs, 'paired period')}`;
  if (best.lag === 0) return `${r} in the same ${period} (${pairs})`;
  return `${r} with the North Star leading by ${plural(best.lag, period)} (${pairs})`;
}

export function leadLagCorrelation(
  nsm: readonly Observation[],
  output: readonly Observation[],
  period: Period,
  maxLag = 6,
): LeadLag {
  const nsmByPeriod = meansBy(nsm, (o) => periodIndex(o.at, period));
  const outputByPeriod = meansBy(output, (o) => periodIndex(o.at, period));
  return leadLagOfMeans(nsmByPeriod, outputByPeriod, period, maxLag);
}

/** A period's mean value, by `periodIndex`; `periodSeries` gives the same as a list. */
export interface PeriodMean {
  index: number;
  value: number;
}

/** `leadLagCorrelation` from both metrics' values grouped by `period`, oldest first. */
export function leadLagOfSeries(
  nsm: readonly PeriodMean[],
  output: readonly PeriodMean[],
  period: Period,
  maxLag = 6,
): LeadLag {
  const byIndex = (series: readonly PeriodMean[]) => new Map(series.map((p) => [p.index, p.value]));
  return leadLagOfMeans(byIndex(nsm), byIndex(output), period, maxLag);
}

function leadLagOfMeans(
  nsmByPeriod: ReadonlyMap<number, number>,
  outputByPeriod: ReadonlyMap<number, number>,
  period: Period,
  maxLag: number,
): LeadLag {
  const lags = Math.max(0, Math.floor(maxLag));

  const byLag: LagCorrelation[] = [];
  for (let lag = 0; lag <= lags; lag++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [t, x] of nsmByPeriod) {
      const y = outputByPeriod.get(t + lag);
      if (y === undefined) continue;
      xs.push(x);
      ys.push(y);
    }
    byLag.push({ lag, r: pearson(xs, ys), pairs: xs.length });
  }

  const eligible = byLag.filter((l) => l.pairs >= MIN_PAIRS);
  const enoughData = eligible.length > 0;
  let best: LeadLag['best'] = null;
  for (const l of eligible) {
    if (l.r !== null && (best === null || l.r > best.r)) best = { lag: l.lag, r: l.r, pairs: l.pairs };
  }

  const mostPairs = byLag.reduce((m, l) => Math.max(m, l.pairs), 0);
  const message = enoughData
    ? describe(best, period)
    : `Not enough data: ${plural(mostPairs, 'paired period')}, ${MIN_PAIRS} needed`;
  return { byLag, best, enoughData, message };
}
