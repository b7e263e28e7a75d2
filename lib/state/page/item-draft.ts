/**
 * What the user is typing into this page's item, before it is stored: the drafts, the
 * refusals beside them, and the score and rank they would give. Part of the open panel's
 * code, with item-editor.ts, which stores them; the pill gets the live score through
 * draft-saver.ts.
 */
import { batch, computed, signal } from '@preact/signals-core';
import { parseFieldNumber } from '../../domain/number-text';
import { rankOfScore } from '../../domain/ranking';
import { riceScore, type RiceResult } from '../../domain/rice';
import type { RiceInput } from '../../domain/types';
import { inputLink, item, pageContext } from './page';

export const RICE_INPUT_FIELDS = ['reach', 'impact', 'confidence', 'effort'] as const;
export type RiceInputField = (typeof RICE_INPUT_FIELDS)[number];
export type EditableField = RiceInputField | 'notes' | 'title';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export const drafts = signal<Partial<Record<EditableField, string>>>({});
export const fieldErrors = signal<Partial<Record<EditableField, string>>>({});
export const saveState = signal<SaveState>('saved');
export const saveError = signal<string | null>(null);

/** Confidence is typed as a percentage and stored as a fraction. */
export function toStored(field: RiceInputField, typed: number | null): number | null {
  return field === 'confidence' && typed !== null ? typed / 100 : typed;
}

function toTyped(field: RiceInputField, stored: number | null): string {
  if (stored === null) return '';
  return String(field === 'confidence' ? Math.round(stored * 1000) / 10 : stored);
}

/** The text a field shows: the draft while editing, else the stored value. */
export function fieldText(field: EditableField): string {
  const draft = drafts.value[field];
  if (draft !== undefined) return draft;
  const current = item.value;
  if (!current) return '';
  if (field === 'notes' || field === 'title') return current[field];
  return toTyped(field, current.rice[field]);
}

/** The estimate with every valid draft applied: what the score preview uses. */
export const draftRice = computed<RiceInput | null>(() => {
  const current = item.value;
  if (!current) return null;
  const rice = { ...current.rice };
  for (const field of RICE_INPUT_FIELDS) {
    const text = drafts.value[field];
    if (text === undefined) continue;
    const parsed = parseFieldNumber(text);
    if (parsed.ok) rice[field] = toStored(field, parsed.value);
  }
  return rice;
});

export const liveScore = computed<RiceResult | null>(() => {
  const link = inputLink.value;
  const rice = draftRice.value;
  if (!rice || !link) return null;
  return riceScore(rice, link.leverage);
});

export const liveRank = computed(() => {
  const score = liveScore.value;
  if (!score?.ok) return null;
  const others = pageContext.value?.otherScores;
  if (!others) return null;
  return { rank: rankOfScore(score.score, others), of: others.length + 1 };
});

/** Forgets every draft and refusal. */
export function clearDrafts(): void {
  batch(() => {
    drafts.value = {};
    fieldErrors.value = {};
    saveError.value = null;
    saveState.value = 'saved';
  });
}
