/**
 * The OKRs view's state: the quarter shown (the current one unless picked), its Objective
 * worded from the NSM, its key results by team and the lints, plus the new key result's
 * typed fields and the edits of stored ones. Numbers are checked as typed; the rules
 * that span fields (a target equal to the baseline, a due date outside the quarter) are
 * the domain's `keyResultProblems`, and what the background refuses stays in its field.
 */
import { batch, computed, signal } from '@preact/signals-core';
import type { KeyResult } from '../../domain/loop-types';
import { keyResultProblems, lintOkrs, objectiveFor, type KeyResultField } from '../../domain/okr';
import { parseNumberText } from '../../domain/number-text';
import { addDays, quarterBounds, quarterOf } from '../../domain/period';
import { request, RequestError } from '../../messaging/client';
import { createDraftStore } from '../drafts';
import { currentQuarter, keyResults, today } from './loop';
import { keyResultValues, tree, treeMetrics, treeNsm } from './tree';

export const pickedQuarter = signal<string | null>(null);
export const shownQuarter = computed(() => pickedQuarter.value ?? currentQuarter.value);

/** The quarters with key results, the current one and the two around it, newest first. */
export const quarterChoices = computed(() => {
  const start = quarterBounds(currentQuarter.value)?.start ?? today.value;
  const around = [quarterOf(addDays(start, -1)), currentQuarter.value, quarterOf(addDays(start, 100))];
  return [...new Set([...around, ...keyResults.value.map((kr) => kr.quarter)])].sort().reverse();
});

export const shownObjective = computed(() => (treeNsm.value ? objectiveFor(treeNsm.value, shownQuarter.value) : null));

/** What a key result can be set on: input metrics and the team metrics under them. */
export const keyResultMetrics = computed(() =>
  treeMetrics.value.filter((m) => m.role === 'input' || m.role === 'team' || m.role === 'output'),
);

export const shownKeyResultsByTeam = computed(() => {
  const byTeam = new Map<string, KeyResult[]>();
  for (const kr of keyResults.value) {
    if (kr.quarter !== shownQuarter.value) continue;
    byTeam.set(kr.team, [...(byTeam.get(kr.team) ?? []), kr]);
  }
  return new Map([...byTeam].sort(([a], [b]) => a.localeCompare(b)));
});

export const shownFindings = computed(() =>
  lintOkrs({
    quarter: shownQuarter.value,
    metrics: treeMetrics.value,
    keyResults: keyResults.value,
    observations: keyResultValues.value,
    today: today.value,
  }),
);

export type TypedKrField = 'team' | 'baseline' | 'target' | 'due';

/** The problem of one typed field on its own: a number that is not one, a date that is not one. */
export function typedKrProblem(field: TypedKrField, text: string): string | null {
  if (field === 'baseline' || field === 'target') {
    return parseNumberText(text) === null ? `The ${field} must be a number, e.g. 22 or 1.5k` : null;
  }
  const problems = keyResultProblems({
    quarter: '2000-Q1',
    team: field === 'team' ? text : 'team',
    baseline: 0,
    target: 1,
    due: field === 'due' ? text : '2000-01-01',
  });
  if (field === 'due') return problems.due && !problems.due.startsWith('The due date must fall') ? problems.due : null;
  return problems[field] ?? null;
}

const fieldOfPath = (path: string): TypedKrField | null =>
  (['team', 'baseline', 'target', 'due'] as const).find((f) => path.endsWith(f)) ?? null;

function patchOf(field: TypedKrField, text: string): Partial<KeyResult> {
  return field === 'baseline' || field === 'target' ? { [field]: parseNumberText(text) } : { [field]: text.trim() };
}

/** Edits of stored key results, by key result id. */
export const keyResultEdits = createDraftStore<TypedKrField>({
  problem: typedKrProblem,
  async save(id, text) {
    let patch: Partial<KeyResult> = {};
    for (const [field, typed] of Object.entries(text) as [TypedKrField, string][]) {
      patch = { ...patch, ...patchOf(field, typed) };
    }
    await request({ type: 'keyResult.update', id, patch });
  },
  fieldOfPath,
});

export const deleteError = signal<string | null>(null);

export async function deleteKeyResult(id: string): Promise<void> {
  try {
    deleteError.value = null;
    await request({ type: 'keyResult.delete', id });
  } catch (failure) {
    deleteError.value = failure instanceof Error ? failure.message : String(failure);
  }
}

/** The new key result's form: typed text per field, and each field's refusal. */
export const newKr = signal<{ metricId: string } & Record<TypedKrField, string>>({
  metricId: '',
  team: '',
  baseline: '',
  target: '',
  due: '',
});
export const newKrErrors = signal<Partial<Record<KeyResultField | 'metricId', string>>>({});
export const newKrFailure = signal<string | null>(null);

export function editNewKr(field: TypedKrField | 'metricId', text: string): void {
  batch(() => {
    const next = { ...newKr.value, [field]: text };
    // The metric's owner team is the likely holder: filled in unless the user typed one.
    if (field === 'metricId' && newKr.value.team === '') {
      next.team = treeMetrics.value.find((m) => m.id === text)?.ownerTeam ?? '';
    }
    newKr.value = next;
    const { [field]: _, ...rest } = newKrErrors.value;
    newKrErrors.value = rest;
  });
}

/** Checks every field, keeps what is refused in its field with the reason, else stores the key result. */
export async function createKeyResult(): Promise<boolean> {
  const form = newKr.value;
  const treeId = tree.value?.id;
  if (!treeId) return false;
  const quarter = shownQuarter.value;
  const errors: Partial<Record<KeyResultField | 'metricId', string>> = {};
  if (!form.metricId) errors.metricId = 'Choose the metric the key result moves';
  for (const field of ['team', 'baseline', 'target', 'due'] as const) {
    const problem = typedKrProblem(field, form[field]);
    if (problem) errors[field] = problem;
  }
  const baseline = parseNumberText(form.baseline) ?? Number.NaN;
  const target = parseNumberText(form.target) ?? Number.NaN;
  const due = form.due.trim();
  const team = form.team.trim();
  const ruled = keyResultProblems({ quarter, team, baseline, target, due });
  for (const [field, problem] of Object.entries(ruled) as [KeyResultField, string][]) errors[field] ??= problem;
  newKrFailure.value = null;
  if (Object.keys(errors).length > 0) {
    newKrErrors.value = errors;
    return false;
  }
  try {
    await request({ type: 'keyResult.create', treeId, quarter, metricId: form.metricId, team, baseline, target, due });
    batch(() => {
      newKr.value = { metricId: '', team: '', baseline: '', target: '', due: '' };
      newKrErrors.value = {};
    });
    return true;
  } catch (failure) {
    const field = failure instanceof RequestError && failure.path ? fieldOfPath(failure.path) : null;
    const message = failure instanceof Error ? failure.message : String(failure);
    if (field) newKrErrors.value = { ...newKrErrors.value, [field]: message };
    else newKrFailure.value = message;
    return false;
  }
}
