/**
 * RICE scoring (Intercom) with the North Star as the Impact dimension:
 * score = Reach × Impact × Leverage × Confidence ÷ Effort, where Leverage is how strongly
 * the item's input metric moves the NSM. A score is only given when every field is known
 * and in range; otherwise the result names the field and says what is wrong, in words a
 * user can act on.
 */
import type { RiceInput } from './types';

export const IMPACT_LEVELS = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
] as const;

/** The named levels; any fraction in (0, 1] is accepted. */
export const CONFIDENCE_LEVELS = [
  { value: 1, label: 'High' },
  { value: 0.8, label: 'Medium' },
  { value: 0.5, label: 'Low' },
] as const;

export const RICE_FIELDS = ['reach', 'impact', 'confidence', 'effort', 'leverage'] as const;
export type RiceField = (typeof RICE_FIELDS)[number];

export interface RiceProblem {
  ok: false;
  field: RiceField;
  reason: 'missing' | 'invalid';
  message: string;
}

export type RiceResult = { ok: true; score: number } | RiceProblem;

const FIELD_LABELS: Record<RiceField, string> = {
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  effort: 'Effort',
  leverage: 'Leverage',
};

/** Messages are made only where one is shown, so a view that shows none (the pill) carries no text. */
function rangeMessage(field: RiceField): string {
  switch (field) {
    case 'reach':
      return 'Reach must be a number of 0 or more (people or events per period)';
    case 'impact':
      return `Impact must be one of ${IMPACT_LEVELS.map((l) => `${l.value} (${l.label.toLowerCase()})`).join(', ')}`;
    case 'confidence':
      return 'Confidence must be more than 0% and at most 100%';
    case 'effort':
      return 'Effort must be more than 0 person-months';
    case 'leverage':
      return 'Leverage must be a number of 0 or more (how strongly the input metric moves the North Star)';
  }
}

const OVERFLOW_MESSAGE =
  'Reach is too large to compute a score with this effort; count it in a larger unit (for example thousands of people)';

/** What is wrong with one field, before it is put in words. */
interface Flaw {
  field: RiceField;
  reason: 'missing' | 'invalid' | 'overflow';
}

function inWords({ field, reason }: Flaw): RiceProblem {
  if (reason === 'overflow') return { ok: false, field, reason: 'invalid', message: OVERFLOW_MESSAGE };
  const message = reason === 'missing' ? `${FIELD_LABELS[field]} is not estimated yet` : rangeMessage(field);
  return { ok: false, field, reason, message };
}

const IMPACT_VALUES: readonly number[] = IMPACT_LEVELS.map((l) => l.value);

function isInRange(field: RiceField, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (field) {
    case 'reach':
    case 'leverage':
      return value >= 0;
    case 'impact':
      return IMPACT_VALUES.includes(value);
    case 'confidence':
      return value > 0 && value <= 1;
    case 'effort':
      return value > 0;
  }
}

function flawOf(field: RiceField, value: unknown): Flaw | null {
  if (value === null || value === undefined) return { field, reason: 'missing' };
  if (typeof value !== 'number' || !isInRange(field, value)) return { field, reason: 'invalid' };
  return null;
}

function valuesOf(rice: RiceInput, leverage: number): Record<RiceField, unknown> {
  return {
    reach: rice.reach,
    impact: rice.impact,
    confidence: rice.confidence,
    effort: rice.effort,
    leverage,
  };
}

/**
 * Every field's problem at once, for forms that show an error beside each input.
 * Fields without a problem are absent.
 */
export function riceProblems(rice: RiceInput, leverage = 1): Partial<Record<RiceField, RiceProblem>> {
  const values = valuesOf(rice, leverage);
  const problems: Partial<Record<RiceField, RiceProblem>> = {};
  for (const field of RICE_FIELDS) {
    const flaw = flawOf(field, values[field]);
    if (flaw) problems[field] = inWords(flaw);
  }
  return problems;
}

/** The score, or the first problem in field order (reach, impact, confidence, effort, leverage). */
export function riceScore(rice: RiceInput, leverage = 1): RiceResult {
  const scored = scoreOrFlaw(rice, leverage);
  return typeof scored === 'number' ? { ok: true, score: scored } : inWords(scored);
}

/** The score, or null where `riceScore` would name a problem: for a view that shows no message. */
export function riceScoreOnly(rice: RiceInput, leverage = 1): number | null {
  const scored = scoreOrFlaw(rice, leverage);
  return typeof scored === 'number' ? scored : null;
}

function scoreOrFlaw(rice: RiceInput, leverage: number): number | Flaw {
  const values = valuesOf(rice, leverage);
  for (const field of RICE_FIELDS) {
    const flaw = flawOf(field, values[field]);
    if (flaw) return flaw;
  }
  const { reach, impact, confidence, effort } = values as Record<RiceField, number>;
  // A zero factor makes the score 0 even when the other factors would overflow
  // (Infinity × 0 is NaN), and it turns -0 into a plain 0.
  if (reach === 0 || leverage === 0) return 0;
  // Dividing first keeps a huge reach with a large effort from overflowing on the way.
  let score = (reach * impact * leverage * confidence) / effort;
  if (!Number.isFinite(score)) score = (reach / effort) * impact * leverage * confidence;
  return Number.isFinite(score) ? score : { field: 'reach', reason: 'overflow' };
}

export function impactLabel(value: number): string | null {
  return IMPACT_LEVELS.find((l) => l.value === value)?.label ?? null;
}
