import { ItemSchema } from '../domain/schemas';
import { metricById } from '../domain/tree';
import type { EntityLink, Id, Item, Metric } from '../domain/types';
import { wrongInputMetric } from '../domain/workspace-file';
import type { LinkRef } from '../domain/link-key';
import type { ItemPatch } from '../domain/patches';
import { invalid, notFound } from './errors';
import { allItems, changeItems, chunkHolding, getStoredItem, itemsWhere, readChunkOf, withItem } from './item-chunks';
import { linkKey } from '../domain/link-key';
import type { LensDb, Store } from './schema';
import { forgetItemLoop } from './loop-cascade';
import { adjustRanking } from './rankings';
import { recordShipDates } from './ship-dates';
import { each, read, write } from './transaction';
import { checkRecord, definedFields, newId, now } from './records';

export interface NewItem {
  treeId: Id;
  title: string;
  links: EntityLink[];
  inputMetricId?: Id | null;
}

/** Oldest first. */
export async function listItems(db: LensDb, treeId: Id): Promise<Item[]> {
  const items = await read(db, ['itemChunks'], (tx) =>
    itemsWhere(tx.objectStore('itemChunks'), 'byTree', treeId, (item) => item.treeId === treeId),
  );
  return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Every stored item, of every tree, in id order: what a copy of the item store must hold. */
export async function listAllItems(db: LensDb): Promise<Item[]> {
  return read(db, ['itemChunks'], (tx) => allItems(tx.objectStore('itemChunks')));
}

export async function getItem(db: LensDb, id: Id): Promise<Item | null> {
  return (await read(db, ['itemChunks'], (tx) => getStoredItem(tx.objectStore('itemChunks'), id))) ?? null;
}

/**
 * What a caller knows to be committed, so that a write need not read it back: every
 * metric, and every item stored beside a given one (its chunk). Without it, item writes
 * read what they need inside their own transaction.
 */
export interface Committed {
  metrics: ReadonlyMap<Id, Metric>;
  /** Every stored item in the chunk that holds (or would hold) `id`, of whatever tree. */
  itemsBeside(id: Id): readonly Item[];
}

/**
 * Asked as the write's transaction starts, in the same task: what is committed then is what
 * the transaction would read, whatever ran before it. Null: read it in the transaction.
 */
export type CommittedNow = () => Committed | null;

/** A new item is an unestimated idea: status 'idea', every RICE field null, no notes. */
export async function createItem(db: LensDb, input: NewItem, committedNow?: CommittedNow): Promise<Item> {
  return write(db, ['trees', 'metrics', 'itemChunks', 'rankings'], async (tx) => {
    const committed = committedNow?.();
    const [treeKey, metrics] = await Promise.all([
      tx.objectStore('trees').getKey(input.treeId),
      committed?.metrics ?? allMetrics(tx.objectStore('metrics')),
    ]);
    if (treeKey === undefined) throw invalid('treeId', 'there is no tree with this id');
    const at = now();
    const item = checkRecord(ItemSchema, {
      id: newId(),
      treeId: input.treeId,
      title: input.title,
      links: input.links,
      inputMetricId: input.inputMetricId ?? null,
      rice: { reach: null, impact: null, confidence: null, effort: null },
      status: 'idea',
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    checkInputMetric(metrics, item);
    await Promise.all([
      changeItems(tx.objectStore('itemChunks'), { put: [item] }),
      adjustRanking(tx.objectStore('rankings'), metrics, null, item),
    ]);
    return item;
  });
}

/**
 * Field-level merge against the record as stored when the transaction runs: only the
 * fields in the patch change, and within `rice` only the given estimates. Two views
 * editing different fields at the same moment therefore never undo each other.
 * A status that becomes `shipped` records the ship date in the same transaction (ship-dates.ts).
 */
export async function updateItem(db: LensDb, id: Id, patch: ItemPatch, committedNow?: CommittedNow): Promise<Item> {
  return write(db, ['metrics', 'itemChunks', 'rankings', 'shipments'], async (tx) => {
    const committed = committedNow?.();
    const store = tx.objectStore('itemChunks');
    // A tag seen in another tab waits for this write: what is known committed is not read
    // again, and what is read is asked for at once (the item's chunk and the metrics).
    const [read, metrics] = committed
      ? [chunkHolding(id, committed.itemsBeside(id)), committed.metrics]
      : await Promise.all([readChunkOf(store, id), allMetrics(tx.objectStore('metrics'))]);
    const current = read.item;
    if (!current) throw notFound('item', id);
    const { rice, ...fields } = definedFields(patch);
    const at = now();
    const item = checkRecord(ItemSchema, {
      ...current,
      ...fields,
      rice: { ...current.rice, ...(rice ? definedFields(rice) : {}) },
      id,
      treeId: current.treeId,
      createdAt: current.createdAt,
      updatedAt: at,
    });
    if (item.inputMetricId !== current.inputMetricId) checkInputMetric(metrics, item);
    // Once the ranking is adjusted (at once when the score stays), every request is issued:
    // committing then, not after the put has answered, saves a round trip to the database.
    await Promise.all([
      store.put(withItem(read, item)),
      Promise.all([
        adjustRanking(tx.objectStore('rankings'), metrics, current, item),
        recordShipDates(tx.objectStore('shipments'), [{ before: current, after: item }], at),
      ]).then(() => tx.commit()),
    ]);
    return item;
  });
}

export async function deleteItem(db: LensDb, id: Id): Promise<void> {
  await write(db, ['metrics', 'itemChunks', 'rankings', 'shipments', 'experiments'], async (tx) => {
    const store = tx.objectStore('itemChunks');
    const [stored, metrics] = await Promise.all([getStoredItem(store, id), allMetrics(tx.objectStore('metrics'))]);
    if (!stored) throw notFound('item', id);
    await Promise.all([
      changeItems(store, { remove: [id] }),
      adjustRanking(tx.objectStore('rankings'), metrics, stored, null),
      forgetItemLoop(
        { shipments: tx.objectStore('shipments'), experiments: tx.objectStore('experiments') },
        stored,
        now(),
      ),
    ]);
  });
}

/**
 * The items linked to these page entities, keyed `site:key`. Should several items carry
 * the same link, the one in `treeId` (when given) and then the most recently updated wins.
 */
export async function findItemsByLinks(db: LensDb, refs: readonly LinkRef[], treeId?: Id): Promise<Map<string, Item>> {
  const keys = [...new Set(refs.map(linkKey))];
  const found = await read(db, ['itemChunks'], (tx) => {
    const store = tx.objectStore('itemChunks');
    const carrying = (key: string) => (item: Item) => item.links.some((link) => linkKey(link) === key);
    return each(keys, async (key) => [key, await itemsWhere(store, 'byLink', key, carrying(key))] as const);
  });
  const out = new Map<string, Item>();
  for (const [key, candidates] of found) {
    const best = candidates.sort(
      (a, b) => preference(b, treeId) - preference(a, treeId) || b.updatedAt - a.updatedAt,
    )[0];
    if (best) out.set(key, best);
  }
  return out;
}

function preference(item: Item, treeId: Id | undefined): number {
  return item.treeId === treeId ? 1 : 0;
}

/** Every metric of every tree, in one request: a tag naming another tree's metric is refused with that reason. */
async function allMetrics(store: Store<'metrics'>): Promise<Map<Id, Metric>> {
  return metricById(await store.getAll());
}

function checkInputMetric(metrics: ReadonlyMap<Id, Metric>, item: Item): void {
  if (item.inputMetricId === null) return;
  const metric = metrics.get(item.inputMetricId);
  if (!metric) throw invalid('inputMetricId', 'there is no metric with this id');
  const wrong = wrongInputMetric(metric, item.treeId);
  if (wrong) throw invalid('inputMetricId', wrong);
}
