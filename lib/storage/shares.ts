/**
 * The `shares` store (since version 8): one record per shared tree, with the credentials.
 * They stay here: nothing in this module hands a record to a view; shareStatus (in
 * lib/domain/sharing/share-record.ts) is what leaves the background.
 *
 * A sync writes a share and the tree's records in one transaction (writeSharedTree), so
 * a worker stopped half way leaves the previous copy, whole.
 */
import type { StoredShare } from '../domain/sharing/share-record';
import type { SharedView } from '../domain/sharing/view';
import type { Id, Item, Metric, Tree } from '../domain/types';
import { changeItems, itemsWhere } from './item-chunks';
import { forgetItemLoop, forgetMetricLoop } from './loop-cascade';
import { deleteObservationsOf } from './observation-chunks';
import { forgetRanking } from './rankings';
import { type LensDb, type LensTx, SETTINGS_KEY, type Store } from './schema';
import { readSettings } from './settings';
import { each, read, write } from './transaction';

export async function listShares(db: LensDb): Promise<StoredShare[]> {
  return read(db, ['shares'], (tx) => tx.objectStore('shares').getAll());
}

export async function getShare(db: LensDb, treeId: Id): Promise<StoredShare | null> {
  return (await read(db, ['shares'], (tx) => tx.objectStore('shares').get(treeId))) ?? null;
}

/** Forgets the share; the tree's records stay as the last sync left them (a local copy). */
export async function deleteShare(db: LensDb, treeId: Id): Promise<boolean> {
  return write(db, ['shares'], async (tx) => {
    const found = (await tx.objectStore('shares').getKey(treeId)) !== undefined;
    if (found) await tx.objectStore('shares').delete(treeId);
    return found;
  });
}

/** The tree as stored here: what the person may have changed since the last sync. */
export interface TreeRecords {
  tree: Tree | null;
  metrics: Metric[];
  items: Item[];
}

export async function readTreeRecords(
  trees: Store<'trees'>,
  metrics: Store<'metrics'>,
  itemChunks: Store<'itemChunks'>,
  treeId: Id,
): Promise<TreeRecords> {
  const [tree, metricList, items] = await Promise.all([
    trees.get(treeId),
    metrics.index('byTree').getAll(treeId),
    itemsWhere(itemChunks, 'byTree', treeId, (item) => item.treeId === treeId),
  ]);
  return { tree: tree ?? null, metrics: metricList, items };
}

/** The share and its tree's records, read together. */
export async function readShareAndTree(
  db: LensDb,
  treeId: Id,
): Promise<{ share: StoredShare | null; records: TreeRecords }> {
  return read(db, ['shares', 'trees', 'metrics', 'itemChunks'], async (tx) => {
    const [share, records] = await Promise.all([
      tx.objectStore('shares').get(treeId),
      readTreeRecords(tx.objectStore('trees'), tx.objectStore('metrics'), tx.objectStore('itemChunks'), treeId),
    ]);
    return { share: share ?? null, records };
  });
}

export const SHARED_TREE_STORES = [
  'shares',
  'trees',
  'metrics',
  'itemChunks',
  'observationChunks',
  'rankings',
  'settings',
  // What a metric or item the shared file no longer has takes with it (loop-cascade.ts).
  'keyResults',
  'thresholds',
  'experiments',
  'shipments',
] as const;

export type SharedTreeTx = LensTx<[...typeof SHARED_TREE_STORES], 'readwrite'>;

/** Which of the tree's record kinds a write changed, for the change notice. */
export interface TreeWrite {
  trees: boolean;
  metrics: boolean;
  items: boolean;
}

/**
 * Makes the tree's stored records say what `view` says, writing only what differs. A
 * metric the view no longer has goes with its observations (they measured it alone);
 * the tree becomes the active one when none is.
 */
export async function writeSharedView(tx: SharedTreeTx, view: SharedView, before: TreeRecords): Promise<TreeWrite> {
  const changed: TreeWrite = { trees: false, metrics: false, items: false };
  if (!sameRecord(before.tree ?? undefined, view.tree)) {
    await tx.objectStore('trees').put(view.tree);
    changed.trees = true;
  }
  const metrics = tx.objectStore('metrics');
  const wantedMetrics = new Map(view.metrics.map((metric) => [metric.id, metric]));
  const goneMetrics = before.metrics.filter((metric) => !wantedMetrics.has(metric.id));
  const oldMetrics = new Map(before.metrics.map((metric) => [metric.id, metric]));
  const putMetrics = view.metrics.filter((metric) => !sameRecord(oldMetrics.get(metric.id), metric));
  const gone = goneMetrics.map((metric) => metric.id);
  await deleteObservationsOf(tx.objectStore('observationChunks'), gone);
  const loop = {
    keyResults: tx.objectStore('keyResults'),
    thresholds: tx.objectStore('thresholds'),
    experiments: tx.objectStore('experiments'),
    shipments: tx.objectStore('shipments'),
  };
  await each(gone, (metricId) => forgetMetricLoop(loop, metricId));
  await each(goneMetrics, (metric) => metrics.delete(metric.id));
  await each(putMetrics, (metric) => metrics.put(metric));
  changed.metrics = goneMetrics.length + putMetrics.length > 0;

  const wantedItems = new Set(view.items.map((item) => item.id));
  const oldItems = new Map(before.items.map((item) => [item.id, item]));
  const remove = before.items.filter((item) => !wantedItems.has(item.id)).map((item) => item.id);
  const put = view.items.filter((item) => !sameRecord(oldItems.get(item.id), item));
  if (remove.length + put.length > 0) await changeItems(tx.objectStore('itemChunks'), { put, remove });
  const at = Date.now();
  await each(
    before.items.filter((item) => !wantedItems.has(item.id)),
    (item) => forgetItemLoop(loop, item, at),
  );
  changed.items = remove.length + put.length > 0;

  if (changed.metrics || changed.items) await forgetRanking(tx.objectStore('rankings'), view.tree.id);
  const settings = await readSettings(tx.objectStore('settings'));
  if (settings.activeTreeId === null) {
    await tx.objectStore('settings').put({ ...settings, activeTreeId: view.tree.id }, SETTINGS_KEY);
  }
  return changed;
}

/**
 * One transaction over the share and its tree: `work` reads what it needs and returns the
 * share to store and, with the records it read, the view to write (null: records stay).
 */
export async function saveShare(
  db: LensDb,
  work: (tx: SharedTreeTx) => Promise<{ share: StoredShare | null; view: SharedView | null; before?: TreeRecords }>,
): Promise<TreeWrite & { share: StoredShare | null }> {
  return write(db, [...SHARED_TREE_STORES], async (tx) => {
    const { share, view, before } = await work(tx);
    const none = { trees: false, metrics: false, items: false };
    if (!share) return { ...none, share: null };
    await tx.objectStore('shares').put(share);
    const changed = view && before ? await writeSharedView(tx, view, before) : none;
    return { ...changed, share };
  });
}

/** Equal as stored: the same fields with the same values, key order aside. */
function sameRecord(a: object | undefined, b: object): boolean {
  if (!a) return false;
  return JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));
}

function sortedEntries(record: object): [string, unknown][] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}
