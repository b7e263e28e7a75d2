/**
 * RICE fields as people type them: reach and effort as numbers ("1.2k", "0.5"), impact
 * as its Intercom value, confidence in percent (stored as a fraction). Converts both ways
 * and says, in words, what is wrong with a value before anything is sent.
 */
import { parseFieldNumber } from './number-text';
import { riceScore } from './rice';
import type { RiceInput } from './types';

export const RICE_INPUT_FIELDS = ['reach', 'impact', 'confidence', 'effort'] as const;
export type RiceInputField = (typeof RICE_INPUT_FIELDS)[number];
export type RiceText = Partial<Record<RiceInputField, string>>;

export function riceFieldText(field: RiceInputField, stored: number | null): string {
  if (stored === null) return '';
  return String(field === 'confidence' ? Math.round(stored * 1000) / 10 : stored);
}

/** The stored value the text stands for, or `invalid` when it is no number at all. */
export function riceFieldValue(
  field: RiceInputField,
  text: string,
): { ok: true; value: number | null } | { ok: false } {
  const parsed = parseFieldNumber(text);
  if (!parsed.ok) return parsed;
  const value = field === 'confidence' && parsed.value !== null ? parsed.value / 100 : parsed.value;
  return { ok: true, value };
}

/** Why the typed text cannot be stored, or null when it can (empty means "not estimated"). */
export function riceFieldProblem(field: RiceInputField, text: string): string | null {
  const parsed = riceFieldValue(field, text);
  if (!parsed.ok) return 'Type a number, or leave it empty if not estimated yet';
  if (parsed.value === null) return null;
  const probe = riceScore({ reach: 1, impact: 1, confidence: 1, effort: 1, [field]: parsed.value });
  return probe.ok ? null : probe.message;
}

/** The estimate with every storable typed value laid over it. */
export function applyRiceText(rice: RiceInput, text: RiceText): RiceInput {
  const out = { ...rice };
  for (const field of RICE_INPUT_FIELDS) {
    const typed = text[field];
    if (typed === undefined || riceFieldProblem(field, typed) !== null) continue;
    const parsed = riceFieldValue(field, typed);
    if (parsed.ok) out[field] = parsed.value;
  }
  return out;
}
