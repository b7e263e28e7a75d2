/**
 * Each tree's ranked scores, highest first, stored beside the items they derive from, so
 * a freshly started worker ranks a ticket by reading one record instead of every item.
 * Derived data, kept in step inside the writes' own transactions: an item write adjusts
 * its tree's scores; any other write that could change scores (a metric's leverage, role
 * or parent, a deleted metric or tree, an import) deletes them, and the next reader
 * rebuilds them from the items in one transaction. A missing record is never wrong.
 */
import { insertScore, removeScore, scoreOf } from '../domain/score-list';
import { metricById } from '../domain/tree';
import type { Id, Item, Metric } from '../domain/types';
import { StorageError } from './errors';
import { itemsWhere } from './item-chunks';
import type { LensDb, Store } from './schema';
import { read, write } from './transaction';

/** The tree's ranked scores, highest first: the stored ones, or rebuilt (and stored) from its items. */
export async function rankedScoresOf(db: LensDb, treeId: Id): Promise<number[]> {
  const stored = await read(db, ['rankings'], (tx) => tx.objectStore('rankings').get(treeId));
  if (stored) return stored.scores;
  try {
    return await write(db, ['metrics', 'itemChunks', 'rankings'], async (tx) => {
      const scores = scoresOf(
        await itemsOfTree(tx.objectStore('itemChunks'), treeId),
        await tx.objectStore('metrics').index('byTree').getAll(treeId),
      );
      await tx.objectStore('rankings').put({ treeId, scores });
      return scores;
    });
  } catch (failure) {
    // Storing the derived record only saves later readers work. When the browser refuses
    // the write (storage full), a read must still be answered: rank from the items.
    if (!(failure instanceof StorageError) || failure.code !== 'storage') throw failure;
    return read(db, ['metrics', 'itemChunks'], async (tx) =>
      scoresOf(
        await itemsOfTree(tx.objectStore('itemChunks'), treeId),
        await tx.objectStore('metrics').index('byTree').getAll(treeId),
      ),
    );
  }
}

function itemsOfTree(store: Store<'itemChunks'>, treeId: Id): Promise<Item[]> {
  return itemsWhere(store, 'byTree', treeId, (item) => item.treeId === treeId);
}

function scoresOf(items: readonly Item[], metrics: readonly Metric[]): number[] {
  const byId = metricById(metrics);
  const scores: number[] = [];
  for (const item of items) {
    const score = scoreOf(item, byId);
    if (score !== null) scores.push(score);
  }
  return scores.sort((a, b) => b - a);
}

/**
 * Inside an item write: moves the item's score from `before` to `after` (either may be
 * null), with `metrics` holding at least the metrics they are tagged with and their parents.
 */
export async function adjustRanking(
  rankings: Store<'rankings', 'readwrite'>,
  metrics: ReadonlyMap<Id, Metric>,
  before: Item | null,
  after: Item | null,
): Promise<void> {
  const treeId = (after ?? before)?.treeId;
  if (treeId === undefined) return;
  // Most edits (title, notes, status) leave the score: the stored ranking is then
  // neither read nor written.
  const oldScore = before ? scoreOf(before, metrics) : null;
  const newScore = after ? scoreOf(after, metrics) : null;
  if (oldScore === newScore) return;
  const stored = await rankings.get(treeId);
  if (!stored) return;
  if (oldScore !== null && !removeScore(stored.scores, oldScore)) {
    // Out of step for a reason this code cannot see: let the next reader rebuild it.
    await rankings.delete(treeId);
    return;
  }
  if (newScore !== null) insertScore(stored.scores, newScore);
  await rankings.put(stored);
}

/** Inside a write that may change many scores of the tree: the stored ones go. */
export async function forgetRanking(rankings: Store<'rankings', 'readwrite'>, treeId: Id): Promise<void> {
  await rankings.delete(treeId);
}
