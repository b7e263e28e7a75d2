/**
 * Importing tickets from a tracker's export into one tree, in one transaction: tickets the
 * tree already tracks (matched by link) are updated, the others added (see
 * lib/domain/import/item-plan.ts for what an update may change). The tree's stored
 * ranking is derived from its items: deleted, and rebuilt by the next reader.
 */
import { planItemImport, type ImportedItemRow, type ItemImportSummary } from '../domain/import/item-plan';
import { ItemSchema } from '../domain/schemas';
import { metricById } from '../domain/tree';
import type { Id, Item, Metric } from '../domain/types';
import { wrongInputMetric } from '../domain/workspace-file';
import { invalid } from './errors';
import { rememberMapping, type RememberedMapping } from './import-mappings';
import { changeItems, itemsWhere } from './item-chunks';
import { checkRecord, newId, now } from './records';
import type { LensDb, Store } from './schema';
import { read, write } from './transaction';

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
  return planItemImport(existing, input.rows, { treeId: input.treeId, now: now(), newId, overwrite: input.overwrite });
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
  return write(db, ['trees', 'metrics', 'itemChunks', 'rankings', 'settings'], async (tx) => {
    const stores = { trees: tx.objectStore('trees'), metrics: tx.objectStore('metrics') };
    const plan = await planned({ ...stores, itemChunks: tx.objectStore('itemChunks') }, input);
    const put: Item[] = plan.put.map((item, i) => {
      try {
        return checkRecord(ItemSchema, item);
      } catch (failure) {
        throw failure instanceof Error ? invalid(`rows[${i}]`, failure.message) : failure;
      }
    });
    await Promise.all([
      put.length > 0 ? changeItems(tx.objectStore('itemChunks'), { put }) : undefined,
      put.length > 0 ? tx.objectStore('rankings').delete(input.treeId) : undefined,
      remembered ? rememberMapping(tx.objectStore('settings'), remembered) : undefined,
    ]);
    return plan.summary;
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
