import { ItemSchema } from '../domain/schemas';
import type { EntityLink, Id, Item } from '../domain/types';
import { wrongInputMetric } from '../domain/workspace-file';
import type { ItemPatch, LinkRef } from '../messaging/protocol';
import { invalid, notFound } from './errors';
import { fromStoredItem, linkKey, toStoredItem, type LensDb, type Store } from './schema';
import { adjustRanking } from './rankings';
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
  const stored = await read(db, ['items'], (tx) => tx.objectStore('items').index('byTree').getAll(treeId));
  return stored.map(fromStoredItem).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function getItem(db: LensDb, id: Id): Promise<Item | null> {
  const stored = await read(db, ['items'], (tx) => tx.objectStore('items').get(id));
  return stored ? fromStoredItem(stored) : null;
}

/** A new item is an unestimated idea: status 'idea', every RICE field null, no notes. */
export async function createItem(db: LensDb, input: NewItem): Promise<Item> {
  return write(db, ['trees', 'metrics', 'items', 'rankings'], async (tx) => {
    if ((await tx.objectStore('trees').getKey(input.treeId)) === undefined) {
      throw invalid('treeId', 'there is no tree with this id');
    }
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
    await checkInputMetric(tx.objectStore('metrics'), item);
    await tx.objectStore('items').add(toStoredItem(item));
    await adjustRanking(tx.objectStore('rankings'), tx.objectStore('metrics'), null, item);
    return item;
  });
}

/**
 * Field-level merge against the record as stored when the transaction runs: only the
 * fields in the patch change, and within `rice` only the given estimates. Two views
 * editing different fields at the same moment therefore never undo each other.
 */
export async function updateItem(db: LensDb, id: Id, patch: ItemPatch): Promise<Item> {
  return write(db, ['metrics', 'items', 'rankings'], async (tx) => {
    const store = tx.objectStore('items');
    const stored = await store.get(id);
    if (!stored) throw notFound('item', id);
    const current = fromStoredItem(stored);
    const { rice, ...fields } = definedFields(patch);
    const item = checkRecord(ItemSchema, {
      ...current,
      ...fields,
      rice: { ...current.rice, ...(rice ? definedFields(rice) : {}) },
      id,
      treeId: current.treeId,
      createdAt: current.createdAt,
      updatedAt: now(),
    });
    if (item.inputMetricId !== current.inputMetricId) await checkInputMetric(tx.objectStore('metrics'), item);
    await store.put(toStoredItem(item));
    await adjustRanking(tx.objectStore('rankings'), tx.objectStore('metrics'), current, item);
    return item;
  });
}

export async function deleteItem(db: LensDb, id: Id): Promise<void> {
  await write(db, ['metrics', 'items', 'rankings'], async (tx) => {
    const store = tx.objectStore('items');
    const stored = await store.get(id);
    if (!stored) throw notFound('item', id);
    await store.delete(id);
    await adjustRanking(tx.objectStore('rankings'), tx.objectStore('metrics'), fromStoredItem(stored), null);
  });
}

/**
 * The items linked to these page entities, keyed `site:key`. Should several items carry
 * the same link, the one in `treeId` (when given) and then the most recently updated wins.
 */
export async function findItemsByLinks(db: LensDb, refs: readonly LinkRef[], treeId?: Id): Promise<Map<string, Item>> {
  const keys = [...new Set(refs.map(linkKey))];
  const found = await read(db, ['items'], (tx) => {
    const byLink = tx.objectStore('items').index('byLink');
    return each(keys, async (key) => [key, await byLink.getAll(key)] as const);
  });
  const out = new Map<string, Item>();
  for (const [key, candidates] of found) {
    const best = candidates.sort((a, b) => preference(b, treeId) - preference(a, treeId) || b.updatedAt - a.updatedAt)[0];
    if (best) out.set(key, fromStoredItem(best));
  }
  return out;
}

function preference(item: Item, treeId: Id | undefined): number {
  return item.treeId === treeId ? 1 : 0;
}

async function checkInputMetric(metrics: Store<'metrics'>, item: Item): Promise<void> {
  if (item.inputMetricId === null) return;
  const metric = await metrics.get(item.inputMetricId);
  if (!metric) throw invalid('inputMetricId', 'there is no metric with this id');
  const wrong = wrongInputMetric(metric, item.treeId);
  if (wrong) throw invalid('inputMetricId', wrong);
}
