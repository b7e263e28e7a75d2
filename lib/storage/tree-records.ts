/**
 * A shared tree's records as a sync reads them (the tree, its metrics, its items): before
 * talking to the server, to find what the person changed, and again in the write, for the
 * records the merge may change. Items live in chunks (item-chunks.ts); a read for a write
 * keeps the chunks whole, so the write rewrites them without reading them again.
 */
import type { Id, Item, Metric, Tree } from '../domain/types';
import { byId, chunkOf } from './item-chunks';
import type { Store, StoredItemChunk } from './schema';
import type { SharedTreeTx } from './shares';
import { each } from './transaction';

/** The tree as stored here: what the person may have changed since the last sync. */
export interface TreeRecords {
  tree: Tree | null;
  metrics: Metric[];
  items: Item[];
  /** The item chunks these items were read from, whole, when read for a write (readTreeRecordsOf). */
  chunks?: ReadonlyMap<number, readonly Item[]>;
}

export async function readTreeRecords(
  trees: Store<'trees'>,
  metrics: Store<'metrics'>,
  itemChunks: Store<'itemChunks'>,
  treeId: Id,
): Promise<TreeRecords> {
  const [tree, metricList, chunks] = await Promise.all([
    trees.get(treeId),
    metrics.index('byTree').getAll(treeId),
    treeChunks(itemChunks, treeId),
  ]);
  const items = chunks.flatMap((chunk) => chunk?.items.filter((item) => item.treeId === treeId) ?? []);
  return { tree: tree ?? null, metrics: metricList, items: items.sort(byId) };
}

/**
 * The tree's records with only the items `only` names (all when null), and the chunks
 * they came from whole (`chunks`), so the write that follows in the same transaction
 * rewrites them without reading them again. A sync that changed a few items reads their
 * chunks, not 10,000 items.
 */
export async function readTreeRecordsOf(
  tx: SharedTreeTx,
  treeId: Id,
  only: ReadonlySet<Id> | null,
): Promise<TreeRecords> {
  const store = tx.objectStore('itemChunks');
  const [tree, metricList, stored] = await Promise.all([
    tx.objectStore('trees').get(treeId),
    tx.objectStore('metrics').index('byTree').getAll(treeId),
    only === null ? treeChunks(store, treeId) : each(new Set([...only].map((id) => chunkOf(id))), (n) => store.get(n)),
  ]);
  const chunks = new Map<number, readonly Item[]>();
  const items: Item[] = [];
  for (const chunk of stored) {
    if (!chunk) continue;
    chunks.set(chunk.chunk, chunk.items);
    for (const item of chunk.items) if (item.treeId === treeId && (!only || only.has(item.id))) items.push(item);
  }
  return { tree: tree ?? null, metrics: metricList, items: items.sort(byId), chunks };
}

/**
 * Every chunk holding an item of the tree. The index's keys, then one read per chunk:
 * Chromium answers those sooner than one getAll of the same chunks (at 10,000 items
 * 153-464 ms against 364-626 ms in the worker; docs/benchmarks.md, round 12).
 */
async function treeChunks(store: Store<'itemChunks'>, treeId: Id): Promise<(StoredItemChunk | undefined)[]> {
  const keys = await store.index('byTree').getAllKeys(treeId);
  return each(keys, (key) => store.get(key));
}
