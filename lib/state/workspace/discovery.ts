/**
 * The NSM worksheet as the Discovery view edits it. The worksheet is stored whole
 * (`worksheet.save`), so typed text goes through one draft store keyed by the value
 * event's or candidate's id, and every write is queued and built on the newest worksheet
 * known: two fields saved a moment apart never undo each other. What the view ranks and
 * coaches is the worksheet as typed, so a finding clears as the cause is fixed.
 */
import { computed, signal } from '@preact/signals-core';
import { rankCandidates, rankValueEvents, ratingProblem, suggestInputs } from '../../domain/discovery';
import {
  CANDIDATE_CRITERIA,
  type CandidateCriterion,
  type NsmCandidate,
  type NsmWorksheet,
  VALUE_EVENT_RATINGS,
  type ValueEvent,
  type ValueEventRating,
} from '../../domain/loop-types';
import { MAX_TEAMS } from '../../domain/loop-schemas';
import { coachCandidate, type CoachingFinding } from '../../domain/nsm-coaching';
import { parseNumberText } from '../../domain/number-text';
import { MAX_NAME, MAX_TEXT } from '../../domain/schemas';
import type { Id } from '../../domain/types';
import { request } from '../../messaging/client';
import { createDraftStore, type TextMap } from '../drafts';
import { worksheet as storedWorksheet } from './loop';
import { tree, treeMetrics, treeNsm } from './tree';

export type CandidateTextField = 'name' | 'definition' | 'unit' | 'teams';
export type WorksheetField = 'text' | ValueEventRating | CandidateTextField | CandidateCriterion;

const SCORED: readonly string[] = [...VALUE_EVENT_RATINGS, ...CANDIDATE_CRITERIA];

/** A blank rating means "not rated yet"; anything else must be a whole number from 1 to 5. */
function ratingOf(text: string): number | null {
  return text.trim() === '' ? null : parseNumberText(text);
}

const teamsOf = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

export function worksheetFieldProblem(field: WorksheetField, text: string): string | null {
  if (SCORED.includes(field)) {
    if (text.trim() === '') return null;
    const value = parseNumberText(text);
    return value === null ? 'Type a whole number from 1 to 5' : ratingProblem(value);
  }
  if (field === 'definition') return text.length > MAX_TEXT ? `At most ${MAX_TEXT} characters` : null;
  if (field === 'teams') {
    const teams = teamsOf(text);
    if (teams.length > MAX_TEAMS) return `Name at most ${MAX_TEAMS} teams`;
    return teams.some((t) => t.length > MAX_NAME) ? `A team's name is at most ${MAX_NAME} characters` : null;
  }
  return text.length > MAX_NAME ? `At most ${MAX_NAME} characters` : null;
}

function applyToEvent(event: ValueEvent, text: TextMap<WorksheetField>): ValueEvent {
  const ratings = { ...event.ratings };
  for (const rating of VALUE_EVENT_RATINGS) {
    const typed = text[rating];
    if (typed !== undefined && worksheetFieldProblem(rating, typed) === null) ratings[rating] = ratingOf(typed);
  }
  const typedText = text.text;
  return { ...event, text: typedText !== undefined && typedText.length <= MAX_NAME ? typedText : event.text, ratings };
}

function applyToCandidate(candidate: NsmCandidate, text: TextMap<WorksheetField>): NsmCandidate {
  const next = { ...candidate, scores: { ...candidate.scores } };
  for (const criterion of CANDIDATE_CRITERIA) {
    const typed = text[criterion];
    if (typed !== undefined && worksheetFieldProblem(criterion, typed) === null) {
      next.scores[criterion] = ratingOf(typed);
    }
  }
  for (const field of ['name', 'definition', 'unit'] as const) {
    const typed = text[field];
    if (typed !== undefined && worksheetFieldProblem(field, typed) === null) next[field] = typed;
  }
  if (text.teams !== undefined && worksheetFieldProblem('teams', text.teams) === null) {
    next.teams = teamsOf(text.teams);
  }
  return next;
}

type Sheet = Pick<NsmWorksheet, 'valueEvents' | 'candidates'>;

function applyText(sheet: Sheet, key: string, text: TextMap<WorksheetField>): Sheet {
  return {
    valueEvents: sheet.valueEvents.map((e) => (e.id === key ? applyToEvent(e, text) : e)),
    candidates: sheet.candidates.map((c) => (c.id === key ? applyToCandidate(c, text) : c)),
  };
}

/** The last worksheet a save answered, so a queued save builds on it before the reload arrives. */
let lastSaved: NsmWorksheet | null = null;
let queue: Promise<unknown> = Promise.resolve();

function newest(): Sheet {
  const stored = storedWorksheet.value;
  const treeId = tree.value?.id;
  const saved = lastSaved?.treeId === treeId ? lastSaved : null;
  if (saved && (!stored || saved.updatedAt >= stored.updatedAt)) return saved;
  return stored ?? { valueEvents: [], candidates: [] };
}

