/**
 * The weekly review's page state: the week shown (the last complete one unless the user
 * steps to another), its notes while they are typed (drafts.ts, saved with reviewNote.set
 * after a pause or on "Save notes"), and the review as Markdown, the text "Copy as
 * Markdown" puts on the clipboard.
 */
import { computed, signal } from '@preact/signals-core';
import { reviewMarkdown } from '../../domain/review-markdown';
import { MAX_TEXT } from '../../domain/schemas';
import { reviewPeriod, stepWeek } from '../../domain/review-period';
import { request } from '../../messaging/client';
import { createDraftStore } from '../drafts';
import { chosenReviewWeek, reviewedPeriod, reviewedWeekNote, today, weeklyReviewModel } from './loop';
import { tree } from './tree';

export const noteEdits = createDraftStore<'text'>({
  problem: (_field, text) =>
    text.length > MAX_TEXT ? `Keep the notes under ${MAX_TEXT.toLocaleString('en')} characters` : null,
  async save(week, text) {
    const treeId = tree.value?.id;
    if (!treeId || text.text === undefined) return;
    await request({ type: 'reviewNote.set', treeId, week, date: today.value, text: text.text });
  },
  fieldOfPath: (path) => (path === 'text' ? 'text' : null),
});

/** The week under review: the key of its notes' draft. */
export const reviewedWeek = computed(() => reviewedPeriod.value.week);

/** Shows the week `steps` weeks after the one shown (before, when negative); never past the current week. */
export function stepReviewWeek(steps: number): void {
  chosenReviewWeek.value = reviewPeriod(stepWeek(reviewedWeek.value, steps), today.value).week;
}

/** Back to the default: the last complete week. */
export function showLastCompleteWeek(): void {
  chosenReviewWeek.value = null;
}

/** What the notes field shows: the draft while one exists, else the stored notes. */
export const notesText = computed(
  () => noteEdits.drafts.value.get(reviewedWeek.value)?.text ?? reviewedWeekNote.value?.text ?? '',
);

/** The review as Markdown, with the notes as stored (what the page shows once saved). */
export const reviewAsMarkdown = computed(() =>
  reviewMarkdown(weeklyReviewModel.value, reviewedWeekNote.value?.text ?? ''),
);

/** The confirmation after copying, or the reason it failed. */
export const copyOutcome = signal<{ ok: boolean; message: string } | null>(null);

export async function copyReview(): Promise<void> {
  try {
    await navigator.clipboard.writeText(reviewAsMarkdown.value);
    copyOutcome.value = { ok: true, message: 'Copied the review as Markdown: paste it into Slack or Confluence.' };
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    copyOutcome.value = { ok: false, message: `Could not copy the review: ${reason}` };
  }
}
