/**
 * What the background does for each request. Runs only after `checkMessage` has
 * accepted the message, so every field here has its declared type.
 */
import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { linkKey, type LinkRef } from '../domain/link-key';
import { riceScore } from '../domain/rice';
import { metricById, pathToNsm, resolveInputLink, shortName } from '../domain/tree';
import type { Id, Item, Metric, WorkspacePart } from '../domain/types';
import {
  BADGE_INDEX_LIMIT,
  type Badge,
  type BadgeIndex,
  type HrefBadge,
  type ItemPatch,
  type PageContext,
  type RequestOf,
  type RequestType,
  type Responses,
} from '../messaging/protocol';
import { changesOf, mayWrite } from '../messaging/requests';
import * as store from '../storage';
import { scoreOf, withoutScore } from '../domain/score-list';
import { adapterForSite, adapterForUrl, entityLinkFromHref } from '../sites';
import { itemsByLinks, itemsOfTree, treeEntry, WorkspaceCache, type Basics } from './workspace-cache';

type Db = IDBPDatabase<store.LensSchema>;

export interface Handled<T> {
  value: T;
  changed: WorkspacePart[];
  /** The item the write created or changed, as stored: the change notice carries it. */
  item?: Item;
}

/**
 * The requests answered here, from the database. `panel.load` needs the sending tab, which
 * only the worker's listener knows: entrypoints/background.ts answers it.
 */
export type StoredRequestType = Exclude<RequestType, 'panel.load'>;
type StoredRequest = RequestOf<StoredRequestType>;

/** One derived copy per connection: a new connection (a restarted worker, a reopened database) starts empty. */
const caches = new WeakMap<Db, WorkspaceCache>();

/** The derived copy the handlers answer from for this connection (tests wait on its `load()`). */
export function cacheFor(db: Db): WorkspaceCache {
  const known = caches.get(db);
  if (known) return known;
  const cache = new WorkspaceCache(db);
  caches.set(db, cache);
  return cache;
}

export async function handle<T extends StoredRequestType>(
  db: Db,
  request: RequestOf<T>,
): Promise<Handled<Responses[T]>> {
  const cache = cacheFor(db);
  const writing = mayWrite((request as StoredRequest).type);
  if (writing) cache.writeStarted();
  try {
    const req = request as StoredRequest;
    const handler = HANDLERS[req.type] as Handler<StoredRequestType>;
    const value = await handler(req, { db, cache, committedNow: () => cache.committed() });
    const item = writtenItem(req, value);
    const handled: Handled<unknown> = { value, changed: [...changesOf(req.type)], ...(item ? { item } : {}) };
    keepCacheInStep(cache, req, handled);
    return handled as Handled<Responses[T]>;
  } catch (failure) {
    cache.drop();
    throw failure;
  } finally {
    if (writing) cache.writeEnded();
  }
}

function keepCacheInStep(cache: WorkspaceCache, req: StoredRequest, handled: Handled<unknown>): void {
  if (handled.changed.length === 0) return;
  if (handled.changed.some((name) => name === 'settings' || name === 'trees')) cache.dropBasics();
  if (handled.item) cache.itemWritten(handled.item);
  else if (req.type === 'item.delete') cache.itemDeleted(req.id);
  else if (handled.changed.some((name) => name === 'items' || name === 'metrics' || name === 'trees')) cache.drop();
}

/** What a handler needs besides its request. */
export interface HandlerContext {
  db: Db;
  cache: WorkspaceCache;
  /** What the derived copy knows for certain is stored, which item writes then do not read again. */
  committedNow: () => store.Committed | null;
}

export type Handler<T extends StoredRequestType> = (
  request: RequestOf<T>,
  context: HandlerContext,
) => Promise<Responses[T]>;

/**
 * One handler per request declared in lib/messaging/requests.ts, no more and no fewer: a
 * request declared without a handler here, or a handler for none, does not compile.
 */
export type HandlerTable = { [T in StoredRequestType]: Handler<T> };