/** Queues one change of the worksheet; resolves once it is stored. */
export function changeWorksheet(change: (sheet: Sheet) => Sheet): Promise<NsmWorksheet> {
  const work = queue.then(async () => {
    const treeId = tree.value?.id;
    if (!treeId) throw new Error('Choose or create a tree first');
    const { valueEvents, candidates } = change(newest());
    lastSaved = await request({ type: 'worksheet.save', treeId, valueEvents, candidates });
    return lastSaved;
  });
  queue = work.catch(() => undefined);
  return work;
}

export const worksheetEdits = createDraftStore<WorksheetField>({
  problem: worksheetFieldProblem,
  async save(key, text) {
    await changeWorksheet((sheet) => applyText(sheet, key, text));
  },
  fieldOfPath: (path) => {
    const last = path.split('.').at(-1) ?? '';
    return (
      SCORED.includes(last) || ['text', 'name', 'definition', 'unit'].includes(last) ? last : null
    ) as WorksheetField | null;
  },
});

/** The worksheet as typed: the stored one with every draft that has no problem laid over it. */
export const typedWorksheet = computed<Sheet>(() => {
  let sheet: Sheet = storedWorksheet.value ?? { valueEvents: [], candidates: [] };
  for (const [key, text] of worksheetEdits.drafts.value) sheet = applyText(sheet, key, text);
  return sheet;
});

export const typedValueEvents = computed(() => rankValueEvents(typedWorksheet.value.valueEvents));
export const typedCandidates = computed(() => rankCandidates(typedWorksheet.value.candidates));
/** Coaching per candidate id, on the wording as typed. */
export const typedCoaching = computed(
  () => new Map<Id, CoachingFinding[]>(typedWorksheet.value.candidates.map((c) => [c.id, coachCandidate(c)])),
);

const newRatings = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, null])) as Record<K, number | null>;

export function addValueEvent(): Promise<NsmWorksheet> {
  const event: ValueEvent = { id: crypto.randomUUID(), text: '', ratings: newRatings(VALUE_EVENT_RATINGS) };
  return changeWorksheet((s) => ({ ...s, valueEvents: [...s.valueEvents, event] }));
}

export function removeValueEvent(id: Id): Promise<NsmWorksheet> {
  return changeWorksheet((s) => ({
    valueEvents: s.valueEvents.filter((e) => e.id !== id),
    candidates: s.candidates.map((c) => ({ ...c, valueEventIds: c.valueEventIds.filter((v) => v !== id) })),
  }));
}

/** A candidate formulated from a value event; its wording is the user's to write. */
export function addCandidate(fromEventId: Id | null): Promise<NsmWorksheet> {
  const candidate: NsmCandidate = {
    id: crypto.randomUUID(),
    name: '',
    definition: '',
    unit: '',
    period: null,
    category: null,
    valueEventIds: fromEventId ? [fromEventId] : [],
    teams: [],
    scores: newRatings(CANDIDATE_CRITERIA),
  };
  return changeWorksheet((s) => ({ ...s, candidates: [...s.candidates, candidate] }));
}

export function removeCandidate(id: Id): Promise<NsmWorksheet> {
  return changeWorksheet((s) => ({ ...s, candidates: s.candidates.filter((c) => c.id !== id) }));
}

export function setCandidateChoice(id: Id, patch: Pick<Partial<NsmCandidate>, 'period' | 'category'>) {
  return changeWorksheet((s) => ({
    ...s,
    candidates: s.candidates.map((c) => (c.id === id ? { ...c, ...patch } : c)),
  }));
}

/** Makes the candidate the tree's NSM, after its typed text is stored. */
export async function chooseCandidate(id: Id): Promise<void> {
  const treeId = tree.value?.id;
  if (!treeId) return;
  await worksheetEdits.flush();
  await queue;
  const answer = await request({ type: 'worksheet.choose', treeId, candidateId: id });
  lastSaved = answer.worksheet;
}

const typedChosen = computed(() => {
  const stored = storedWorksheet.value;
  return typedWorksheet.value.candidates.find((c) => c.id === stored?.chosenCandidateId) ?? null;
});

/** Input metrics suggested for the chosen North Star that the tree does not have yet (by name). */
export const suggestedInputs = computed(() => {
  const chosen = typedChosen.value;
  if (!chosen) return [];
  const have = new Set(treeMetrics.value.map((m) => m.name.trim().toLowerCase()));
  return suggestInputs(chosen).filter((s) => !have.has(s.name.trim().toLowerCase()));
});

export const suggestionError = signal<string | null>(null);

export async function addSuggestedInput(name: string, ownerTeam: string, definition: string): Promise<void> {
  const treeId = tree.value?.id;
  if (!treeId) return;
  try {
    suggestionError.value = null;
    await request({
      type: 'metric.create',
      treeId,
      role: 'input',
      name,
      fields: { ownerTeam, definition, parentId: treeNsm.value?.id ?? null },
    });
  } catch (failure) {
    suggestionError.value = failure instanceof Error ? failure.message : String(failure);
  }
}
