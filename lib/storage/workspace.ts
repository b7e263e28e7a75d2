import type { Workspace } from '../domain/types';
import { toWorkspaceFile, type WorkspaceFile } from '../domain/workspace-file';
import { allItems } from './item-chunks';
import { allObservations } from './observation-chunks';
import { DB_STORES, type LensDb, type LensTx } from './schema';
import { readSettings } from './settings';
import { each, read, write } from './transaction';

/** Everything, read in one transaction so the file is a consistent snapshot. */
export async function exportWorkspace(db: LensDb): Promise<WorkspaceFile> {
  const workspace = await read(db, [...DB_STORES], readWorkspace);
  return toWorkspaceFile(workspace, new Date());
}

/** Deletes every tree, metric, observation, item, review, NSM change, loop record and the settings. */
export async function clearWorkspace(db: LensDb): Promise<void> {
  await write(db, [...DB_STORES], (tx) => each(DB_STORES, (name) => tx.objectStore(name).clear()));
}

export type DbStoresTx = LensTx<[...typeof DB_STORES], IDBTransactionMode>;

/** Records in id order, exactly as the domain types them (no storage-only fields). */
export async function readWorkspace(tx: DbStoresTx): Promise<Workspace> {
  const [trees, metrics, observations, items, reviews, history, settings, ...loop] = await Promise.all([
    tx.objectStore('trees').getAll(),
    tx.objectStore('metrics').getAll(),
    allObservations(tx.objectStore('observationChunks')),
    allItems(tx.objectStore('itemChunks')),
    tx.objectStore('reviews').getAll(),
    tx.objectStore('history').getAll(),
    readSettings(tx.objectStore('settings')),
    tx.objectStore('worksheets').getAll(),
    tx.objectStore('keyResults').getAll(),
    tx.objectStore('thresholds').getAll(),
    tx.objectStore('shipments').getAll(),
    tx.objectStore('experiments').getAll(),
    tx.objectStore('reviewNotes').getAll(),
  ]);
  const [worksheets, keyResults, thresholds, shipments, experiments, reviewNotes] = loop;
  return {
    trees,
    metrics,
    observations,
    items,
    reviews,
    history,
    worksheets,
    keyResults,
    thresholds,
    shipments,
    experiments,
    reviewNotes,
    settings,
  };
}