export const HANDLERS: HandlerTable = {
  'snapshot.get': (req, { db, cache }) => treeSnapshot(db, cache, req.treeId),
  'page.context': (req, { db, cache }) => pageContext(db, cache, req.links, req.withScores === true),
  'page.open': (req, { db, cache }) => pageOpening(db, cache, req.url),
  'badges.lookup': (req, { db, cache }) => badges(db, cache, req.links),
  'badges.forHrefs': (req, { db, cache }) => badgesForHrefs(db, cache, req.base, req.hrefs),
  'badges.index': (req, { cache }) => badgeIndex(cache, req.url),
  'metric.bySourceUrl': async (req, { db }) => {
    const { activeTreeId } = await store.getSettings(db);
    return activeTreeId ? store.findMetricBySourceUrl(db, activeTreeId, req.url) : null;
  },
  'tree.create': (req, { db }) => store.createTree(db, { name: req.name, game: req.game ?? null }),
  'tree.update': (req, { db }) => store.updateTree(db, req.id, req.patch),
  'tree.delete': async (req, { db }) => {
    await store.deleteTree(db, req.id);
    return null;
  },
  'metric.create': (req, { db }) =>
    store.createMetric(db, { ...req.fields, treeId: req.treeId, role: req.role, name: req.name }),
  'metric.update': (req, { db }) => store.updateMetric(db, req.id, req.patch),
  'metric.delete': async (req, { db }) => {
    await store.deleteMetric(db, req.id);
    return null;
  },
  'item.create': (req, { db, committedNow }) =>
    store.createItem(
      db,
      { treeId: req.treeId, title: req.title, links: req.links, inputMetricId: req.inputMetricId ?? null },
      committedNow,
    ),
  'item.update': async (req, { db, committedNow }) => {
    await checkRicePatch(db, req.id, req.patch);
    return store.updateItem(db, req.id, req.patch, committedNow);
  },
  'item.delete': async (req, { db }) => {
    await store.deleteItem(db, req.id);
    return null;
  },
  'observation.add': (req, { db }) =>
    store.addObservation(db, {
      metricId: req.metricId,
      at: req.at,
      value: req.value,
      sourceUrl: req.sourceUrl ?? '',
      note: req.note ?? '',
    }),
  'observations.list': (req, { db }) => store.listObservations(db, req.metricId),
  'review.add': (req, { db }) =>
    store.addReview(db, { treeId: req.treeId, answers: req.answers, note: req.note ?? '' }),
  'settings.update': (req, { db }) => store.updateSettings(db, req.patch),
  'workspace.export': (_req, { db }) => store.exportWorkspace(db),
  'workspace.previewImport': (req, { db }) => store.previewImport(db, req.document, req.mode),
  'workspace.import': (req, { db }) => store.importWorkspace(db, req.document, req.mode),
  'workspace.clear': async (_req, { db }) => {
    await store.clearWorkspace(db);
    return null;
  },
  'sites.settings': async (_req, { cache }) => {
    const { disabledSites, customDomains } = (await cache.loadBasics()).settings;
    return { disabledSites, customDomains };
  },
  'dashboard.open': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    return null;
  },
};

/** The item a write created or changed, as stored: item.create and item.update answer with it. */
function writtenItem(req: StoredRequest, value: unknown): Item | undefined {
  return req.type === 'item.create' || req.type === 'item.update' ? (value as Item) : undefined;
}

/** What the dashboard loads: from the derived copy once it is there (every item of the tree, as listItems orders them). */
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

async function pageContext(
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
  if (!tree || !entry) return { tree: null, metrics: [], item, otherScores: withScores ? [] : null };
  if (!withScores) return { tree, metrics: entry.metrics, item, otherScores: null };
  const own = item && item.treeId === tree.id ? scoreOf(item, entry.metricsById) : null;
  return { tree, metrics: entry.metrics, item, otherScores: withoutScore(entry.scores, own) };
}

/** The page's entity from its address alone (its title needs the document, which a loading page does not have yet). */
async function pageOpening(db: Db, cache: WorkspaceCache, url: string): Promise<Responses['page.open']> {
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
  if (!tree) return { tree: null, metrics: [], item, otherScores: withScores ? [] : null };
  if (!withScores) return { tree, metrics: await store.listMetrics(db, tree.id), item, otherScores: null };
  const [metrics, scores] = await Promise.all([store.listMetrics(db, tree.id), store.rankedScoresOf(db, tree.id)]);
  const own = item && item.treeId === tree.id ? scoreOf(item, metricById(metrics)) : null;
  return { tree, metrics, item, otherScores: withoutScore(scores, own) };
}

/**
 * From the derived copy once it is there; until then from the database (one index read
 * per link beats reading every item for a single board), while the copy is read for the
 * next board.
 */
async function badges(db: Db, cache: WorkspaceCache, links: readonly LinkRef[]): Promise<Badge[]> {
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

async function badgesForHrefs(
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
 * for each (by site and key, whatever host the item's link names), from the copy.
 */
async function badgeIndex(cache: WorkspaceCache, url: string): Promise<BadgeIndex | null> {
  const { customDomains } = (await cache.loadBasics()).settings;
  const page = new URL(url);
  const adapter = adapterForUrl(page, customDomains);
  if (!adapter) return null;
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

/**
 * An impossible estimate (negative reach, zero effort, impact off Intercom's scale) is
 * refused rather than stored, naming the field; the panel keeps what was typed.
 */
async function checkRicePatch(db: Db, itemId: string, patch: ItemPatch): Promise<void> {
  if (!patch.rice) return;
  const current = await store.getItem(db, itemId);
  if (!current) return;
  const merged = { ...current.rice, ...patch.rice };
  for (const field of Object.keys(patch.rice) as (keyof typeof merged)[]) {
    if (merged[field] === null) continue;
    const probe = riceScore({ reach: 1, impact: 1, confidence: 1, effort: 1, [field]: merged[field] });
    if (!probe.ok) {
      throw new store.StorageError('invalid', probe.message, `patch.rice.${String(field)}`);
    }
  }
}
