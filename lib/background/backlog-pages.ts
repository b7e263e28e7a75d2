/**
 * A large tree's items in pages, in the backlog's order (`lib/domain/backlog-order.ts`):
 * the first page is the true top of the ranking, so the dashboard draws the backlog's
 * first screen from it while the rest comes.
 *
 * The order is kept per derived copy and tree, and follows the copy's item writes: a
 * written item moves to its new place (two binary searches), so a page after a retag, a
 * new item or a teammate's sync waits for no sort. With no order yet (after a worker
 * start or an import), the first page is picked from the items' keys without sorting them
 * (`topOf`: one pass, a sorted buffer of the page's size); every item is sorted only when
 * a page after it is asked, while the dashboard draws the first one. At 100,000 items the
 * sort took 0.6-1.7 s on the shared machine, and every write made the next open wait for
 * it again (docs/benchmarks.md, round 12).
 *
 * A page after the first starts after a key (`itemsAfter`), not at an offset: an item
 * written while the pages stream in moves in the order and would shift every offset after
 * it, so one item would be sent twice or never. After a key, every item not written since
 * comes exactly once; a written one the view already has from the change notice.
 */
import { backlogKey, compareBacklogKeys, type BacklogKey } from '../domain/backlog-order';
import type { Id, Item, Metric } from '../domain/types';
import { writtenSince, type DerivedCopy } from './workspace-cache';

interface Placed {
  key: BacklogKey;
  item: Item;
}

/** One tree's items with their keys, as of the copy's `revision`. */
interface Order {
  revision: number;
  /** Every item of the tree; in the backlog's order once `sorted`. */
  placed: Placed[];
  sorted: boolean;
  /** Each item's key, made when many writes at once need their old places found (only for a sorted order). */
  keys: Map<Id, BacklogKey> | null;
}

/** Per copy (a dropped copy takes its orders with it) and tree. */
const orders = new WeakMap<DerivedCopy, Map<Id, Order>>();

const metricsOf = (copy: DerivedCopy, treeId: Id): ReadonlyMap<Id, Metric> =>
  copy.trees.get(treeId)?.metricsById ?? new Map();

/** Every item of the tree with its key, in no order: one pass over the copy. */
function keyed(copy: DerivedCopy, treeId: Id): Placed[] {
  const metricsById = metricsOf(copy, treeId);
  const placed: Placed[] = [];
  for (const item of copy.items.values()) {
    if (item.treeId === treeId) placed.push({ key: backlogKey(item, metricsById), item });
  }
  return placed;
}

/** The tree's items with their keys at the copy's revision: the kept order, moved along with the writes since. */
function currentOrder(copy: DerivedCopy, treeId: Id): Order {
  const perTree = orders.get(copy) ?? new Map<Id, Order>();
  orders.set(copy, perTree);
  const kept = perTree.get(treeId);
  if (kept && kept.revision === copy.revision) return kept;
  const written = kept?.sorted ? writtenSince(copy, kept.revision) : null;
  const order =
    kept && written
      ? followWrites(copy, treeId, kept, written)
      : { revision: copy.revision, placed: keyed(copy, treeId), sorted: false, keys: null };
  perTree.set(treeId, order);
  return order;
}

/** Up to this many writes, a written item's old place is found by its id, without a map of every key. */
const FEW_WRITES = 32;

/** The sorted order with each written item taken out of its old place and put in its new one. */
function followWrites(copy: DerivedCopy, treeId: Id, order: Order, written: readonly Id[]): Order {
  const { placed } = order;
  const ids = new Set(written);
  const keys = order.keys ?? (ids.size > FEW_WRITES ? new Map(placed.map((p) => [p.item.id, p.key])) : null);
  const metricsById = metricsOf(copy, treeId);
  for (const id of ids) {
    const old = keys ? keys.get(id) : placed.find((p) => p.item.id === id)?.key;
    if (old) placed.splice(firstAfter(placed, old) - 1, 1);
    const item = copy.items.get(id);
    if (item?.treeId !== treeId) {
      keys?.delete(id);
      continue;
    }
    const key = backlogKey(item, metricsById);
    placed.splice(firstAfter(placed, key), 0, { key, item });
    keys?.set(id, key);
  }
  return { revision: copy.revision, placed, sorted: true, keys };
}

/** The order sorted, once: the keys were made with it, so the sort compares only. */
function sortedOrder(order: Order): Placed[] {
  if (!order.sorted) {
    order.placed.sort((a, b) => compareBacklogKeys(a.key, b.key));
    order.sorted = true;
  }
  return order.placed;
}

/** Index of the first entry that comes after `key`. */
function firstAfter(placed: readonly Placed[], key: BacklogKey): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareBacklogKeys((placed[mid] as Placed).key, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The first `count` entries in the backlog's order without sorting the others: each entry
 * is compared with the last one kept, and only one that comes before it is put in place.
 */
export function topOf(placed: readonly Placed[], count: number): Placed[] {
  const top: Placed[] = [];
  for (const entry of placed) {
    if (top.length === count && compareBacklogKeys(entry.key, (top[count - 1] as Placed).key) >= 0) continue;
    top.splice(firstAfter(top, entry.key), 0, entry);
    if (top.length > count) top.pop();
  }
  return top;
}

export interface BacklogPage {
  items: Item[];
  itemCount: number;
  /** The key of the page's last item, where the next page starts; null when the page reaches the end. */
  itemsEnd: BacklogKey | null;
}

export interface PageRequest {
  /** Start after this key; else at `from` (0 for the first page). */
  after?: BacklogKey;
  from: number;
  limit: number;
}

/** One page of the tree's items in the backlog's order, and how many the tree holds. */
export function backlogPage(copy: DerivedCopy, treeId: Id, { after, from, limit }: PageRequest): BacklogPage {
  if (limit === 0) return { items: [], itemCount: countOfTree(copy, treeId), itemsEnd: null };
  const order = currentOrder(copy, treeId);
  const total = order.placed.length;
  if (!order.sorted && !after && from === 0 && limit < total) {
    const page = topOf(order.placed, limit);
    return { items: page.map((p) => p.item), itemCount: total, itemsEnd: page.at(-1)?.key ?? null };
  }
  const placed = sortedOrder(order);
  const start = after ? firstAfter(placed, after) : Math.min(from, total);
  const page = placed.slice(start, start + limit);
  const end = start + page.length;
  return {
    items: page.map((p) => p.item),
    itemCount: total,
    itemsEnd: end < total ? (page.at(-1)?.key ?? null) : null,
  };
}

/** How many items the tree holds: one pass, nothing sorted (a read of the other parts asks only this). */
function countOfTree(copy: DerivedCopy, treeId: Id): number {
  let count = 0;
  for (const item of copy.items.values()) if (item.treeId === treeId) count += 1;
  return count;
}
