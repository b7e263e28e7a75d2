/** Key results: a team's target for one quarter on one metric of the tree. */
import type { KeyResult } from '../domain/loop-types';
import { KeyResultSchema } from '../domain/loop-schemas';
import type { Id } from '../domain/types';
import { invalid, notFound } from './errors';
import type { LensDb, Store } from './schema';
import { read, write } from './transaction';
import { checkRecord, definedFields, newId, now } from './records';

export type KeyResultFields = Omit<KeyResult, 'id' | 'treeId' | 'updatedAt'>;
export type NewKeyResult = KeyResultFields & { treeId: Id };

/** By quarter, then team, then due date. */
export async function listKeyResults(db: LensDb, treeId: Id): Promise<KeyResult[]> {
  const found = await read(db, ['keyResults'], (tx) => tx.objectStore('keyResults').index('byTree').getAll(treeId));
  return sortKeyResults(found);
}

export function sortKeyResults(krs: KeyResult[]): KeyResult[] {
  return krs.sort(
    (a, b) =>
      a.quarter.localeCompare(b.quarter) ||
      a.team.localeCompare(b.team) ||
      a.due.localeCompare(b.due) ||
      a.id.localeCompare(b.id),
  );
}

export async function createKeyResult(db: LensDb, input: NewKeyResult): Promise<KeyResult> {
  return write(db, ['metrics', 'keyResults'], async (tx) => {
    const kr = checkRecord(KeyResultSchema, { ...input, id: newId(), updatedAt: now() });
    await checkMetricOfTree(tx.objectStore('metrics'), kr.metricId, kr.treeId, 'metricId');
    await tx.objectStore('keyResults').add(kr);
    return kr;
  });
}

export async function updateKeyResult(db: LensDb, id: Id, patch: Partial<KeyResultFields>): Promise<KeyResult> {
  return write(db, ['metrics', 'keyResults'], async (tx) => {
    const current = await tx.objectStore('keyResults').get(id);
    if (!current) throw notFound('key result', id);
    const kr = checkRecord(KeyResultSchema, { ...current, ...definedFields(patch), id, updatedAt: now() });
    await checkMetricOfTree(tx.objectStore('metrics'), kr.metricId, kr.treeId, 'metricId');
    await tx.objectStore('keyResults').put(kr);
    return kr;
  });
}

export async function deleteKeyResult(db: LensDb, id: Id): Promise<void> {
  await write(db, ['keyResults'], async (tx) => {
    if ((await tx.objectStore('keyResults').getKey(id)) === undefined) throw notFound('key result', id);
    await tx.objectStore('keyResults').delete(id);
  });
}

/** A loop record may only point at a metric of its own tree. */
export async function checkMetricOfTree(
  metrics: Store<'metrics'>,
  metricId: Id,
  treeId: Id,
  field: string,
): Promise<void> {
  const metric = await metrics.get(metricId);
  if (!metric || metric.treeId !== treeId) throw invalid(field, 'there is no metric with this id in the tree');
}
