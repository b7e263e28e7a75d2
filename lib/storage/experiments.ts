/** Experiments: a hypothesis on an input metric, and whether it moved the input and the NSM. */
import type { Experiment } from '../domain/loop-types';
import { ExperimentSchema } from '../domain/loop-schemas';
import type { Id } from '../domain/types';
import { invalid, notFound } from './errors';
import { getStoredItem } from './item-chunks';
import { checkMetricOfTree } from './key-results';
import type { LensDb, LensTx } from './schema';
import { read, write } from './transaction';
import { checkRecord, definedFields, newId, now } from './records';

export type ExperimentFields = Omit<Experiment, 'id' | 'treeId' | 'updatedAt'>;
export type NewExperiment = Omit<ExperimentFields, 'endedAt' | 'movedInput' | 'movedNsm' | 'note' | 'itemId'> &
  Partial<ExperimentFields> & { treeId: Id };

/** Most recently started first. */
export async function listExperiments(db: LensDb, treeId: Id): Promise<Experiment[]> {
  const found = await read(db, ['experiments'], (tx) => tx.objectStore('experiments').index('byTree').getAll(treeId));
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
}

type Tx = LensTx<['metrics', 'itemChunks', 'experiments'], 'readwrite'>;

async function checkReferences(tx: Tx, e: Experiment): Promise<void> {
  await checkMetricOfTree(tx.objectStore('metrics'), e.inputMetricId, e.treeId, 'inputMetricId');
  if (e.itemId === null) return;
  const item = await getStoredItem(tx.objectStore('itemChunks'), e.itemId);
  if (!item || item.treeId !== e.treeId) throw invalid('itemId', 'there is no item with this id in the tree');
}

export async function createExperiment(db: LensDb, input: NewExperiment): Promise<Experiment> {
  return write(db, ['metrics', 'itemChunks', 'experiments'], async (tx) => {
    const experiment = checkRecord(ExperimentSchema, {
      itemId: null,
      endedAt: null,
      movedInput: null,
      movedNsm: null,
      note: '',
      ...definedFields(input),
      id: newId(),
      updatedAt: now(),
    });
    await checkReferences(tx, experiment);
    await tx.objectStore('experiments').add(experiment);
    return experiment;
  });
}

export async function updateExperiment(db: LensDb, id: Id, patch: Partial<ExperimentFields>): Promise<Experiment> {
  return write(db, ['metrics', 'itemChunks', 'experiments'], async (tx) => {
    const current = await tx.objectStore('experiments').get(id);
    if (!current) throw notFound('experiment', id);
    const experiment = checkRecord(ExperimentSchema, { ...current, ...definedFields(patch), id, updatedAt: now() });
    await checkReferences(tx, experiment);
    await tx.objectStore('experiments').put(experiment);
    return experiment;
  });
}

export async function deleteExperiment(db: LensDb, id: Id): Promise<void> {
  await write(db, ['experiments'], async (tx) => {
    if ((await tx.objectStore('experiments').getKey(id)) === undefined) throw notFound('experiment', id);
    await tx.objectStore('experiments').delete(id);
  });
}
