/** What `snapshot.get` answers: one tree with everything a dashboard or popup shows of it. */
import type { RequestOf, Responses } from '../messaging/protocol';
import * as store from '../storage';
import { backlogPage } from './backlog-pages';
import { itemsOfTree, treeEntry, type WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;
type Paging = Pick<RequestOf<'snapshot.get'>, 'itemsFrom' | 'itemsLimit' | 'itemsAfter'>;

/**
 * What the dashboard loads: from the derived copy once it is there (every item of the tree,
 * as listItems orders them), or one page of the items. Pages come in the backlog's order
 * (`backlog-pages.ts`): the first is the top of the ranking, and each next one starts
 * after the key the previous one ended at (`itemsEnd`).
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
  const paged = paging.itemsFrom !== undefined || paging.itemsLimit !== undefined || paging.itemsAfter !== undefined;
  // Pages need one order across requests: the copy's, so a paged read waits for it.
  const copy = cache.ready || paged ? await cache.load() : null;
  const entry = copy ? treeEntry(copy, tree.id) : null;
  if (!copy || !entry) cache.warm();
  const [metrics, page, reviews, history] = await Promise.all([
    entry ? entry.metrics : store.listMetrics(db, tree.id),
    paged && copy
      ? backlogPage(copy, tree.id, {
          after: paging.itemsAfter,
          from: paging.itemsFrom ?? 0,
          limit: paging.itemsLimit ?? Number.POSITIVE_INFINITY,
        })
      : (copy && entry ? Promise.resolve(itemsOfTree(copy, tree.id)) : store.listItems(db, tree.id)).then((items) => ({
          items,
          itemCount: items.length,
        })),
    store.listReviews(db, tree.id),
    store.listHistory(db, tree.id),
  ]);
  return { settings, trees, tree, metrics, ...page, reviews, history };
}
