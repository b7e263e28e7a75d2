/**
 * The outcome loop: did shipped work and experiments move their metrics?
 *
 * Before/after: the mean of the metric over the N periods before the one an item shipped
 * in, against the N periods after it. The shipping period itself is left out (it mixes
 * both), and so is the period today is in (not over yet). Periods without a value are
 * skipped and counted, so the comparison says what it rests on.
 *
 * Win rates: of a quarter's experiments (by the quarter they started in), the share whose
 * result is "yes", out of those with a result. "Unclear" is a result and counts against
 * the rate; running experiments have none and are left out of it.
 *
 * RICE confidence against outcomes: an item's outcome is its latest concluded experiment's
 * effect on the input metric. Confidence falls into the nearest named level: high above
 * 90%, medium above 65%, low below.
 */
import { periodIndex } from './correlation';
import { formatNumber, formatPercent } from './format';
import { dayNumber, type PeriodValue, periodNoun, periodSeries, quarterOf } from './period';
import type { Item, Metric, Observation } from './types';
import type { Experiment, ExperimentResult } from './loop-types';

export const DEFAULT_OUTCOME_PERIODS = 4;
export const MAX_OUTCOME_PERIODS = 26;

export function outcomePeriodsProblem(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > MAX_OUTCOME_PERIODS) {
    return `Compare over a whole number of periods from 1 to ${MAX_OUTCOME_PERIODS}`;
  }
  return null;
}

/** The ship date to record when an item's status changes, or null: only the first move into `shipped` records one. */
export function shipDateToRecord(
  before: Pick<Item, 'status'> | null,
  after: Pick<Item, 'status'>,
  today: string,
  alreadyRecorded: boolean,
): string | null {
  if (after.status !== 'shipped' || before?.status === 'shipped' || alreadyRecorded) return null;
  return today;
}

export type ExperimentField = 'title' | 'startedAt' | 'endedAt' | 'movedInput';
export type ExperimentDraft = Pick<Experiment, 'title' | 'startedAt' | 'endedAt' | 'movedInput' | 'movedNsm'>;

function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Every field's problem, in words; fields without one are absent. */
export function experimentProblems(e: ExperimentDraft): Partial<Record<ExperimentField, string>> {
  const problems: Partial<Record<ExperimentField, string>> = {};
  if (e.title.trim() === '') problems.title = 'Give the experiment a name';
  const started = isDate(e.startedAt);
  if (!started) problems.startedAt = 'The start date must be a date that exists, written YYYY-MM-DD';
  if (e.endedAt !== null) {
    if (!isDate(e.endedAt)) problems.endedAt = 'The end date must be a date that exists, written YYYY-MM-DD';
    else if (started && dayNumber(e.endedAt) < dayNumber(e.startedAt)) {
      problems.endedAt = 'The experiment cannot end before it started';
    }
  }
  if (e.endedAt === null && (e.movedInput !== null || e.movedNsm !== null)) {
    problems.movedInput = 'Record when the experiment ended before recording its results';
  }
  return problems;
}

export interface OutcomeSide {
  mean: number | null;
  /** Periods in the window that have a value, out of `wanted`. */
  periods: number;
  wanted: number;
}

export interface BeforeAfter {
  before: OutcomeSide;
  after: OutcomeSide;
  /** after - before; null unless both sides have a value. */
  change: number | null;
  caveat: string;
}

function side(values: number[], wanted: number): OutcomeSide {
  const mean = values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
  return { mean, periods: values.length, wanted };
}

export function beforeAfter(
  shippedAt: string,
  metric: Metric,
  observations: readonly Observation[],
  today: string,
  n = DEFAULT_OUTCOME_PERIODS,
): BeforeAfter {
  const own = observations.filter((o) => o.metricId === metric.id);
  return seriesBeforeAfter(shippedAt, metric, periodSeries(own, metric.period ?? 'week'), today, n);
}

/** The same from the metric's values grouped by its period (`periodSeries`), as the dashboard holds them. */
export function seriesBeforeAfter(
  shippedAt: string,
  metric: Metric,
  series: readonly PeriodValue[],
  today: string,
  n = DEFAULT_OUTCOME_PERIODS,
): BeforeAfter {
  const period = metric.period ?? 'week';
  const shipped = periodIndex(shippedAt, period);
  const current = periodIndex(today, period);
  const before = series.filter((p) => p.index >= shipped - n && p.index < shipped).map((p) => p.value);
  const after = series.filter((p) => p.index > shipped && p.index <= shipped + n && p.index < current);
  const b = side(before, n);
  const a = side(
    after.map((p) => p.value),
    n,
  );
  const change = a.mean !== null && b.mean !== null ? a.mean - b.mean : null;
  const unit = periodNoun(period, n);
  const caveat =
    'Before and after is not cause and effect: other releases, seasonality, marketing and the ' +
    `metric's own noise move it too. Based on ${b.periods} of ${n} ${unit} before and ${a.periods} of ${n} ` +
    `after (the ${period} it shipped in is left out).`;
  return { before: b, after: a, change, caveat };
}

