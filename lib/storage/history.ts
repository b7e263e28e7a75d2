import type { Id, Metric, NsmChange } from '../domain/types';
import type { LensDb } from './schema';
import { read } from './transaction';
import { newId } from './records';

/** The tree's NSM changes, oldest first. */
export async function listHistory(db: LensDb, treeId: Id): Promise<NsmChange[]> {
  const changes = await read(db, ['history'], (tx) => tx.objectStore('history').index('byTree').getAll(treeId));
  return changes.sort((a, b) => a.at - b.at);
}

/**
 * The NSM change a metric write makes, if any: renaming the NSM, or making a metric the
 * NSM while the tree had another one. Choosing a tree's first NSM is not a change; it
 * would otherwise count against the "NSM changed more than once a year" rule.
 */
export function nsmChange(
  before: Metric | null,
  after: Metric,
  previousNsm: Metric | null,
  at: number,
): NsmChange | null {
  if (after.role !== 'nsm') return null;
  const from = before?.role === 'nsm' ? before.name : previousNsm?.name;
  if (from === undefined || from === after.name) return null;
  return { id: newId(), treeId: after.treeId, at, from, to: after.name, updatedAt: at };
}
