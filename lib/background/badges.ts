/**
 * The badges of a page's links: by link (`badges.lookup`) and by the hrefs of its anchors
 * (`badges.forHrefs`), a batch of the links the page shows at a time. Never the whole
 * workspace: what a page holds grows with its own links, not with the workspace.
 */
import { linkKey, type LinkRef } from '../domain/link-key';
import { scoreOf } from '../domain/score-list';
import { metricById, resolveInputLink, shortName } from '../domain/tree';
import type { Id, Item, Metric } from '../domain/types';
import type { Badge, HrefBadge } from '../messaging/protocol';
import { entityLinkFromHref } from '../sites';
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
