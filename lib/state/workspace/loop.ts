/**
 * The active tree's team loop as the dashboard sees it: the records `loop.get` answers,
 * re-read after every change notice (as tree.ts re-reads the snapshot), and what the
 * views derive from them with the tree's metrics, items and values: key-result progress,
 * each metric's red/amber/green status, the weekly review, win rates and discovery's
 * rankings and coaching.
 */
import { batch, computed, signal } from '@preact/signals-core';
import { chosenCandidate, rankCandidates, rankValueEvents } from '../../domain/discovery';
import type { KeyResult, TreeLoop } from '../../domain/loop-types';
import { treeSeriesValues } from '../../domain/metric-status';
import { coachCandidate, type CoachingFinding } from '../../domain/nsm-coaching';
import { keyResultProgress, keyResultSummary, lintOkrs, objectiveFor, type KeyResultProgress } from '../../domain/okr';
import { confidenceVsOutcomes, quarterWinRates } from '../../domain/outcomes';
import { quarterOf } from '../../domain/period';
import { lastCompleteWeek, reviewPeriod } from '../../domain/review-period';
import { lastReviewDate, weeklyReview } from '../../domain/weekly-review';
import { LOOP_RECORD_KINDS, type Id, type WorkspacePart } from '../../domain/types';
import { onWorkspaceChange, request } from '../../messaging/client';
import type { ChangeNotice } from '../../messaging/protocol';
import { ownPeriod } from '../../domain/value-summary';
import { items, keyResultValues, seriesOf, tree, treeMetrics, treeNsm } from './tree';

export const treeLoop = signal<TreeLoop | null>(null);
export const loopLoadError = signal<string | null>(null);
/** The day the views measure against, YYYY-MM-DD (UTC); re-read with every reload. */
export const today = signal(new Date().toISOString().slice(0, 10));

export const worksheet = computed(() => treeLoop.value?.worksheet ?? null);
export const keyResults = computed(() => treeLoop.value?.keyResults ?? []);
export const thresholds = computed(() => treeLoop.value?.thresholds ?? []);
export const shipments = computed(() => treeLoop.value?.shipments ?? []);
export const experiments = computed(() => treeLoop.value?.experiments ?? []);
/** Latest week first. */
export const reviewNotes = computed(() => treeLoop.value?.reviewNotes ?? []);
/** The week the user stepped to on the weekly review; null shows the default, the last complete week. */
export const chosenReviewWeek = signal<string | null>(null);
/** The week the weekly review shows, and the days of it that have passed. */
export const reviewedPeriod = computed(() =>
  reviewPeriod(chosenReviewWeek.value ?? lastCompleteWeek(today.value), today.value),
);
/** The notes of the reviewed week, or null before they are written. */
export const reviewedWeekNote = computed(
  () => reviewNotes.value.find((n) => n.week === reviewedPeriod.value.week) ?? null,
);

/** The quarter `today` falls in: 2025-Q1. */
export const currentQuarter = computed(() => quarterOf(today.value));

export const rankedValueEvents = computed(() => rankValueEvents(worksheet.value?.valueEvents ?? []));
export const rankedCandidates = computed(() => rankCandidates(worksheet.value?.candidates ?? []));
export const chosen = computed(() => (worksheet.value ? chosenCandidate(worksheet.value) : null));
/** Coaching findings per candidate id. */
export const candidateCoaching = computed(
  () => new Map<Id, CoachingFinding[]>((worksheet.value?.candidates ?? []).map((c) => [c.id, coachCandidate(c)])),
);

/** The objective the key results of `currentQuarter` serve, worded from the NSM; null without one. */
export const objective = computed(() => (treeNsm.value ? objectiveFor(treeNsm.value, currentQuarter.value) : null));

/** Progress and status of every key result whose metric is in the tree, by key result id. */
export const keyResultProgressById = computed(() => {
  const metrics = new Map(treeMetrics.value.map((m) => [m.id, m]));
  const out = new Map<Id, KeyResultProgress>();
  for (const kr of keyResults.value) {
    const metric = metrics.get(kr.metricId);
    if (metric) out.set(kr.id, keyResultProgress(kr, metric, keyResultValues.value, today.value));
  }
  return out;
});

/** The key results of `currentQuarter`, grouped by team (teams by name). */
export const quarterKeyResultsByTeam = computed(() => {
  const byTeam = new Map<string, KeyResult[]>();
  for (const kr of keyResults.value) {
    if (kr.quarter !== currentQuarter.value) continue;
    byTeam.set(kr.team, [...(byTeam.get(kr.team) ?? []), kr]);
  }
  return new Map([...byTeam].sort(([a], [b]) => a.localeCompare(b)));
});

/** The one-line summary of each key result ("KR: … · on track"), by key result id. */
export const keyResultLines = computed(
  () => new Map([...keyResultProgressById.value].map(([id, p]) => [id, keyResultSummary(p)])),
);

export const okrFindings = computed(() =>
  lintOkrs({
    quarter: currentQuarter.value,
    metrics: treeMetrics.value,
    keyResults: keyResults.value,
    observations: keyResultValues.value,
    today: today.value,
  }),
);

/** Latest value, change, target and red/amber/green status per metric, by metric id. */
export const metricStatusById = computed(
  () =>
    new Map(
      treeSeriesValues(treeMetrics.value, (m) => seriesOf(m.id, ownPeriod(m)), thresholds.value).map((s) => [
        s.metric.id,
        s,
      ]),
    ),
);

/** The reviewed week's review, covering what shipped since the review of an earlier week. */
export const weeklyReviewModel = computed(() =>
  weeklyReview({
    period: reviewedPeriod.value,
    lastReview: lastReviewDate(reviewNotes.value, reviewedPeriod.value.week),
    metrics: treeMetrics.value,
    seriesOf: (m) => seriesOf(m.id, ownPeriod(m)),
    items: items.value,
    shipments: shipments.value,
    thresholds: thresholds.value,
  }),
);

export const quarterWins = computed(() => quarterWinRates(experiments.value, currentQuarter.value));
export const confidenceOutcomes = computed(() => confidenceVsOutcomes(items.value, experiments.value));

let sequence = 0;

/** Reads the active tree's loop again; a newer call supersedes one still running. */
export async function reloadLoop(): Promise<void> {
  const mine = ++sequence;
  const treeId = tree.value?.id;
  if (!treeId) {
    treeLoop.value = null;
    return;
  }
  try {
    const loop = await request({ type: 'loop.get', treeId });
    if (mine !== sequence) return;
    batch(() => {
      treeLoop.value = loop;
      loopLoadError.value = null;
      today.value = new Date().toISOString().slice(0, 10);
    });
  } catch (failure) {
    if (mine === sequence) loopLoadError.value = failure instanceof Error ? failure.message : String(failure);
  }
}

/** The parts whose change can change the loop (settings: the active tree). */
const LOOP_PARTS: readonly WorkspacePart[] = [...LOOP_RECORD_KINDS, 'settings'];

/** Whether the notice's write could have changed what `loop.get` answers. */
export function changesLoop(notice: ChangeNotice): boolean {
  return notice.stores.some((part) => LOOP_PARTS.includes(part));
}

const activeTreeId = computed(() => tree.value?.id ?? null);

/** Loads when the active tree changes and after every change to the loop; returns the way to stop. */
export function startLoopSync(): () => void {
  const stopTree = activeTreeId.subscribe(() => void reloadLoop());
  const stopNotices = onWorkspaceChange((notice) => {
    if (changesLoop(notice)) void reloadLoop();
  });
  return () => {
    stopTree();
    stopNotices();
  };
}
