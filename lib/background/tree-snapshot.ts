/** What `snapshot.get` answers: one tree with everything a dashboard or popup shows of it. */
import type { Responses } from '../messaging/protocol';
import * as store from '../storage';
import { itemsOfTree, treeEntry, type WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;

export /** What the dashboard loads: from the derived copy once it is there (every item of the tree, as listItems orders them). */
async function treeSnapshot(
  db: Db,
  cache: WorkspaceCache,
  requestedTreeId: string | undefined,
): Promise<Responses['snapshot.get']> {
  const { settings, trees } = await cache.loadBasics();
  const tree = trees.find((t) => t.id === (requestedTreeId ?? settings.activeTreeId)) ?? trees[0] ?? null;
  if (!tree) return { settings, trees, tree: null, metrics: [], items: [], reviews: [], history: [] };
  const copy = cache.ready ? await cache.load() : null;
  const entry = copy ? treeEntry(copy, tree.id) : null;
  if (!copy || !entry) cache.warm();
  const [metrics, items, reviews, history] = await Promise.all([
    entry ? entry.metrics : store.listMetrics(db, tree.id),
    copy && entry ? itemsOfTree(copy, tree.id) : store.listItems(db, tree.id),
    store.listReviews(db, tree.id),
    store.listHistory(db, tree.id),
  ]);
  return { settings, trees, tree, metrics, items, reviews, history };
}
