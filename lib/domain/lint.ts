/**
 * Checks a metric tree against the North Star framework's rules and anti-patterns
 * (Sean Ellis; Amplitude's North Star Playbook). Each finding says what is wrong and why
 * it matters, so the user can fix the tree without knowing the framework by heart.
 */
import { leadLagCorrelation, leadLagOfSeries, MIN_PAIRS, type PeriodMean } from './correlation';
import { looksRevenue, looksVanity, mentionsRevenue } from './metric-terms';
import { inputMetricsOf, nsmOf, nsmsOf } from './tree';
import type { Id, Metric, NsmChange, Observation, Period, Review } from './types';

export const LINT_IDS = [
  'one-nsm',
  'vanity-nsm',
  'revenue-nsm',
  'nsm-not-time-bound',
  'input-count',
  'input-owner',
  'teams-influence',
  'validation-overdue',
  'nsm-churn',
  'weak-revenue-correlation',
  'no-health-metric',
] as const;
export type LintId = (typeof LINT_IDS)[number];

export const LINT_TITLES: Record<LintId, string> = {
  'one-nsm': 'Exactly one North Star',
  'vanity-nsm': 'Not a vanity metric',
  'revenue-nsm': 'Not revenue',
  'nsm-not-time-bound': 'Time-bound',
  'input-count': '3 to 5 input metrics',
  'input-owner': 'Every input metric owned',
  'teams-influence': 'Moved by at least 3 teams',
  'validation-overdue': 'Validated this quarter',
  'nsm-churn': 'Stable over the year',
  'weak-revenue-correlation': 'Leads revenue',
  'no-health-metric': 'Guarded by a health metric',
};

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: LintId;
  severity: Severity;
  metricId?: string;
  message: string;
}

export interface LintInput {
  metrics: Metric[];
  reviews: Review[];
  history: NsmChange[];
  /** Every metric's values; or, as the dashboard holds them, `seriesOf`. */
  observations?: Observation[];
  /** A metric's values grouped by `period` (`periodSeries`). */
  seriesOf?: (metricId: Id, period: Period) => readonly PeriodMean[];
  now: number;
}

export const MIN_INPUTS = 3;
export const MAX_INPUTS = 5;
export const MIN_TEAMS = 3;
export const VALIDATION_DAYS = 90;
export const MIN_REVENUE_R = 0.5;

const DAY_MS = 86_400_000;

const quote = (name: string) => `“${name.trim() || 'Unnamed metric'}”`;

function checkNsmCount(nsms: Metric[]): Finding[] {
  if (nsms.length === 1) return [];
  if (nsms.length === 0) {
    return [
      {
        id: 'one-nsm',
        severity: 'error',
        message:
          'This tree has no North Star Metric. Pick the one number that measures the value customers ' +
          'get; every input metric and every item is judged by how it moves it.',
      },
    ];
  }
  return [
    {
      id: 'one-nsm',
      severity: 'error',
      message:
        `This tree has ${nsms.length} North Star Metrics (${nsms.map((m) => quote(m.name)).join(', ')}). ` +
        `A tree has exactly one, so every team pulls in the same direction; keep one and make the ` +
        `others input or output metrics.`,
    },
  ];
}

function checkNsm(nsm: Metric): Finding[] {
  const findings: Finding[] = [];
  const vanity = looksVanity(nsm);
  if (vanity) {
    findings.push({
      id: 'vanity-nsm',
      severity: 'warning',
      metricId: nsm.id,
      message:
        `${quote(nsm.name)} looks like a vanity metric (${vanity}): it can grow while no customer ` +
        `gets value. A North Star measures value delivered, e.g. “weekly active teams” or “nights ` +
        `booked”.`,
    });
  }
  if (looksRevenue(nsm)) {
    findings.push({
      id: 'revenue-nsm',
      severity: 'warning',
      metricId: nsm.id,
      message:
        `${quote(nsm.name)} is revenue, an output: it lags behind the value customers get and ` +
        `no single team can move it directly. Make the North Star the customer value that leads revenue, ` +
        `and keep revenue as an output metric.`,
    });
  }
  if (nsm.period === null) {
    findings.push({
      id: 'nsm-not-time-bound',
      severity: 'warning',
      metricId: nsm.id,
      message:
        `${quote(nsm.name)} has no period. A North Star is time-bound (per week, per month...) ` +
        `so it can fall as well as rise and show this period's progress; an all-time total only grows.`,
    });
  }
  return findings;
}

