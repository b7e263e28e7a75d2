/** What `snapshot.get` answers: one tree with everything a dashboard or popup shows of it. */
import type { Id, Item } from '../domain/types';
import type { RequestOf, Responses } from '../messaging/protocol';
import * as store from '../storage';
import { itemsOfTree, treeEntry, type DerivedCopy, type WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;
type Paging = Pick<RequestOf<'snapshot.get'>, 'itemsFrom' | 'itemsLimit'>;

/**
 * What the dashboard loads: from the derived copy once it is there (every item of the tree,
 * as listItems orders them), or one page of the items. Pages come in the derived copy's
 * own order, which holds while nothing is written: a view streaming them starts again
 * after a change notice it cannot apply itself.
 */
export async function treeSnapshot(
  db: Db,
  cache: WorkspaceCache,
  requestedTreeId: string | undefined,
  paging: Paging = {},
): Promise<Responses['snapshot.get']> {
  const { settings, trees } = await cache.loadBasics();
  const tree = trees.find((t) => t.id === (requestedTreeId ?? settings.activeTreeId)) ?? trees[0] ?? null;
  if (!tree) return { settings, trees, tree: null, metrics: [], items: [], itemCount: 0, reviews: [], history: [] };
  const paged = paging.itemsFrom !== undefined || paging.itemsLimit !== undefined;
  // Pages need one order across requests: the copy's, so a paged read waits for it.
  const copy = cache.ready || paged ? await cache.load() : null;
  const entry = copy ? treeEntry(copy, tree.id) : null;
  if (!copy || !entry) cache.warm();
  const [metrics, page, reviews, history] = await Promise.all([
    entry ? entry.metrics : store.listMetrics(db, tree.id),
    paged && copy
      ? pageOfItems(copy, tree.id, paging.itemsFrom ?? 0, paging.itemsLimit ?? Number.POSITIVE_INFINITY)
      : (copy && entry ? Promise.resolve(itemsOfTree(copy, tree.id)) : store.listItems(db, tree.id)).then((items) => ({
          items,
          itemCount: items.length,
        })),
    store.listReviews(db, tree.id),
    store.listHistory(db, tree.id),
  ]);
  return { settings, trees, tree, metrics, ...page, reviews, history };
}

/** The tree's items from `from` (at most `limit`), and how many it holds: one pass, no sort. */
function pageOfItems(copy: DerivedCopy, treeId: Id, from: number, limit: number): { items: Item[]; itemCount: number } {
  const items: Item[] = [];
  let itemCount = 0;
  for (const item of copy.items.values()) {
    if (item.treeId !== treeId) continue;
    if (itemCount >= from && items.length < limit) items.push(item);
    itemCount += 1;
  }
  return { items, itemCount };
}
