/** The weekly review's notes: one per tree and ISO week (the byTreeWeek index is unique). */
import type { ReviewNote } from '../domain/loop-types';
import { ReviewNoteSchema } from '../domain/loop-schemas';
import type { Id } from '../domain/types';
import { invalid } from './errors';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

/** Latest week first. */
export function sortReviewNotes(notes: ReviewNote[]): ReviewNote[] {
  return notes.sort((a, b) => b.week.localeCompare(a.week) || a.id.localeCompare(b.id));
}

export async function listReviewNotes(db: LensDb, treeId: Id): Promise<ReviewNote[]> {
  const found = await read(db, ['reviewNotes'], (tx) => tx.objectStore('reviewNotes').index('byTree').getAll(treeId));
  return sortReviewNotes(found);
}

/**
 * Writes the notes of the review of `week`, held on `date` (during the week or after it).
 * The day the week's note was first written stays its `heldOn`: editing the notes later
 * does not move the review. Empty (or blank) text forgets the week's note, and answers null.
 */
export async function setReviewNote(
  db: LensDb,
  treeId: Id,
  week: string,
  date: string,
  text: string,
): Promise<ReviewNote | null> {
  return write(db, ['trees', 'reviewNotes'], async (tx) => {
    if ((await tx.objectStore('trees').getKey(treeId)) === undefined) {
      throw invalid('treeId', 'there is no tree with this id');
    }
    const store = tx.objectStore('reviewNotes');
    const current = await store.index('byTreeWeek').get([treeId, week]);
    if (text.trim() === '') {
      if (current) await store.delete(current.id);
      return null;
    }
    const note = checkRecord(ReviewNoteSchema, {
      id: current?.id ?? newId(),
      treeId,
      week,
      heldOn: current?.heldOn ?? date,
      text,
      updatedAt: now(),
    });
    await store.put(note);
    return note;
  });
}
