/**
 * What a ticket or chart page needs: its item, its tree and metrics and, for live
 * ranking, the tree's other scores (`page.context`); and, as the page starts loading, the
 * same for the entity its address names (`page.open`).
 */
import { linkKey, type LinkRef } from '../domain/link-key';
import { scoreOf, withoutScore } from '../domain/score-list';
import { metricById, pathToNsm } from '../domain/tree';
import type { Item } from '../domain/types';
import type { PageContext, Responses } from '../messaging/protocol';
import { adapterForSite, entityLinkFromHref } from '../sites';
import * as store from '../storage';
import { keyResultLine } from './key-result-line';
import { itemsByLinks, treeEntry, type Basics, type WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;

export async function pageContext(
  db: Db,
  cache: WorkspaceCache,
  links: readonly LinkRef[],
  withScores: boolean,
): Promise<Responses['page.context']> {
  if (!cache.ready) {
    try {
      return await pageContextFromStore(db, await cache.loadBasics(), links, withScores);
    } finally {
      // The copy is read once this page has its answer, for the requests after it.
      cache.warm();
    }
  }
  const [copy, { settings, trees }] = await Promise.all([cache.load(), cache.loadBasics()]);
  const found = itemsByLinks(copy, links);
  const item = links.map((l) => found.get(linkKey(l))).find((i): i is Item => Boolean(i)) ?? null;
  const tree = trees.find((t) => t.id === (item?.treeId ?? settings.activeTreeId)) ?? null;
  const entry = tree ? treeEntry(copy, tree.id) : null;
  if (!tree || !entry) {
    return { tree: null, metrics: [], item, otherScores: withScores ? [] : null, keyResultLine: null };
  }
  if (!withScores) return { tree, metrics: entry.metrics, item, otherScores: null, keyResultLine: null };
  const own = item && item.treeId === tree.id ? scoreOf(item, entry.metricsById) : null;
  const line = await keyResultLine(db, item, entry.metrics);
  return { tree, metrics: entry.metrics, item, otherScores: withoutScore(entry.scores, own), keyResultLine: line };
}

/** The page's entity from its address alone (its title needs the document, which a loading page does not have yet). */
export async function pageOpening(db: Db, cache: WorkspaceCache, url: string): Promise<Responses['page.open']> {
  const { disabledSites, customDomains } = (await cache.loadBasics()).settings;
  const settings = { disabledSites, customDomains };
  const found = entityLinkFromHref(url, new URL(url), customDomains);
  if (!found || disabledSites.includes(found.site)) return { settings, link: null, context: null };
  const link = { site: found.site, key: found.key };
  const context = await pageContext(db, cache, [link], false);
  // The pill's part is for a ticket (showEarly): a chart page takes the context as it comes.
  return { settings, link, context: adapterForSite(found.site)?.kind === 'analytics' ? context : pillPart(context) };
}

/**
 * Of the metrics, only what a ticket's pill shows: the item's metric and those above it
 * up to the NSM. This answer arrives while the host page is still parsing, where each
 * kilobyte of it holds the page up (the bench's 100 metrics were 24 KB of a 25 KB
 * answer); the overlay asks for the whole context once the pill is shown.
 */
function pillPart(context: PageContext): PageContext {
  const metricId = context.item?.inputMetricId;
  return { ...context, metrics: metricId ? pathToNsm(context.metrics, metricId) : [] };
}

/**
 * A worker that just started has no copy yet: the item by its link, the tree's metrics
 * and its stored ranking are a few small reads, where the copy is every item.
 */
async function pageContextFromStore(
  db: Db,
  { settings, trees }: Basics,
  links: readonly LinkRef[],
  withScores: boolean,
): Promise<Responses['page.context']> {
  const found = await store.findItemsByLinks(db, links);
  const item = links.map((l) => found.get(linkKey(l))).find((i): i is Item => Boolean(i)) ?? null;
  const tree = trees.find((t) => t.id === (item?.treeId ?? settings.activeTreeId)) ?? null;
  if (!tree) return { tree: null, metrics: [], item, otherScores: withScores ? [] : null, keyResultLine: null };
  if (!withScores) {
    return { tree, metrics: await store.listMetrics(db, tree.id), item, otherScores: null, keyResultLine: null };
  }
  const [metrics, scores] = await Promise.all([store.listMetrics(db, tree.id), store.rankedScoresOf(db, tree.id)]);
  const own = item && item.treeId === tree.id ? scoreOf(item, metricById(metrics)) : null;
  const line = await keyResultLine(db, item, metrics);
  return { tree, metrics, item, otherScores: withoutScore(scores, own), keyResultLine: line };
}
