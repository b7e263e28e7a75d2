import { TreeSchema } from '../domain/schemas';
import type { Game, Id, Tree } from '../domain/types';
import { notFound } from './errors';
import { changeItems, itemsWhere } from './item-chunks';
import { forgetTreeLoop } from './loop-cascade';
import { deleteObservationsOf } from './observation-chunks';
import { DB_STORES, SETTINGS_KEY, type LensDb } from './schema';
import { readSettings } from './settings';
import { deleteShareRecords } from './share-records';
import { each, read, write } from './transaction';
import { checkRecord, definedFields, newId, now } from './records';

/** Oldest first. */
export async function listTrees(db: LensDb): Promise<Tree[]> {
  const trees = await read(db, ['trees'], (tx) => tx.objectStore('trees').getAll());
  return trees.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** When no tree is active yet (the first tree), the new tree becomes the active one. */
export async function createTree(db: LensDb, input: { name: string; game?: Game | null }): Promise<Tree> {
  return write(db, ['trees', 'settings'], async (tx) => {
    const at = now();
    const tree = checkRecord(TreeSchema, {
      id: newId(),
      name: input.name,
      game: input.game ?? null,
      createdAt: at,
      updatedAt: at,
    });
    await tx.objectStore('trees').add(tree);
    const settings = await readSettings(tx.objectStore('settings'));
    if (settings.activeTreeId === null) {
      await tx.objectStore('settings').put({ ...settings, activeTreeId: tree.id }, SETTINGS_KEY);
    }
    return tree;
  });
}

export async function updateTree(db: LensDb, id: Id, patch: { name?: string; game?: Game | null }): Promise<Tree> {
  return write(db, ['trees'], async (tx) => {
    const current = await tx.objectStore('trees').get(id);
    if (!current) throw notFound('tree', id);
    const { name, game } = patch;
    const tree = checkRecord(TreeSchema, { ...current, ...definedFields({ name, game }), updatedAt: now() });
    await tx.objectStore('trees').put(tree);
    return tree;
  });
}

/**
 * Deletes the tree with everything in it: metrics and their observations, items,
 * reviews, NSM history, the team loop's records. If it was the active tree, the most recently updated remaining
 * tree becomes active (or none).
 */
export async function deleteTree(db: LensDb, id: Id): Promise<void> {
  await write(db, [...DB_STORES], async (tx) => {
    const trees = tx.objectStore('trees');
    if ((await trees.getKey(id)) === undefined) throw notFound('tree', id);

    const metricIds = await tx.objectStore('metrics').index('byTree').getAllKeys(id);
    await deleteObservationsOf(tx.objectStore('observationChunks'), metricIds);
    await each(metricIds, (m) => tx.objectStore('metrics').delete(m));
    const items = await itemsWhere(tx.objectStore('itemChunks'), 'byTree', id, (item) => item.treeId === id);
    await changeItems(tx.objectStore('itemChunks'), { remove: items.map((item) => item.id) });
    for (const store of ['reviews', 'history'] as const) {
      const ids = await tx.objectStore(store).index('byTree').getAllKeys(id);
      await each(ids, (key) => tx.objectStore(store).delete(key));
    }
    await forgetTreeLoop(
      {
        worksheets: tx.objectStore('worksheets'),
        keyResults: tx.objectStore('keyResults'),
        thresholds: tx.objectStore('thresholds'),
        shipments: tx.objectStore('shipments'),
        experiments: tx.objectStore('experiments'),
        reviewNotes: tx.objectStore('reviewNotes'),
      },
      id,
      metricIds,
    );
    await trees.delete(id);
    await tx.objectStore('rankings').delete(id);
    // A deleted tree is no longer shared from here; its credentials go with it.
    await tx.objectStore('shares').delete(id);
    await deleteShareRecords(tx.objectStore('shareRecords'), id);

    const settings = await readSettings(tx.objectStore('settings'));
    if (settings.activeTreeId === id) {
      const next = (await trees.getAll()).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      await tx.objectStore('settings').put({ ...settings, activeTreeId: next?.id ?? null }, SETTINGS_KEY);
    }
  });
}
