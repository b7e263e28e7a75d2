/**
 * Editing the item of this page without ever losing a keystroke: what the user types is
 * a draft of the one draft store (../drafts.ts), kept until the background has stored
 * exactly that text, with the refusal beside a field the background would not take. A
 * choice from a menu (impact level, status, input metric) is saved at once, in the same
 * write as the drafts typed so far. The drafts' score and rank move as the user types.
 * Part of the open panel's code: the content script reaches it through panel-drafts.ts.
 */
import { computed } from '@preact/signals-core';
import { rankOfScore } from '../../domain/ranking';
import { riceScore, type RiceResult } from '../../domain/rice';
import {
  RICE_INPUT_FIELDS,
  riceFieldProblem,
  riceFieldText,
  riceFieldValue,
  type RiceInputField,
} from '../../domain/rice-text';
import type { RiceInput } from '../../domain/types';
import { request } from '../../messaging/client';
import type { ItemPatch } from '../../messaging/protocol';
import { createDraftStore, type TextMap } from '../drafts';
import { inputLink, item, pageContext } from './page';
import { panelDrafts } from './panel-drafts';

export type EditableField = RiceInputField | 'notes' | 'title';
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

const EDITABLE_FIELDS: readonly string[] = [...RICE_INPUT_FIELDS, 'notes', 'title'];
const isRiceField = (field: EditableField): field is RiceInputField => field !== 'notes' && field !== 'title';

/** Choices made since the last write, or whose write failed: they go with the next one. */
let choices: ItemPatch = {};

function mergePatch(a: ItemPatch, b: ItemPatch): ItemPatch {
  const merged: ItemPatch = { ...a, ...b };
  if (a.rice || b.rice) merged.rice = { ...a.rice, ...b.rice };
  return merged;
}

function patchOf(text: TextMap<EditableField>): ItemPatch {
  const patch: ItemPatch = {};
  for (const [field, typed] of Object.entries(text) as [EditableField, string][]) {
    if (!isRiceField(field)) patch[field] = typed;
    else {
      const parsed = riceFieldValue(field, typed);
      if (parsed.ok) patch.rice = { ...patch.rice, [field]: parsed.value };
    }
  }
  return patch;
}

/** The page's item's typed text, by item id (one record: the item this page shows). */
export const itemEdits = createDraftStore<EditableField>({
  problem: (field, text) => (isRiceField(field) ? riceFieldProblem(field, text) : null),
  async save(itemId, text) {
    const sent = choices;
    choices = {};
    try {
      const saved = await request({ type: 'item.update', id: itemId, patch: mergePatch(patchOf(text), sent) });
      const context = pageContext.value;
      if (context && context.item?.id === saved.id) pageContext.value = { ...context, item: saved };
    } catch (failure) {
      // Typed text is still in the drafts; the choices that failed go again with the next write.
      choices = mergePatch(sent, choices);
      throw failure;
    }
  },
  fieldOfPath: (path) => {
    const field = path.split('.').pop();
    return field && EDITABLE_FIELDS.includes(field) ? (field as EditableField) : null;
  },
  waiting: () => Object.keys(choices).length > 0,
});

const itemId = () => item.value?.id ?? '';
const draftsHere = computed(() => itemEdits.drafts.value.get(itemId()) ?? {});

export const fieldErrors = computed(() => itemEdits.errors.value.get(itemId()) ?? {});
export const saveError = computed(() => itemEdits.failures.value.get(itemId()) ?? null);
export const saveState = computed<SaveState>(() => itemEdits.status.value.get(itemId()) ?? 'saved');

export function editField(field: EditableField, text: string): void {
  const current = item.value;
  if (current) itemEdits.edit(current.id, field, text);
}

/** Saves a choice (impact level, status, input metric) at once, in order with typed edits. */
export function saveChoice(patch: ItemPatch): Promise<void> {
  const current = item.value;
  if (!current) return Promise.resolve();
  choices = mergePatch(choices, patch);
  return itemEdits.flush(current.id);
}

/** The text a field shows: the draft while editing, else the stored value. */
export function fieldText(field: EditableField): string {
  const draft = draftsHere.value[field];
  if (draft !== undefined) return draft;
  const current = item.value;
  if (!current) return '';
  return isRiceField(field) ? riceFieldText(field, current.rice[field]) : current[field];
}

/**
 * The estimate with every number typed laid over it, an impossible one too: the score
 * preview then says what is wrong with it (effort 0 has no score), as the field does.
 */
export const draftRice = computed<RiceInput | null>(() => {
  const current = item.value;
  if (!current) return null;
  const rice = { ...current.rice };
  for (const field of RICE_INPUT_FIELDS) {
    const typed = draftsHere.value[field];
    const parsed = typed === undefined ? null : riceFieldValue(field, typed);
    if (parsed?.ok) rice[field] = parsed.value;
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

/** Hands the drafts to the content script (flush before leaving, forget on navigation): once the panel's code loaded. */
export function startItemEditor(): void {
  panelDrafts.value = {
    flush: () => itemEdits.flush(),
    forget() {
      choices = {};
      itemEdits.forget();
    },
    liveScore,
  };
}
