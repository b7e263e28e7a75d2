/**
 * Choosing the North Star on a worksheet (SI Labs' guide, steps 1-3): value events rated
 * 1 to 5, candidates scored 1 to 5 on the framework's three tests and the Playbook's six,
 * then the chosen candidate becomes the tree's NSM with input metrics suggested from the
 * templates. Coaching on each candidate's wording lives in nsm-coaching.ts.
 */
import { TEMPLATES, type TemplateInput, type TreeTemplate } from './templates';
import type { Metric } from './types';
import {
  CORE_CRITERIA,
  PLAYBOOK_CRITERIA,
  type CandidateCriterion,
  type NsmCandidate,
  type NsmWorksheet,
  type ValueEvent,
  type ValueEventRating,
} from './loop-types';

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const MIN_VALUE_EVENTS = 5;
export const MAX_VALUE_EVENTS = 10;
export const MAX_CANDIDATES = 10;
export const MIN_SUGGESTED_INPUTS = 4;
export const MAX_SUGGESTED_INPUTS = 6;

/** Why a typed rating or score is refused; null when it is a whole number from 1 to 5. */
export function ratingProblem(value: number): string | null {
  if (!Number.isInteger(value) || value < RATING_MIN || value > RATING_MAX) {
    return `A rating is a whole number from ${RATING_MIN} (poor) to ${RATING_MAX} (excellent)`;
  }
  return null;
}

/** Coaching on the number of value events; the schema refuses more than the maximum outright. */
export function valueEventCountNote(count: number): string | null {
  if (count >= MIN_VALUE_EVENTS) return null;
  return (
    `${count} value event${count === 1 ? '' : 's'} so far: collect ${MIN_VALUE_EVENTS} to ${MAX_VALUE_EVENTS} moments ` +
    'when the customer experiences the value, so the North Star is chosen among several, not the first idea.'
  );
}

/*
 * Frequency is not value (the guide's warning): an event that happens often but is hard
 * to measure or unrelated to growth makes a busy, useless North Star. So correlation
 * with growth weighs most and frequency least.
 */
export const VALUE_EVENT_WEIGHTS: Record<ValueEventRating, number> = {
  growthCorrelation: 0.5,
  measurability: 0.3,
  frequency: 0.2,
};

export interface RankedValueEvent {
  event: ValueEvent;
  /** The weighted mean rating (1 to 5), or null until all three ratings are made. */
  score: number | null;
  /** 1 for the most promising; null while unrated, so it is never ranked as a poor event. */
  rank: number | null;
}

function weightedScore(event: ValueEvent): number | null {
  let score = 0;
  for (const [rating, weight] of Object.entries(VALUE_EVENT_WEIGHTS) as [ValueEventRating, number][]) {
    const value = event.ratings[rating];
    if (value === null || ratingProblem(value) !== null) return null;
    score += value * weight;
  }
  return score;
}

/** Best first; unrated events last, in the order they were written. */
export function rankValueEvents(events: readonly ValueEvent[]): RankedValueEvent[] {
  const scored = events.map((event) => ({ event, score: weightedScore(event) }));
  const rated = scored.filter((s) => s.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const unrated = scored.filter((s) => s.score === null);
  return [...rated.map((s, i) => ({ ...s, rank: i + 1 })), ...unrated.map((s) => ({ ...s, rank: null }))];
}

export interface RankedCandidate {
  candidate: NsmCandidate;
  /** Mean of the three tests (customer value, leads growth, reflects strategy), null until all are scored. */
  core: number | null;
  /** Mean of the Playbook's six, null until all are scored. */
  playbook: number | null;
  rank: number | null;
}

function meanScore(candidate: NsmCandidate, criteria: readonly CandidateCriterion[]): number | null {
  let sum = 0;
  for (const criterion of criteria) {
    const value = candidate.scores[criterion];
    if (value === null || ratingProblem(value) !== null) return null;
    sum += value;
  }
  return sum / criteria.length;
}

/**
 * The three tests decide, the Playbook's six break ties: a candidate that fails to
 * measure customer value is out however understandable it is. Only fully scored
 * candidates are ranked.
 */
export function rankCandidates(candidates: readonly NsmCandidate[]): RankedCandidate[] {
  const scored = candidates.map((candidate) => ({
    candidate,
    core: meanScore(candidate, CORE_CRITERIA),
    playbook: meanScore(candidate, PLAYBOOK_CRITERIA),
  }));
  const complete = scored
    .filter((s) => s.core !== null && s.playbook !== null)
    .sort((a, b) => (b.core ?? 0) - (a.core ?? 0) || (b.playbook ?? 0) - (a.playbook ?? 0));
  const incomplete = scored.filter((s) => s.core === null || s.playbook === null);
  return [...complete.map((s, i) => ({ ...s, rank: i + 1 })), ...incomplete.map((s) => ({ ...s, rank: null }))];
}

export function chosenCandidate(worksheet: NsmWorksheet): NsmCandidate | null {
  return worksheet.candidates.find((c) => c.id === worksheet.chosenCandidateId) ?? null;
}

export type NsmFields = Pick<Metric, 'role' | 'parentId' | 'name' | 'definition' | 'unit' | 'period' | 'category'>;

/** The fields the tree's NSM takes from the chosen candidate; the caller keeps its id and owner. */
export function candidateAsNsm(candidate: NsmCandidate): NsmFields {
  return {
    role: 'nsm',
    parentId: null,
    name: candidate.name.trim(),
    definition: candidate.definition,
    unit: candidate.unit,
    period: candidate.period,
    category: candidate.category,
  };
}

export interface InputSuggestion extends TemplateInput {
  /** The example it comes from, so the user sees why it is suggested. */
  templateId: string;
  productKind: string;
}

const STOP_WORDS = new Set(['that', 'with', 'which', 'their', 'from', 'least', 'during', 'week', 'month', 'per']);

function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.map((w) => w.replace(/s$/, '')).filter((w) => w.length >= 4 && !STOP_WORDS.has(w)));
}

/** How close a template's North Star is to the candidate: same category, same period, shared words. */
function likeness(candidate: NsmCandidate, template: TreeTemplate): number {
  const ours = wordsOf(`${candidate.name} ${candidate.definition}`);
  const theirs = wordsOf(`${template.nsm.name} ${template.nsm.definition}`);
  const shared = [...ours].filter((w) => theirs.has(w)).length;
  return (
    (candidate.category !== null && candidate.category === template.nsm.category ? 2 : 0) +
    (candidate.period !== null && candidate.period === template.nsm.period ? 1 : 0) +
    shared
  );
}

/**
 * 4 to 6 input metrics with owner teams: the inputs of the template most like the
 * candidate, topped up from the next most alike until there are at least 4.
 * They are starting points to rename, like the templates themselves.
 */
export function suggestInputs(
  candidate: NsmCandidate,
  templates: readonly TreeTemplate[] = TEMPLATES,
): InputSuggestion[] {
  const ordered = templates
    .map((template, order) => ({ template, order, score: likeness(candidate, template) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const out: InputSuggestion[] = [];
  const seen = new Set<string>();
  for (const { template } of ordered) {
    if (out.length >= MIN_SUGGESTED_INPUTS) break;
    for (const input of template.inputs) {
      const key = input.name.trim().toLowerCase();
      if (seen.has(key) || out.length >= MAX_SUGGESTED_INPUTS) continue;
      seen.add(key);
      out.push({ ...input, templateId: template.id, productKind: template.productKind });
    }
  }
  return out;
}
