/**
 * OKRs derived from the North Star (SI Labs' step 5): the NSM is the Objective, and each
 * quarter teams set key results on the input (or team) metrics they own.
 *
 * Progress of a key result = (latest - baseline) / (target - baseline): 0 at the
 * baseline, 1 at the target, negative when the metric moved the wrong way. The formula
 * is direction-aware by itself: a target below the baseline means the metric should fall.
 * "Latest" is the mean of the most recent period (the metric's own, weekly if it has
 * none) with values recorded between the quarter's first day and today.
 *
 * Status compares progress with the elapsed fraction of the key result's window (the
 * quarter's first day to the due date):
 * - on track: the target is reached, or progress trails elapsed time by at most 10 points
 *   (ON_TRACK_SLACK) and the metric has not moved the wrong way;
 * - at risk: it trails by at most 25 points (AT_RISK_SLACK), or moved the wrong way
 *   while still within 10 points;
 * - off track: it trails by more, or the due date has passed short of the target;
 * - no values: nothing recorded since the quarter started, so no status is invented.
 */
import { formatNumber } from './format';
import { dayNumber, type PeriodValue, periodSeries, quarterBounds, shortDate } from './period';
import type { Id, Metric, Observation } from './types';
import type { Direction, KeyResult } from './loop-types';

export const ON_TRACK_SLACK = 0.1;
export const AT_RISK_SLACK = 0.25;

export type KeyResultField = 'quarter' | 'team' | 'baseline' | 'target' | 'due';
export type KeyResultDraft = Pick<KeyResult, KeyResultField>;

/** Every typed field's problem, in words; fields without one are absent. */
export function keyResultProblems(kr: KeyResultDraft): Partial<Record<KeyResultField, string>> {
  const problems: Partial<Record<KeyResultField, string>> = {};
  const bounds = quarterBounds(kr.quarter);
  if (!bounds) problems.quarter = 'The quarter is written like 2025-Q1';
  if (kr.team.trim() === '') problems.team = 'Name the team that holds this key result';
  if (!Number.isFinite(kr.baseline)) problems.baseline = 'The baseline must be a number';
  if (!Number.isFinite(kr.target)) problems.target = 'The target must be a number';
  else if (kr.target === kr.baseline) {
    problems.target = 'The target equals the baseline: a key result says how far the metric should move';
  }
  let due: number | null = null;
  try {
    due = dayNumber(kr.due);
  } catch {
    problems.due = 'The due date must be a date that exists, written YYYY-MM-DD';
  }
  if (due !== null && bounds && (due < dayNumber(bounds.start) || due > dayNumber(bounds.end))) {
    problems.due = `The due date must fall in ${kr.quarter} (${bounds.start} to ${bounds.end})`;
  }
  return problems;
}

export function keyResultDirection(kr: Pick<KeyResult, 'baseline' | 'target'>): Direction {
  return kr.target < kr.baseline ? 'down' : 'up';
}

const quote = (name: string) => `“${name.trim() || 'Unnamed metric'}”`;

/** The quarter's Objective, stated from the NSM. */
export function objectiveFor(nsm: Metric, quarter: string): string {
  const per = nsm.period ? ` per ${nsm.period}` : '';
  const target = nsm.target === null ? '' : ` toward ${valueText(nsm.target, nsm.unit, true)}`;
  return `${quarter}: grow ${quote(nsm.name)}${per}${target}`;
}

export type KeyResultStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-values';

export const STATUS_LABELS: Record<KeyResultStatus, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'no-values': 'no values yet',
};

export interface KeyResultProgress {
  keyResult: KeyResult;
  metric: Metric;
  direction: Direction;
  latest: PeriodValue | null;
  /** 0 at the baseline, 1 at the target; null without values. */
  progress: number | null;
  /** Share of the window from the quarter's start to the due date that has passed, 0 to 1. */
  elapsed: number;
  status: KeyResultStatus;
}

function elapsedFraction(start: string, due: string, today: string): number {
  const length = dayNumber(due) - dayNumber(start);
  const passed = dayNumber(today) - dayNumber(start);
  if (length <= 0) return passed >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, passed / length));
}

function statusOf(progress: number, elapsed: number, overdue: boolean): KeyResultStatus {
  if (progress >= 1) return 'on-track';
  if (overdue) return 'off-track';
  const gap = elapsed - progress;
  if (gap <= ON_TRACK_SLACK) return progress < 0 ? 'at-risk' : 'on-track';
  return gap <= AT_RISK_SLACK ? 'at-risk' : 'off-track';
}

/** Values of `metric` recorded between the quarter's first day and today. */
function valuesInWindow(kr: KeyResult, metric: Metric, observations: readonly Observation[], today: string) {
  const start = quarterBounds(kr.quarter)?.start ?? kr.due;
  const from = dayNumber(start);
  const to = dayNumber(today);
  const own = observations.filter((o) => {
    if (o.metricId !== metric.id) return false;
    const day = dayNumber(o.at);
    return day >= from && day <= to;
  });
  return { start, series: periodSeries(own, metric.period ?? 'week') };
}

