/**
 * The badges of a list or board page: by link (`badges.lookup`), by the hrefs of its
 * anchors (`badges.forHrefs`) and every tracked entity of its site (`badges.index`).
 */
import { linkKey, type LinkRef } from '../domain/link-key';
import { scoreOf } from '../domain/score-list';
import { metricById, resolveInputLink, shortName } from '../domain/tree';
import type { Id, Item, Metric } from '../domain/types';
import { BADGE_INDEX_LIMIT, type Badge, type BadgeIndex, type HrefBadge } from '../messaging/protocol';
import { adapterForUrl, entityLinkFromHref } from '../sites';
import { isListPage } from '../sites/list-pages';
import * as store from '../storage';
import { itemsByLinks, treeEntry, type WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;

/**
 * From the derived copy once it is there; until then from the database (one index read
 * per link beats reading every item for a single board), while the copy is read for the
 * next board.
 */
export async function badges(db: Db, cache: WorkspaceCache, links: readonly LinkRef[]): Promise<Badge[]> {
  if (cache.ready) {
    const copy = await cache.load();
    const found = itemsByLinks(copy, links);
    return badgesFor(links, found, (treeId) => treeEntry(copy, treeId)?.metricsById ?? new Map());
  }
  cache.warm();
  const found = await store.findItemsByLinks(db, links);
  const metricsByTree = new Map<Id, Map<Id, Metric>>();
  for (const item of found.values()) {
    if (!metricsByTree.has(item.treeId))
      metricsByTree.set(item.treeId, metricById(await store.listMetrics(db, item.treeId)));
  }
  return badgesFor(links, found, (treeId) => metricsByTree.get(treeId) ?? new Map());
}

export async function badgesForHrefs(
  db: Db,
  cache: WorkspaceCache,
  base: string,
  hrefs: readonly string[],
): Promise<HrefBadge[]> {
  const { customDomains } = (await cache.loadBasics()).settings;
  const links = hrefs.map((href) => entityLinkFromHref(href, base, customDomains));
  const unique = new Map<string, LinkRef>();
  for (const link of links) if (link) unique.set(linkKey(link), { site: link.site, key: link.key });
  const found = new Map((await badges(db, cache, [...unique.values()])).map((badge) => [linkKey(badge), badge]));
  return links.map((link) =>
    link ? { site: link.site, key: link.key, badge: found.get(linkKey(link)) ?? null } : null,
  );
}

/**
 * Every tracked entity of the page's site with its badge, as `badges.lookup` would answer
 * for each (by site and key, whatever host the item's link names), from the copy. Only for
 * a list or board page: the content script asks on every page and its address changes, and
 * this answer is what tells it whether the page holds every badge up front (null: it does not).
 */
export async function badgeIndex(cache: WorkspaceCache, url: string): Promise<BadgeIndex | null> {
  const { customDomains } = (await cache.loadBasics()).settings;
  const page = new URL(url);
  const adapter = adapterForUrl(page, customDomains);
  if (!adapter || !isListPage(adapter, page)) return null;
  const copy = await cache.load();
  const links = new Map<string, LinkRef>();
  for (const item of copy.items.values()) {
    for (const link of item.links)
      if (link.site === adapter.site) links.set(link.key, { site: link.site, key: link.key });
  }
  if (links.size > BADGE_INDEX_LIMIT) return null;
  const all = [...links.values()];
  const badges = badgesFor(all, itemsByLinks(copy, all), (treeId) => treeEntry(copy, treeId)?.metricsById ?? new Map());
  return { site: adapter.site, origin: page.origin, badges };
}

function badgesFor(
  links: readonly LinkRef[],
  found: Map<string, Item>,
  metricsOf: (treeId: Id) => ReadonlyMap<Id, Metric>,
): Badge[] {
  const out: Badge[] = [];
  for (const link of links) {
    const item = found.get(linkKey(link));
    if (!item) continue;
    const byId = metricsOf(item.treeId);
    const tagged = resolveInputLink(byId, item.inputMetricId);
    out.push({
      site: link.site,
      key: link.key,
      itemId: item.id,
      metricName: tagged ? shortName(tagged.metric) : null,
      score: scoreOf(item, byId),
    });
  }
  return out;
}
