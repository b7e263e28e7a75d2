/**
 * Importing tickets from a tracker's export into one tree, in one transaction: tickets the
 * tree already tracks (matched by link) are updated, the others added (see
 * lib/domain/import/item-plan.ts for what an update may change). The tree's stored
 * ranking is derived from its items: deleted, and rebuilt by the next reader. Items the
 * import ships get their ship date in the same transaction (ship-dates.ts).
 */
import { planItemImport, type ImportedItemRow, type ItemImportSummary } from '../domain/import/item-plan';
import { ItemSchema } from '../domain/schemas';
import { metricById } from '../domain/tree';
import type { Id, Item, Metric } from '../domain/types';
import { wrongInputMetric } from '../domain/workspace-file';
import { invalid } from './errors';
import { rememberMapping, type RememberedMapping } from './import-mappings';
import { recordShipDates } from './ship-dates';
import { changeItems, chunkOf, itemsWhere, toChunk } from './item-chunks';
import { checkRecord, newId, now } from './records';
import type { LensDb, Store } from './schema';
import { each, read, write } from './transaction';

export interface ItemsImport {
  treeId: Id;
  rows: readonly ImportedItemRow[];
  overwrite: boolean;
}

interface ImportStores {
  trees: Store<'trees'>;
  metrics: Store<'metrics'>;
  itemChunks: Store<'itemChunks'>;
}

async function planned(stores: ImportStores, input: ItemsImport) {
  const [treeKey, metrics, existing] = await Promise.all([
    stores.trees.getKey(input.treeId),
    stores.metrics.getAll(),
    itemsWhere(stores.itemChunks, 'byTree', input.treeId, (item) => item.treeId === input.treeId),
  ]);
  if (treeKey === undefined) throw invalid('treeId', 'there is no tree with this id');
  checkMetrics(input, metricById(metrics));
  const plan = planItemImport(existing, input.rows, {
    treeId: input.treeId,
    now: now(),
    newId,
    overwrite: input.overwrite,
  });
  return { ...plan, existing };
}

export async function previewItemImport(db: LensDb, input: ItemsImport): Promise<ItemImportSummary> {
  return read(db, ['trees', 'metrics', 'itemChunks'], async (tx) => {
    const stores = { trees: tx.objectStore('trees'), metrics: tx.objectStore('metrics') };
    return (await planned({ ...stores, itemChunks: tx.objectStore('itemChunks') }, input)).summary;
  });
}

export async function importItems(
  db: LensDb,
  input: ItemsImport,
  remembered?: RememberedMapping,
): Promise<ItemImportSummary> {
  return write(db, ['trees', 'metrics', 'itemChunks', 'rankings', 'settings', 'shipments'], async (tx) => {
    const stores = { trees: tx.objectStore('trees'), metrics: tx.objectStore('metrics') };
    const plan = await planned({ ...stores, itemChunks: tx.objectStore('itemChunks') }, input);
    const put: Item[] = plan.put.map((item, i) => {
      try {
        return checkRecord(ItemSchema, item);
      } catch (failure) {
        throw failure instanceof Error ? invalid(`rows[${i}]`, failure.message) : failure;
      }
    });
    const before = new Map(plan.existing.map((item) => [item.id, item]));
    const changes = put.map((after) => ({ before: before.get(after.id) ?? null, after }));
    await Promise.all([
      writeItems(tx.objectStore('itemChunks'), put),
      recordShipDates(tx.objectStore('shipments'), changes, now()),
      put.length > 0 ? tx.objectStore('rankings').delete(input.treeId) : undefined,
      remembered ? rememberMapping(tx.objectStore('settings'), remembered) : undefined,
    ]);
    return plan.summary;
  });
}

/** Above this many items, one read of every chunk costs less than a read of each chunk written. */
const READ_ALL_CHUNKS_ABOVE = 200;

/**
 * Each chunk the items fall in, rewritten with them. A large import reads every chunk in one
 * request instead of one request per chunk: at 10,000 items that is about 1,000 reads fewer.
 */
async function writeItems(store: Store<'itemChunks', 'readwrite'>, put: readonly Item[]): Promise<void> {
  if (put.length === 0) return;
  if (put.length <= READ_ALL_CHUNKS_ABOVE) return changeItems(store, { put });
  const stored = new Map((await store.getAll()).map((chunk) => [chunk.chunk, chunk.items]));
  const groups = new Map<number, Item[]>();
  for (const item of put) {
    const chunk = chunkOf(item.id);
    groups.set(chunk, [...(groups.get(chunk) ?? []), item]);
  }
  await each(groups, ([chunk, items]) => {
    const ids = new Set(items.map((item) => item.id));
    const kept = (stored.get(chunk) ?? []).filter((item) => !ids.has(item.id));
    return store.put(toChunk(chunk, [...kept, ...items]));
  });
}

function checkMetrics(input: ItemsImport, metrics: ReadonlyMap<Id, Metric>): void {
  input.rows.forEach((row, i) => {
    if (row.inputMetricId === null) return;
    const metric = metrics.get(row.inputMetricId);
    const wrong = metric ? wrongInputMetric(metric, input.treeId) : 'there is no metric with this id';
    if (wrong) throw invalid(`rows[${i}].inputMetricId`, wrong);
  });
}