function checkInputs(inputs: Metric[]): Finding[] {
  const findings: Finding[] = [];
  if (inputs.length < MIN_INPUTS || inputs.length > MAX_INPUTS) {
    const why =
      inputs.length < MIN_INPUTS
        ? 'with fewer, teams lack levers they can move directly and the NSM rests on too few bets'
        : 'with more, focus is spread thin and it is unclear which levers matter';
    findings.push({
      id: 'input-count',
      severity: 'warning',
      message:
        `The tree has ${inputs.length} input metric${inputs.length === 1 ? '' : 's'}. 3 to 5 ` +
        `input metrics should drive the North Star: ${why}.`,
    });
  }
  for (const input of inputs) {
    if (input.ownerTeam.trim() === '') {
      findings.push({
        id: 'input-owner',
        severity: 'warning',
        metricId: input.id,
        message:
          `Input metric ${quote(input.name)} has no owner team. A metric nobody owns is a metric ` +
          `nobody moves; name the team accountable for it.`,
      });
    }
  }
  const teams = new Set(inputs.map((m) => m.ownerTeam.trim().toLowerCase()).filter((t) => t !== ''));
  if (teams.size < MIN_TEAMS) {
    findings.push({
      id: 'teams-influence',
      severity: 'warning',
      message:
        `Only ${teams.size} team${teams.size === 1 ? '' : 's'} own${teams.size === 1 ? 's' : ''} ` +
        `the input metrics. A North Star should be influenced by at least ${MIN_TEAMS} teams; one ` +
        `that a single team can move is a team metric, not the company's North Star.`,
    });
  }
  return findings;
}

function checkValidation(reviews: Review[], now: number): Finding[] {
  const latest = reviews.reduce<number | null>((max, r) => (max === null || r.at > max ? r.at : max), null);
  if (latest !== null && latest >= now - VALIDATION_DAYS * DAY_MS) return [];
  const when =
    latest === null
      ? 'The North Star has never been validated.'
      : `The North Star was last validated ${Math.floor((now - latest) / DAY_MS)} days ago.`;
  return [
    {
      id: 'validation-overdue',
      severity: 'warning',
      message:
        `${when} Review it every quarter: does it still measure customer value, lead revenue ` +
        `and reflect the strategy? A North Star nobody checks drifts away from the business.`,
    },
  ];
}

function oneYearBefore(now: number): number {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

function checkChurn(history: NsmChange[], now: number): Finding[] {
  const since = oneYearBefore(now);
  const changes = history.filter((h) => h.at > since && h.at <= now).length;
  if (changes <= 1) return [];
  return [
    {
      id: 'nsm-churn',
      severity: 'warning',
      message:
        `The North Star changed ${changes} times in the last 12 months. An NSM that keeps changing ` +
        `cannot guide long-term decisions or show progress; change it at most once a year.`,
    },
  ];
}

function isRevenueOutput(metric: Metric): boolean {
  return metric.role === 'output' && (metric.category === 'revenue' || mentionsRevenue(metric.name));
}

/** The NSM's lead on `output`, from whichever form of the values the input holds. */
function leadOf(input: LintInput, nsm: Metric, output: Metric, period: Period) {
  if (input.seriesOf) return leadLagOfSeries(input.seriesOf(nsm.id, period), input.seriesOf(output.id, period), period);
  const of = (metric: Metric) => (input.observations ?? []).filter((o) => o.metricId === metric.id);
  return leadLagCorrelation(of(nsm), of(output), period);
}

function checkRevenueCorrelation(nsm: Metric, input: LintInput): Finding[] {
  const period = nsm.period ?? 'month';
  const findings: Finding[] = [];
  for (const output of input.metrics.filter(isRevenueOutput)) {
    const { best } = leadOf(input, nsm, output, period);
    if (!best || best.r >= MIN_REVENUE_R) continue;
    const lead =
      best.lag === 0
        ? `in the same ${period}`
        : `with the NSM leading by ${best.lag} ${period}${best.lag === 1 ? '' : 's'}`;
    findings.push({
      id: 'weak-revenue-correlation',
      severity: 'warning',
      metricId: output.id,
      message:
        `${quote(nsm.name)} correlates weakly with ${quote(output.name)}: r = ${best.r.toFixed(2)} ` +
        `at best (${lead}, ${best.pairs} periods). A North Star should lead revenue; below r = ${MIN_REVENUE_R} ` +
        `over ${MIN_PAIRS} or more periods the tree is probably wrong or has gaps.`,
    });
  }
  return findings;
}

function checkHealth(metrics: Metric[]): Finding[] {
  if (metrics.some((m) => m.role === 'health')) return [];
  return [
    {
      id: 'no-health-metric',
      severity: 'info',
      message:
        'No health metric guards the North Star. Optimising one number has blind spots (growth bought ' +
        'with support load, churn or slower pages); add a counter metric that must not get worse.',
    },
  ];
}

/**
 * All findings for one tree, in `LINT_IDS` order. Checks about the NSM itself run for
 * every NSM; validation and revenue correlation need a single NSM to be meaningful.
 */
export function lintTree(input: LintInput): Finding[] {
  const { metrics, reviews, history, now } = input;
  const nsms = nsmsOf(metrics);
  const nsm = nsmOf(metrics);
  const findings = [
    ...checkNsmCount(nsms),
    ...nsms.flatMap(checkNsm),
    ...checkInputs(inputMetricsOf(metrics)),
    ...(nsms.length > 0 ? checkValidation(reviews, now) : []),
    ...checkChurn(history, now),
    ...(nsm ? checkRevenueCorrelation(nsm, input) : []),
    ...checkHealth(metrics),
  ];
  const order = (f: Finding) => LINT_IDS.indexOf(f.id);
  return findings.sort((a, b) => order(a) - order(b));
}
