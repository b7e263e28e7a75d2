import { ReviewSchema } from '../domain/schemas';
import type { Id, Review } from '../domain/types';
import { invalid } from './errors';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

export interface NewReview {
  treeId: Id;
  answers: Review['answers'];
  note?: string;
}

/** Records a validation review of the tree's NSM, dated now. */
export async function addReview(db: LensDb, input: NewReview): Promise<Review> {
  return write(db, ['trees', 'reviews'], async (tx) => {
    if ((await tx.objectStore('trees').getKey(input.treeId)) === undefined) {
      throw invalid('treeId', 'there is no tree with this id');
    }
    const at = now();
    const review = checkRecord(ReviewSchema, {
      id: newId(),
      treeId: input.treeId,
      at,
      answers: input.answers,
      note: input.note ?? '',
      updatedAt: at,
    });
    await tx.objectStore('reviews').add(review);
    return review;
  });
}

/** Oldest first. */
export async function listReviews(db: LensDb, treeId: Id): Promise<Review[]> {
  const reviews = await read(db, ['reviews'], (tx) => tx.objectStore('reviews').index('byTree').getAll(treeId));
  return reviews.sort((a, b) => a.at - b.at);
}