export interface WinRates {
  quarter: string;
  count: number;
  running: number;
  input: { moved: number; decided: number; rate: number | null };
  nsm: { moved: number; decided: number; rate: number | null };
  message: string;
}

function rateOf(results: readonly (ExperimentResult | null)[]) {
  const decided = results.filter((r) => r !== null).length;
  const moved = results.filter((r) => r === 'yes').length;
  return { moved, decided, rate: decided === 0 ? null : moved / decided };
}

const rateText = (rate: number | null) => (rate === null ? 'none yet' : formatPercent(rate));

/** The quarter's experiments and win rates: "12 experiments: 60% moved their input metric, 40% the North Star". */
export function quarterWinRates(experiments: readonly Experiment[], quarter: string): WinRates {
  const ours = experiments.filter((e) => quarterOf(e.startedAt) === quarter);
  const input = rateOf(ours.map((e) => e.movedInput));
  const nsm = rateOf(ours.map((e) => e.movedNsm));
  const running = ours.filter((e) => e.movedInput === null && e.movedNsm === null).length;
  const count = `${ours.length} experiment${ours.length === 1 ? '' : 's'}`;
  const tail = running > 0 ? `; ${running} still running.` : '.';
  const message =
    input.decided === 0 && nsm.decided === 0
      ? `${quarter}: ${count}, none with a result yet${tail}`
      : `${quarter}: ${count}: ${rateText(input.rate)} moved their input metric (of ${input.decided} with a ` +
        `result), ${rateText(nsm.rate)} the North Star (of ${nsm.decided})${tail}`;
  return { quarter, count: ours.length, running, input, nsm, message };
}

export const CONFIDENCE_BANDS = ['high', 'medium', 'low', 'not-estimated'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

export function confidenceBand(confidence: number | null): ConfidenceBand {
  if (confidence === null || !Number.isFinite(confidence)) return 'not-estimated';
  return confidence > 0.9 ? 'high' : confidence > 0.65 ? 'medium' : 'low';
}

export interface BandOutcome {
  band: ConfidenceBand;
  /** Items with a concluded experiment. */
  items: number;
  delivered: number;
  rate: number | null;
}

/** The item's latest concluded experiment's effect on its input metric; null without one. */
function outcomeOf(itemId: string, experiments: readonly Experiment[]): ExperimentResult | null {
  const concluded = experiments
    .filter((e) => e.itemId === itemId && e.movedInput !== null)
    .sort((a, b) => dayNumber(a.endedAt ?? a.startedAt) - dayNumber(b.endedAt ?? b.startedAt));
  return concluded.at(-1)?.movedInput ?? null;
}

/** How often items of each RICE confidence delivered: the calibration of the team's estimates. */
export function confidenceVsOutcomes(items: readonly Item[], experiments: readonly Experiment[]): BandOutcome[] {
  const bands = new Map(CONFIDENCE_BANDS.map((band) => [band, { band, items: 0, delivered: 0, rate: null }]));
  for (const item of items) {
    const outcome = outcomeOf(item.id, experiments);
    if (outcome === null) continue;
    const acc = bands.get(confidenceBand(item.rice.confidence)) as BandOutcome;
    acc.items += 1;
    if (outcome === 'yes') acc.delivered += 1;
  }
  return [...bands.values()].map((b) => ({ ...b, rate: b.items === 0 ? null : b.delivered / b.items }));
}

/** "High-confidence items: 3 of 5 moved their input metric (60%)." */
export function bandSentence(b: BandOutcome): string {
  const who =
    b.band === 'not-estimated' ? 'Items without a confidence estimate' : `${capital(b.band)}-confidence items`;
  if (b.items === 0) return `${who} have no concluded experiment yet.`;
  const share = `${formatNumber(b.delivered)} of ${formatNumber(b.items)}`;
  return `${who}: ${share} moved their input metric (${rateText(b.rate)}).`;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
