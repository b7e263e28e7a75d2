/**
 * Items are stored in chunks: each record of `itemChunks` holds every item whose id
 * hashes to it. Chromium's IndexedDB spends about 0.1 ms on each record it writes,
 * whatever the record's size, so importing 10,000 items one record each took over a
 * second; in chunks it is at most ITEM_CHUNK_COUNT records. The price is paid by single
 * writes: changing one item rewrites its chunk and every index entry of it (about 10
 * items at 10,000, 100 at the import limit of 100,000), and the indexes find chunks,
 * which are then filtered.
 */
import type { Id, Item } from '../domain/types';
import { linkKey } from '../domain/link-key';
import type { Store, StoredItemChunk } from './schema';
import { each } from './transaction';

/**
 * 1,024 since storage version 5 (256 before): a tag written at 10,000 items rewrites
 * about 10 items instead of 40 (docs/benchmarks.md, round 7).
 */
export const ITEM_CHUNK_COUNT = 1024;

type ChunkIndex = 'byTree' | 'byLink';

/**
 * FNV-1a over the id's UTF-16 code units. Stored chunks are found by this hash, so an id
 * moves chunk only in a migration that rewrites every chunk (`count` is for that).
 */
export function chunkOf(id: Id, count = ITEM_CHUNK_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** The chunk record holding `items`, with the derived keys its indexes are built from. */
export function toChunk(chunk: number, items: Item[]): StoredItemChunk {
  const treeIds = new Set<Id>();
  const linkKeys = new Set<string>();
  for (const item of items) {
    treeIds.add(item.treeId);
    for (const link of item.links) linkKeys.add(linkKey(link));
  }
  return { chunk, items: [...items].sort(byId), treeIds: [...treeIds], linkKeys: [...linkKeys] };
}

/** Every chunk that `items` fill, for writing a whole set of items at once. */
export function chunked(items: Iterable<Item>, count = ITEM_CHUNK_COUNT): StoredItemChunk[] {
  const groups = new Map<number, Item[]>();
  for (const item of items) {
    const chunk = chunkOf(item.id, count);
    const group = groups.get(chunk);
    if (group) group.push(item);
    else groups.set(chunk, [item]);
  }
  return [...groups].map(([chunk, group]) => toChunk(chunk, group));
}

/** In IndexedDB's key order (UTF-16 code units), the order a store of items by id had. */
export function byId(a: Item, b: Item): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function getStoredItem(store: Store<'itemChunks'>, id: Id): Promise<Item | undefined> {
  return (await readChunkOf(store, id)).item;
}

/** A chunk's items as a write that replaces the chunk needs them: read once, then rewritten. */
export interface ChunkContents {
  chunk: number;
  items: readonly Item[];
  /** The item with the id asked about, if the chunk holds it. */
  item?: Item;
}

/** The chunk that holds (or would hold) `id`, read from the store. */
export async function readChunkOf(store: Store<'itemChunks'>, id: Id): Promise<ChunkContents> {
  const stored = await store.get(chunkOf(id));
  return chunkHolding(id, stored?.items ?? []);
}

/** The same, from the chunk's items known otherwise (a copy of them). */
export function chunkHolding(id: Id, items: readonly Item[]): ChunkContents {
  return { chunk: chunkOf(id), items, item: items.find((item) => item.id === id) };
}

/** That chunk with `item` in place of the item with its id. */
export function withItem({ chunk, items }: ChunkContents, item: Item): StoredItemChunk {
  return toChunk(chunk, [...items.filter((other) => other.id !== item.id), item]);
}

/** Every item, in id order. */
export async function allItems(store: Store<'itemChunks'>): Promise<Item[]> {
  return (await store.getAll()).flatMap((chunk) => chunk.items).sort(byId);
}

/** The items with `key` under `index`: the index finds their chunks, `matches` picks them out. */
export async function itemsWhere(
  store: Store<'itemChunks'>,
  index: ChunkIndex,
  key: string,
  matches: (item: Item) => boolean,
): Promise<Item[]> {
  const chunks = await store.index(index).getAll(key);
  return chunks.flatMap((chunk) => chunk.items.filter(matches)).sort(byId);
}

/**
 * Writes `put` (replacing items with the same id) and deletes `remove`, each chunk read
 * and written once; a chunk left empty is deleted. Inside the caller's transaction;
 * `read` holds chunks (every item of each) the caller already read in it, not read again.
 */
export async function changeItems(
  store: Store<'itemChunks', 'readwrite'>,
  { put = [], remove = [] }: { put?: readonly Item[]; remove?: readonly Id[] },
  read: ReadonlyMap<number, readonly Item[]> = new Map(),
): Promise<void> {
  const changes = new Map<number, { put: Item[]; remove: Set<Id> }>();
  const changesOf = (id: Id) => {
    const chunk = chunkOf(id);
    const known = changes.get(chunk);
    if (known) return known;
    const change = { put: [] as Item[], remove: new Set<Id>() };
    changes.set(chunk, change);
    return change;
  };
  for (const id of remove) changesOf(id).remove.add(id);
  for (const item of put) {
    const change = changesOf(item.id);
    change.remove.add(item.id);
    change.put.push(item);
  }
  await each(changes, async ([chunk, change]) => {
    const stored = read.get(chunk) ?? (await store.get(chunk))?.items ?? [];
    const items = [...stored.filter((item) => !change.remove.has(item.id)), ...change.put];
    if (items.length === 0) {
      if (stored.length > 0) await store.delete(chunk);
      return;
    }
    await store.put(toChunk(chunk, items));
  });
}
