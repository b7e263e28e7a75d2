/**
 * What the background does for each request: one handler per request declared in
 * lib/messaging/requests.ts. Handlers run only after the gate has accepted the message, so
 * every field has its declared type. The larger read models live in their own modules.
 */
import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, Responses } from '../messaging/protocol';
import * as store from '../storage';
import { badgeIndex, badges, badgesForHrefs } from './badges';
import { IMPORT_HANDLERS } from './import-handlers';
import { pageContext, pageOpening } from './page-context';
import { LOOP_HANDLERS } from './loop';
import { checkRicePatch } from './rice-patch';
import { SHARING_HANDLERS } from './sharing/share-handlers';
import { treeSnapshot } from './tree-snapshot';
import { valueSummaries } from './value-summaries';
import type { WorkspaceCache } from './workspace-cache';

type Db = store.LensDb;

/**
 * The requests answered here, from the database. `panel.load` needs the sending tab, which
 * only the worker's listener knows: lib/background/panel-injection.ts answers it.
 */
export type StoredRequestType = Exclude<RequestType, 'panel.load'>;

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
  ...LOOP_HANDLERS,
  'snapshot.get': (req, { db, cache }) => treeSnapshot(db, cache, req.treeId, req),
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
  'observation.record': (req, { db }) => store.recordForPeriod(db, req),
  'observation.undo': (req, { db }) => store.undoRecord(db, req, req.previous),
  'observations.list': (req, { db }) => store.listObservations(db, req.metricId),
  'observations.summaries': (req, { db }) => valueSummaries(db, req.needs),
  ...IMPORT_HANDLERS,
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
  ...SHARING_HANDLERS,
};