/** `today` is YYYY-MM-DD; the key result is assumed valid (see `keyResultProblems`). */
export function keyResultProgress(
  kr: KeyResult,
  metric: Metric,
  observations: readonly Observation[],
  today: string,
): KeyResultProgress {
  const { start, series } = valuesInWindow(kr, metric, observations, today);
  const latest = series.at(-1) ?? null;
  const elapsed = elapsedFraction(start, kr.due, today);
  const direction = keyResultDirection(kr);
  if (!latest) return { keyResult: kr, metric, direction, latest, progress: null, elapsed, status: 'no-values' };
  const progress = (latest.value - kr.baseline) / (kr.target - kr.baseline);
  const overdue = dayNumber(today) > dayNumber(kr.due);
  return { keyResult: kr, metric, direction, latest, progress, elapsed, status: statusOf(progress, elapsed, overdue) };
}

/** 22 with unit % -> "22%"; the unit after other numbers only where asked, to keep the line short. */
function valueText(value: number, unit: string, withUnit: boolean): string {
  const u = unit.trim();
  if (u === '%') return `${formatNumber(value)}%`;
  return withUnit && u !== '' ? `${formatNumber(value)} ${u}` : formatNumber(value);
}

/** "Search-to-book conversion" reads "search-to-book conversion" mid-sentence; "MRR" stays. */
function inSentence(name: string): string {
  const n = name.trim();
  return /^[A-Z][^A-Z]/.test(n) ? n[0]!.toLowerCase() + n.slice(1) : n;
}

/** One line for a ticket's panel: "KR: search-to-book conversion 22% -> 35% by 31 Mar, Product · on track". */
export function keyResultSummary(p: KeyResultProgress): string {
  const kr = p.keyResult;
  const from = valueText(kr.baseline, p.metric.unit, false);
  const to = valueText(kr.target, p.metric.unit, true);
  const who = `by ${shortDate(kr.due)}, ${kr.team.trim()}`;
  return `KR: ${inSentence(p.metric.name)} ${from} -> ${to} ${who} · ${STATUS_LABELS[p.status]}`;
}

export const OKR_LINT_IDS = ['input-without-kr', 'team-without-kr', 'kr-on-output', 'kr-no-values'] as const;
export type OkrLintId = (typeof OKR_LINT_IDS)[number];

export interface OkrFinding {
  id: OkrLintId;
  metricId?: Id;
  keyResultId?: Id;
  team?: string;
  message: string;
}

export interface OkrLintInput {
  quarter: string;
  metrics: readonly Metric[];
  keyResults: readonly KeyResult[];
  observations: readonly Observation[];
  today: string;
}

const teamKey = (team: string) => team.trim().toLowerCase();

/**
 * Findings for one quarter, in `OKR_LINT_IDS` order. A key result on a team metric
 * covers the input metric above it: moving the team metric is how that input moves.
 */
export function lintOkrs(input: OkrLintInput): OkrFinding[] {
  const { quarter, metrics, observations, today } = input;
  const keyResults = input.keyResults.filter((kr) => kr.quarter === quarter);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const findings: OkrFinding[] = [];
  const covered = new Set<Id>();
  for (const kr of keyResults) {
    const m = byId.get(kr.metricId);
    covered.add(kr.metricId);
    if (m?.role === 'team' && m.parentId !== null) covered.add(m.parentId);
  }
  for (const m of metrics.filter((x) => x.role === 'input' && !covered.has(x.id))) {
    findings.push({
      id: 'input-without-kr',
      metricId: m.id,
      message: `Input metric ${quote(m.name)} has no key result in ${quarter}: nobody has committed to moving it.`,
    });
  }
  const holders = new Set(keyResults.map((kr) => teamKey(kr.team)));
  const owners = new Map<string, string>();
  for (const m of metrics) {
    if ((m.role === 'input' || m.role === 'team') && m.ownerTeam.trim() !== '') {
      if (!owners.has(teamKey(m.ownerTeam))) owners.set(teamKey(m.ownerTeam), m.ownerTeam.trim());
    }
  }
  for (const [key, team] of owners) {
    if (holders.has(key)) continue;
    findings.push({
      id: 'team-without-kr',
      team,
      message: `${team} owns a metric but holds no key result in ${quarter}: what will it move this quarter?`,
    });
  }
  for (const kr of keyResults) {
    const m = byId.get(kr.metricId);
    if (m?.role !== 'output') continue;
    findings.push({
      id: 'kr-on-output',
      keyResultId: kr.id,
      metricId: m.id,
      message:
        `${kr.team.trim()}'s key result is on ${quote(m.name)}, an output: revenue and churn are the result, ` +
        'not the lever. Set it on the input metric the team moves.',
    });
  }
  for (const kr of keyResults) {
    const m = byId.get(kr.metricId);
    if (m && keyResultProgress(kr, m, observations, today).status !== 'no-values') continue;
    findings.push({
      id: 'kr-no-values',
      keyResultId: kr.id,
      metricId: kr.metricId,
      message: m
        ? `${quote(m.name)} has no values recorded since ${quarter} began, so ${kr.team.trim()}'s key result ` +
          'shows no progress. Record its values.'
        : `${kr.team.trim()}'s key result names a metric that is no longer in the tree.`,
    });
  }
  return findings;
}
