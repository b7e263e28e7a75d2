/**
 * The `shares` store (since version 8): one record per shared tree, with the credentials.
 * They stay here: nothing in this module hands a record to a view; shareStatus (in
 * lib/domain/sharing/share-record.ts) is what leaves the background. The state's metrics,
 * items and tombstones live in `shareRecords` (share-records.ts, since version 9).
 *
 * A sync writes a share, its records and the tree's records in one transaction
 * (saveShare), so a worker stopped half way leaves the previous copy, whole.
 */
import { headOf, type StoredShare } from '../domain/sharing/share-record';
import type { SharedState } from '../domain/sharing/state';
import type { SharedView } from '../domain/sharing/view';
import type { Id } from '../domain/types';
import { changeItems } from './item-chunks';
import { forgetItemLoop, forgetMetricLoop } from './loop-cascade';
import { deleteObservationsOf } from './observation-chunks';
import { forgetRanking } from './rankings';
import { type LensDb, type LensTx, SETTINGS_KEY, type Store } from './schema';
import { readSettings } from './settings';
import { deleteShareRecords, getSharedItem, readShareState, writeShareState } from './share-records';
import { each, read, write } from './transaction';
import { readTreeRecords, type TreeRecords } from './tree-records';

/** A share's state as some earlier read found it: reused while the share's revision is the same. */
export interface KnownState {
  readonly revision: number;
  readonly state: SharedState;
}

export async function listShares(db: LensDb): Promise<StoredShare[]> {
  return read(db, ['shares'], (tx) => tx.objectStore('shares').getAll());
}

export async function getShare(db: LensDb, treeId: Id): Promise<StoredShare | null> {
  return (await read(db, ['shares'], (tx) => tx.objectStore('shares').get(treeId))) ?? null;
}

/** The share with its whole state; `known` when it is still current. */
export async function getShareState(
  db: LensDb,
  treeId: Id,
  known: KnownState | null = null,
): Promise<{ share: StoredShare; state: SharedState } | null> {
  return read(db, ['shares', 'shareRecords'], async (tx) => {
    const share = await tx.objectStore('shares').get(treeId);
    if (!share) return null;
    return { share, state: await stateOf(tx.objectStore('shareRecords'), share, known) };
  });
}

/** One item's shared record, with the people (for "tagged by Ana"): the open panel asks for one item. */
export async function getSharedItemOf(db: LensDb, treeId: Id, itemId: Id) {
  return read(db, ['shares', 'shareRecords'], async (tx) => {
    const [share, item] = await Promise.all([
      tx.objectStore('shares').get(treeId),
      getSharedItem(tx.objectStore('shareRecords'), treeId, itemId),
    ]);
    return share ? { share, item } : null;
  });
}

function stateOf(store: Store<'shareRecords'>, share: StoredShare, known: KnownState | null): Promise<SharedState> {
  if (known && known.revision === share.revision && known.state.tree.id === share.treeId) {
    return Promise.resolve(known.state);
  }
  return readShareState(store, share.head);
}

/** The share as it is once `state` is written with it. */
export function withState(share: StoredShare, state: SharedState): StoredShare {
  return { ...share, head: headOf(state), revision: share.revision + 1 };
}

/** Forgets the share; the tree's records stay as the last sync left them (a local copy). */
export async function deleteShare(db: LensDb, treeId: Id): Promise<boolean> {
  return write(db, ['shares', 'shareRecords'], async (tx) => {
    const found = (await tx.objectStore('shares').getKey(treeId)) !== undefined;
    if (found) await tx.objectStore('shares').delete(treeId);
    await deleteShareRecords(tx.objectStore('shareRecords'), treeId);
    return found;
  });
}

interface ShareAndTree {
  share: StoredShare | null;
  state: SharedState | null;
  records: TreeRecords | null;
}

/**
 * The share, its state (`known` when still current) and its tree's records, read together.
 * `agreedAt`: the revision at which the records were last found to say what the state says,
 * with no local edit since (share-memory.ts); while the share is still at it, the records
 * are not read (null), since they hold no change to find.
 */
export async function readShareAndTree(
  db: LensDb,
  treeId: Id,
  known?: KnownState | null,
): Promise<ShareAndTree & { records: TreeRecords }>;
export async function readShareAndTree(
  db: LensDb,
  treeId: Id,
  known: KnownState | null,
  agreedAt: number | null,
): Promise<ShareAndTree>;
export async function readShareAndTree(
  db: LensDb,
  treeId: Id,
  known: KnownState | null = null,
  agreedAt: number | null = null,
): Promise<ShareAndTree> {
  return read(db, ['shares', 'shareRecords', 'trees', 'metrics', 'itemChunks'], async (tx) => {
    const share = await tx.objectStore('shares').get(treeId);
    const agreed = share !== undefined && share.revision === agreedAt;
    const [state, records] = await Promise.all([
      share ? stateOf(tx.objectStore('shareRecords'), share, known) : null,
      agreed
        ? null
        : readTreeRecords(tx.objectStore('trees'), tx.objectStore('metrics'), tx.objectStore('itemChunks'), treeId),
    ]);
    return { share: share ?? null, state, records };
  });
}

export const SHARED_TREE_STORES = [
  'shares',
  'shareRecords',
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
 * Makes the tree's stored records say what `view` says, writing only what differs; with
 * `only`, just those items (`before` holds those of them stored). A
 * metric the view no longer has goes with its observations (they measured it alone);
 * the tree becomes the active one when none is.
 */
export async function writeSharedView(
  tx: SharedTreeTx,
  whole: SharedView,
  before: TreeRecords,
  only: ReadonlySet<Id> | null = null,
): Promise<TreeWrite> {
  const view = only === null ? whole : { ...whole, items: whole.items.filter((item) => only.has(item.id)) };
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
  if (remove.length + put.length > 0) await changeItems(tx.objectStore('itemChunks'), { put, remove }, before.chunks);
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

/** What a sync writes: the share, its state's changes and the tree's records as the view says. */
export interface ShareWrite {
  share: StoredShare | null;
  /** The state to store, and the state stored before (null: not known, everything is written). */
  state?: { before: SharedState | null; after: SharedState };
  view: SharedView | null;
  before?: TreeRecords;
  /** The only items the view may change (`before` holds those of them stored); null: any. */
  only?: ReadonlySet<Id> | null;
}

/**
 * One transaction over the share and its tree: `work` reads what it needs and returns the
 * share to store, its state and, with the records it read, the view to write (null:
 * records stay). With a state, the share is stored at the next revision.
 */
export async function saveShare(
  db: LensDb,
  work: (tx: SharedTreeTx) => Promise<ShareWrite>,
): Promise<TreeWrite & { share: StoredShare | null }> {
  return write(db, [...SHARED_TREE_STORES], async (tx) => {
    const { share: given, state, view, before, only = null } = await work(tx);
    const none = { trees: false, metrics: false, items: false };
    if (!given) return { ...none, share: null };
    const share = state ? withState(given, state.after) : given;
    await tx.objectStore('shares').put(share);
    if (state) await writeShareState(tx.objectStore('shareRecords'), state.before, state.after);
    const changed = view && before ? await writeSharedView(tx, view, before, only) : none;
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
