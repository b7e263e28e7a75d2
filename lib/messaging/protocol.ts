/**
 * The typed contract between views (content script, dashboard, popup) and the background.
 * Every request is checked against `RequestSchema` where it arrives; `Responses` names
 * what each one answers with.
 */
import * as v from 'valibot';
import type { LinkRef } from '../domain/link-key';
import {
  ItemPatchSchema,
  MetricPatchSchema,
  TreePatchSchema,
  type ItemPatch,
  type MetricPatch,
} from '../domain/patches';
import {
  DateSchema,
  EntityLinkSchema,
  FiniteSchema,
  IdSchema,
  NameSchema,
  ReviewSchema,
  SettingsSchema,
  SiteSchema,
  TextSchema,
  UrlSchema,
} from '../domain/schemas';
import { GAMES, METRIC_ROLES } from '../domain/types';
import type {
  Id,
  ImportSummary,
  Item,
  Metric,
  NsmChange,
  Observation,
  Review,
  Settings,
  Tree,
  WorkspacePart,
} from '../domain/types';

/** Checked as it arrives; what it produces is the domain's LinkRef, the shape every link lookup takes. */
const LinkRefSchema = v.strictObject({
  site: SiteSchema,
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
}) satisfies v.GenericSchema<unknown, LinkRef>;

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('snapshot.get'), treeId: v.optional(IdSchema) }),
  v.strictObject({
    type: v.literal('page.context'),
    links: v.pipe(v.array(LinkRefSchema), v.maxLength(20)),
    // The tree's other scores (thousands of numbers) only when a view ranks live: the pill does not.
    withScores: v.optional(v.boolean()),
  }),
  // Sent at document_start by entrypoints/early-request.ts, before the page has rendered.
  v.strictObject({ type: v.literal('page.open'), url: UrlSchema }),
  v.strictObject({ type: v.literal('badges.lookup'), links: v.pipe(v.array(LinkRefSchema), v.maxLength(5000)) }),
  // The anchors' hrefs as written and the page's base URL: the background works out which
  // entity each names, so that a board's thousand links cost the host page no parsing.
  v.strictObject({
    type: v.literal('badges.forHrefs'),
    base: UrlSchema,
    hrefs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(5000)),
  }),
  // A list or board page, once: every tracked entity of its site on its origin, so that
  // rows the host adds are badged in its own task (see components/badges/badge-layer.ts).
  v.strictObject({ type: v.literal('badges.index'), url: UrlSchema }),
  v.strictObject({ type: v.literal('metric.bySourceUrl'), url: UrlSchema }),

  v.strictObject({ type: v.literal('tree.create'), name: NameSchema, game: v.optional(v.nullable(v.picklist(GAMES))) }),
  v.strictObject({
    type: v.literal('tree.update'),
    id: IdSchema,
    patch: TreePatchSchema,
  }),
  v.strictObject({ type: v.literal('tree.delete'), id: IdSchema }),

  v.strictObject({
    type: v.literal('metric.create'),
    treeId: IdSchema,
    role: v.picklist(METRIC_ROLES),
    name: NameSchema,
    fields: v.optional(MetricPatchSchema),
  }),
  v.strictObject({ type: v.literal('metric.update'), id: IdSchema, patch: MetricPatchSchema }),
  v.strictObject({ type: v.literal('metric.delete'), id: IdSchema }),

  v.strictObject({
    type: v.literal('item.create'),
    treeId: IdSchema,
    title: NameSchema,
    links: v.pipe(v.array(EntityLinkSchema), v.maxLength(50)),
    inputMetricId: v.optional(v.nullable(IdSchema)),
  }),
  v.strictObject({ type: v.literal('item.update'), id: IdSchema, patch: ItemPatchSchema }),
  v.strictObject({ type: v.literal('item.delete'), id: IdSchema }),

  v.strictObject({
    type: v.literal('observation.add'),
    metricId: IdSchema,
    at: DateSchema,
    value: FiniteSchema,
    sourceUrl: v.optional(v.union([v.literal(''), UrlSchema])),
    note: v.optional(TextSchema),
  }),
  v.strictObject({ type: v.literal('observations.list'), metricId: IdSchema }),

  v.strictObject({
    type: v.literal('review.add'),
    treeId: IdSchema,
    answers: v.omit(ReviewSchema, ['id', 'treeId', 'at', 'note', 'updatedAt']).entries.answers,
    note: v.optional(TextSchema),
  }),

  v.strictObject({ type: v.literal('settings.update'), patch: v.strictObject(v.partial(SettingsSchema).entries) }),

  v.strictObject({ type: v.literal('workspace.export') }),
  v.strictObject({
    type: v.literal('workspace.previewImport'),
    document: v.unknown(),
    mode: v.picklist(['replace', 'merge']),
  }),
  v.strictObject({
    type: v.literal('workspace.import'),
    document: v.unknown(),
    mode: v.picklist(['replace', 'merge']),
  }),
  v.strictObject({ type: v.literal('workspace.clear') }),
  v.strictObject({ type: v.literal('dashboard.open') }),
  v.strictObject({ type: v.literal('sites.settings') }),
  // From a content script: put the open panel's code into its page (see entrypoints/expanded-panel.tsx).
  v.strictObject({ type: v.literal('panel.load') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** Domain types the wire carries as they are. */
export type { ImportSummary, ItemPatch, LinkRef, MetricPatch };

/** What a content script needs before it shows anything: which sites are off, which hosts are self-hosted. */
export type SiteSettings = Pick<Settings, 'disabledSites' | 'customDomains'>;

/**
 * What a page of a supported site needs before its pill can say anything, asked for as
 * the page starts loading: the site settings, the entity its address names (null where
 * it names none or the site is switched off) and that entity's context.
 */
export interface PageOpening {
  settings: SiteSettings;
  link: LinkRef | null;
  /** On a ticket, the pill's part of the context: of the metrics, only the item's path to the NSM. On a chart, all of it. */
  context: PageContext | null;
}

/** What a view needs to show one tree: everything but observations (fetched per metric). */
export interface TreeSnapshot {
  settings: Settings;
  trees: Tree[];
  tree: Tree | null;
  metrics: Metric[];
  items: Item[];
  reviews: Review[];
  history: NsmChange[];
}

/** What the panel on a ticket or chart page needs, in one round trip. */
export interface PageContext {
  tree: Tree | null;
  metrics: Metric[];
  item: Item | null;
  /**
   * Scores of every other ranked item of the tree, highest first, so the panel ranks
   * live as the user types; null unless asked for (`withScores`).
   */
  otherScores: number[] | null;
}

/** What one href names, in the order asked: the entity and its badge (null: not tracked), or null for no entity. */
export type HrefBadge = { site: LinkRef['site']; key: string; badge: Badge | null } | null;

/**
 * The badge of every tracked entity of one site on one origin, by key: a key of that site
 * and origin missing from it is not tracked. Null instead when there are more than
 * BADGE_INDEX_LIMIT.
 */
export interface BadgeIndex {
  site: LinkRef['site'];
  origin: string;
  badges: Badge[];
}

/** Held by a board page: about 0.17 MB of heap per thousand, so the page stays under its 3 MB. */
export const BADGE_INDEX_LIMIT = 12_000;

export interface Badge {
  site: LinkRef['site'];
  key: string;
  itemId: Id;
  metricName: string | null;
  score: number | null;
}

export interface Responses {
  'snapshot.get': TreeSnapshot;
  'page.context': PageContext;
  'page.open': PageOpening;
  'badges.lookup': Badge[];
  'badges.forHrefs': HrefBadge[];
  'badges.index': BadgeIndex | null;
  'metric.bySourceUrl': Metric | null;
  'tree.create': Tree;
  'tree.update': Tree;
  'tree.delete': null;
  'metric.create': Metric;
  'metric.update': Metric;
  'metric.delete': null;
  'item.create': Item;
  'item.update': Item;
  'item.delete': null;
  'observation.add': Observation;
  'observations.list': Observation[];
  'review.add': Review;
  'settings.update': Settings;
  'workspace.export': unknown;
  'workspace.previewImport': ImportSummary;
  'workspace.import': ImportSummary;
  'workspace.clear': null;
  'dashboard.open': null;
  'sites.settings': SiteSettings;
  'panel.load': null;
}

export type ErrorCode = 'invalid' | 'not-found' | 'storage' | 'forbidden' | 'unavailable';
export interface ReplyError {
  code: ErrorCode;
  message: string;
  /** For invalid input: where, e.g. `patch.rice.effort` or `items[3].treeId`. */
  path?: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** Sent by the background to every open view after each committed write. */
export interface ChangeNotice {
  type: 'nsl.changed';
  /** The parts of the workspace the write changed (not the database's stores). */
  stores: WorkspacePart[];
  at: number;
  /** The item as stored, when the write created or changed one: a view showing it need not ask. */
  item?: Item;
}

/** Sent by the background to a tab when the user presses the toggle command or the toolbar button. */
export interface TogglePanelNotice {
  type: 'nsl.togglePanel';
}
