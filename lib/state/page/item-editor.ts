/**
 * Editing the item of this page without ever losing a keystroke. What the user types is
 * kept as a draft (item-draft.ts) until the background has stored exactly that text; a
 * refresh from another tab never overwrites a field being edited, and a refused value
 * stays in the field with the reason beside it. Part of the open panel's code.
 */
import { batch } from '@preact/signals-core';
import { parseFieldNumber } from '../../domain/number-text';
import { riceScore } from '../../domain/rice';
import { request, RequestError } from '../../messaging/client';
import type { ItemPatch } from '../../messaging/protocol';
import { draftKeeper } from './draft-saver';
import {
  clearDrafts,
  drafts,
  fieldErrors,
  liveScore,
  RICE_INPUT_FIELDS,
  saveError,
  saveState,
  toStored,
  type EditableField,
} from './item-draft';
import { item, pageContext } from './page';

const SAVE_DELAY_MS = 400;

let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;
let queuedPatch: ItemPatch = {};

export function editField(field: EditableField, text: string): void {
  batch(() => {
    drafts.value = { ...drafts.value, [field]: text };
    const problem = localProblem(field, text);
    fieldErrors.value = withEntry(fieldErrors.value, field, problem);
    if (!problem) saveState.value = 'pending';
  });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushDrafts(), SAVE_DELAY_MS);
}

/** Saves a choice (impact level, status, input metric) at once, in order with typed edits. */
export function saveChoice(patch: ItemPatch): Promise<void> {
  queuedPatch = mergePatch(queuedPatch, patch);
  saveState.value = 'pending';
  return flushDrafts();
}

function localProblem(field: EditableField, text: string): string | undefined {
  if (field === 'notes' || field === 'title') return undefined;
  const parsed = parseFieldNumber(text);
  if (!parsed.ok) return 'Type a number, or leave it empty if not estimated yet';
  const value = toStored(field, parsed.value);
  if (value === null) return undefined;
  const probe = riceScore({ reach: 1, impact: 1, confidence: 1, effort: 1, [field]: value });
  return probe.ok ? undefined : probe.message;
}

/** Sends every valid draft and queued choice; drafts that were stored as typed are dropped. */
export async function flushDrafts(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  if (inFlight) {
    await inFlight;
    return flushDrafts();
  }
  const current = item.value;
  if (!current) return;
  const sent = { ...drafts.value };
  const patch = mergePatch(patchFromDrafts(sent), queuedPatch);
  queuedPatch = {};
  if (Object.keys(patch).length === 0) {
    if (saveState.value !== 'failed' && Object.keys(fieldErrors.value).length === 0) saveState.value = 'saved';
    return;
  }
  saveState.value = 'saving';
  inFlight = send(current.id, patch, sent).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function send(itemId: string, patch: ItemPatch, sent: Partial<Record<EditableField, string>>): Promise<void> {
  try {
    const saved = await request({ type: 'item.update', id: itemId, patch });
    batch(() => {
      const context = pageContext.value;
      if (context && context.item?.id === saved.id) pageContext.value = { ...context, item: saved };
      const remaining = { ...drafts.value };
      for (const field of Object.keys(sent) as EditableField[]) {
        if (remaining[field] === sent[field] && !fieldErrors.value[field]) delete remaining[field];
      }
      drafts.value = remaining;
      saveError.value = null;
      saveState.value = Object.keys(remaining).some((f) => !fieldErrors.value[f as EditableField])
        ? 'pending'
        : 'saved';
    });
  } catch (failure) {
    batch(() => {
      queuedPatch = mergePatch(withoutDraftFields(patch, sent), queuedPatch);
      const field = failure instanceof RequestError ? fieldOfPath(failure.path) : null;
      if (field) fieldErrors.value = { ...fieldErrors.value, [field]: (failure as Error).message };
      else saveError.value = failure instanceof Error ? failure.message : String(failure);
      saveState.value = 'failed';
    });
  }
}

function patchFromDrafts(sent: Partial<Record<EditableField, string>>): ItemPatch {
  const patch: ItemPatch = {};
  for (const [field, text] of Object.entries(sent) as [EditableField, string][]) {
    if (localProblem(field, text)) continue;
    if (field === 'notes' || field === 'title') {
      patch[field] = text;
      continue;
    }
    const parsed = parseFieldNumber(text);
    if (parsed.ok) patch.rice = { ...patch.rice, [field]: toStored(field, parsed.value) };
  }
  return patch;
}

/** Choices that failed are retried with the next save; typed drafts are still in `drafts`. */
function withoutDraftFields(patch: ItemPatch, sent: Partial<Record<EditableField, string>>): ItemPatch {
  const rest: ItemPatch = { ...patch };
  if ('notes' in sent) delete rest.notes;
  if ('title' in sent) delete rest.title;
  if (rest.rice) {
    const rice = { ...rest.rice };
    for (const field of RICE_INPUT_FIELDS) if (field in sent) delete rice[field];
    rest.rice = Object.keys(rice).length ? rice : undefined;
    if (!rest.rice) delete rest.rice;
  }
  return rest;
}

function mergePatch(a: ItemPatch, b: ItemPatch): ItemPatch {
  const merged: ItemPatch = { ...a, ...b };
  if (a.rice || b.rice) merged.rice = { ...a.rice, ...b.rice };
  return merged;
}

function withEntry<T extends object>(record: T, key: keyof T, value: T[keyof T] | undefined): T {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function fieldOfPath(path: string | undefined): EditableField | null {
  const field = path?.split('.').pop();
  return field && (RICE_INPUT_FIELDS as readonly string[]).concat('notes', 'title').includes(field)
    ? (field as EditableField)
    : null;
}

/** Makes the page's drafts kept and stored by this module: called once the panel's code has loaded. */
export function startSavingDrafts(): void {
  draftKeeper.value = {
    flush: flushDrafts,
    forget() {
      if (timer) clearTimeout(timer);
      timer = null;
      queuedPatch = {};
      clearDrafts();
    },
    liveScore,
  };
}
