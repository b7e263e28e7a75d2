/**
 * A large tree's items in pages, in the backlog's order (`lib/domain/backlog-order.ts`):
 * the first page is the true top of the ranking, so the dashboard draws the backlog's
 * first screen from it while the rest comes. The order is sorted once per revision of the
 * derived copy and tree (keys computed once per item, not per comparison), and kept
 * until an item is written.
 *
 * A page after the first starts after a key (`itemsAfter`), not at an offset: an item
 * written while the pages stream in moves in the order and would shift every offset after
 * it, so one item would be sent twice or never. After a key, every item not written since
 * comes exactly once; a written one the view already has from the change notice.
 */
import { backlogKey, compareBacklogKeys, type BacklogKey } from '../domain/backlog-order';
import type { Id, Item } from '../domain/types';
import type { DerivedCopy } from './workspace-cache';

interface Placed {
  key: BacklogKey;
  item: Item;
}

interface Sorted {
  revision: number;
  placed: Placed[];
}

/** Per copy (a dropped copy takes its orders with it) and tree. */
const sortedOrders = new WeakMap<DerivedCopy, Map<Id, Sorted>>();

/** The tree's items in the backlog's order, sorted again only after an item was written. */
function backlogOrder(copy: DerivedCopy, treeId: Id): Placed[] {
  const perTree = sortedOrders.get(copy) ?? new Map<Id, Sorted>();
  sortedOrders.set(copy, perTree);
  const kept = perTree.get(treeId);
  if (kept && kept.revision === copy.revision) return kept.placed;
  const metricsById = copy.trees.get(treeId)?.metricsById ?? new Map();
  const placed: Placed[] = [];
  for (const item of copy.items.values()) {
    if (item.treeId === treeId) placed.push({ key: backlogKey(item, metricsById), item });
  }
  placed.sort((a, b) => compareBacklogKeys(a.key, b.key));
  perTree.set(treeId, { revision: copy.revision, placed });
  return placed;
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
  const placed = backlogOrder(copy, treeId);
  const start = after ? firstAfter(placed, after) : Math.min(from, placed.length);
  const page = placed.slice(start, start + limit);
  const end = start + page.length;
  return {
    items: page.map((p) => p.item),
    itemCount: placed.length,
    itemsEnd: end < placed.length ? (page.at(-1)?.key ?? null) : null,
  };
}

/** How many items the tree holds: one pass, nothing sorted (a read of the other parts asks only this). */
function countOfTree(copy: DerivedCopy, treeId: Id): number {
  let count = 0;
  for (const item of copy.items.values()) if (item.treeId === treeId) count += 1;
  return count;
}
