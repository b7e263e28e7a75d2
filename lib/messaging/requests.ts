/**
 * Every request a view can send the background, each declared once: what it carries (its
 * schema, checked where it arrives), what it answers, which parts of the workspace it
 * changes (none: it never writes) and whether a client may send it again. The request
 * types, the gate's schema, the answers' types and which requests may write all follow
 * from this table; the background's handler table (lib/background/handler-table.ts) must
 * have a handler for each, and the client's list of requests sent once must match it.
 *
 * Only the background imports this module's values: a view imports its types, so no
 * schema reaches a content script.
 */
import * as v from 'valibot';
import { ItemPatchSchema, MetricPatchSchema, TreePatchSchema } from '../domain/patches';
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
import type { ItemImportSummary } from '../domain/import/item-plan';
import type { ValueImportSummary } from '../domain/import/value-choice';
import {
  GAMES,
  METRIC_ROLES,
  WORKSPACE_PARTS,
  type ImportSummary,
  type Item,
  type Metric,
  type Observation,
  type Review,
  type Settings,
  type Tree,
  type WorkspacePart,
} from '../domain/types';
import type { LinkRef } from '../domain/link-key';
import { ItemImportFields, RememberedItemsSchema, RememberedValuesSchema, ValueImportFields } from './import-fields';
import type { Badge, BadgeIndex, HrefBadge, PageContext, PageOpening, SiteSettings, TreeSnapshot } from './protocol';

declare const ANSWER: unique symbol;
/** A request's answer, as a type only: the table holds no value for it. */
export interface Answer<T> {
  readonly [ANSWER]: T;
}
/** `answer: typed<Tree>()` declares that a request answers with a Tree. */
export function typed<T>(): Answer<T> {
  return {} as Answer<T>;
}

export interface RequestDeclaration {
  /** What the request carries besides its `type`; an unknown key is refused. */
  fields: v.ObjectEntries;
  answer: Answer<unknown>;
  /** The parts of the workspace its change notice names; empty for a request that never writes. */
  changes: readonly WorkspacePart[];
  /**
   * Whether a client may send it again after a send that may have arrived: true when
   * doing it twice is doing it once (a read, an update); false for what adds or removes
   * a record, or opens a tab.
   */
  resendable: boolean;
}

/** The table's type check: every entry must declare every property of a RequestDeclaration. */
export function declareRequests<const T extends Record<string, RequestDeclaration>>(table: T): T {
  return table;
}

/** Checked as it arrives; what it produces is the domain's LinkRef, the shape every link lookup takes. */
const LinkRefSchema = v.strictObject({
  site: SiteSchema,
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
}) satisfies v.GenericSchema<unknown, LinkRef>;

const ImportFields = { document: v.unknown(), mode: v.picklist(['replace', 'merge']) };

export const REQUESTS = declareRequests({
  'snapshot.get': {
    fields: { treeId: v.optional(IdSchema) },
    answer: typed<TreeSnapshot>(),
    changes: [],
    resendable: true,
  },
  'page.context': {
    fields: {
      links: v.pipe(v.array(LinkRefSchema), v.maxLength(20)),
      // The tree's other scores (thousands of numbers) only when a view ranks live: the pill does not.
      withScores: v.optional(v.boolean()),
    },
    answer: typed<PageContext>(),
    changes: [],
    resendable: true,
  },
  // Sent at document_start by entrypoints/early-request.ts, before the page has rendered.
  'page.open': { fields: { url: UrlSchema }, answer: typed<PageOpening>(), changes: [], resendable: true },
  'badges.lookup': {
    fields: { links: v.pipe(v.array(LinkRefSchema), v.maxLength(5000)) },
    answer: typed<Badge[]>(),
    changes: [],
    resendable: true,
  },
  // The anchors' hrefs as written and the page's base URL: the background works out which
  // entity each names, so that a board's thousand links cost the host page no parsing.
  'badges.forHrefs': {
    fields: { base: UrlSchema, hrefs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(5000)) },
    answer: typed<HrefBadge[]>(),
    changes: [],
    resendable: true,
  },
  // A list or board page, once: every tracked entity of its site on its origin, so that
  // rows the host adds are badged in its own task (see components/badges/badge-layer.ts).
  'badges.index': { fields: { url: UrlSchema }, answer: typed<BadgeIndex | null>(), changes: [], resendable: true },
  'metric.bySourceUrl': { fields: { url: UrlSchema }, answer: typed<Metric | null>(), changes: [], resendable: true },

  'tree.create': {
    fields: { name: NameSchema, game: v.optional(v.nullable(v.picklist(GAMES))) },
    answer: typed<Tree>(),
    changes: ['trees', 'settings'],
    resendable: false,
  },
  'tree.update': {
    fields: { id: IdSchema, patch: TreePatchSchema },
    answer: typed<Tree>(),
    changes: ['trees'],
    resendable: true,
  },
  'tree.delete': {
    fields: { id: IdSchema },
    answer: typed<null>(),
    changes: ['trees', 'metrics', 'items', 'observations', 'reviews', 'history', 'settings'],
    resendable: false,
  },

  'metric.create': {
    fields: {
      treeId: IdSchema,
      role: v.picklist(METRIC_ROLES),
      name: NameSchema,
      fields: v.optional(MetricPatchSchema),
    },
    answer: typed<Metric>(),
    changes: ['metrics', 'history'],
    resendable: false,
  },
  'metric.update': {
    fields: { id: IdSchema, patch: MetricPatchSchema },
    answer: typed<Metric>(),
    changes: ['metrics', 'history'],
    resendable: true,
  },
  'metric.delete': {
    fields: { id: IdSchema },
    answer: typed<null>(),
    changes: ['metrics', 'items', 'observations'],
    resendable: false,
  },

  'item.create': {
    fields: {
      treeId: IdSchema,
      title: NameSchema,
      links: v.pipe(v.array(EntityLinkSchema), v.maxLength(50)),
      inputMetricId: v.optional(v.nullable(IdSchema)),
    },
    answer: typed<Item>(),
    changes: ['items'],
    resendable: false,
  },
  'item.update': {
    fields: { id: IdSchema, patch: ItemPatchSchema },
    answer: typed<Item>(),
    changes: ['items'],
    resendable: true,
  },
  'item.delete': { fields: { id: IdSchema }, answer: typed<null>(), changes: ['items'], resendable: false },

  'observation.add': {
    fields: {
      metricId: IdSchema,
      at: DateSchema,
      value: FiniteSchema,
      sourceUrl: v.optional(v.union([v.literal(''), UrlSchema])),
      note: v.optional(TextSchema),
    },
    answer: typed<Observation>(),
    changes: ['observations'],
    resendable: false,
  },
  'observations.list': {
    fields: { metricId: IdSchema },
    answer: typed<Observation[]>(),
    changes: [],
    resendable: true,
  },

  'observations.previewImport': {
    fields: ValueImportFields,
    answer: typed<ValueImportSummary>(),
    changes: [],
    resendable: true,
  },
  // Idempotent: a second send finds every value stored and writes none.
  'observations.import': {
    fields: {
      ...ValueImportFields,
      remember: v.optional(RememberedValuesSchema),
    },
    answer: typed<ValueImportSummary>(),
    changes: ['observations', 'settings'],
    resendable: true,
  },
  'items.previewImport': {
    fields: ItemImportFields,
    answer: typed<ItemImportSummary>(),
    changes: [],
    resendable: true,
  },
  // Idempotent: tickets are matched by link, so a second send finds every one tracked and unchanged.
  'items.import': {
    fields: {
      ...ItemImportFields,
      remember: v.optional(RememberedItemsSchema),
    },
    answer: typed<ItemImportSummary>(),
    changes: ['items', 'settings'],
    resendable: true,
  },

  'review.add': {
    fields: {
      treeId: IdSchema,
      answers: v.omit(ReviewSchema, ['id', 'treeId', 'at', 'note', 'updatedAt']).entries.answers,
      note: v.optional(TextSchema),
    },
    answer: typed<Review>(),
    changes: ['reviews'],
    resendable: false,
  },

  'settings.update': {
    fields: { patch: v.strictObject(v.partial(SettingsSchema).entries) },
    answer: typed<Settings>(),
    changes: ['settings'],
    resendable: true,
  },

  'workspace.export': { fields: {}, answer: typed<unknown>(), changes: [], resendable: true },
  'workspace.previewImport': {
    fields: ImportFields,
    answer: typed<ImportSummary>(),
    changes: [],
    resendable: true,
  },
  'workspace.import': {
    fields: ImportFields,
    answer: typed<ImportSummary>(),
    changes: WORKSPACE_PARTS,
    resendable: true,
  },
  'workspace.clear': { fields: {}, answer: typed<null>(), changes: WORKSPACE_PARTS, resendable: true },
  'dashboard.open': { fields: {}, answer: typed<null>(), changes: [], resendable: false },
  'sites.settings': { fields: {}, answer: typed<SiteSettings>(), changes: [], resendable: true },
  // From a content script: put the open panel's code into its page (see entrypoints/expanded-panel.tsx).
  'panel.load': { fields: {}, answer: typed<null>(), changes: [], resendable: true },
});

type Declared = typeof REQUESTS;
export type RequestType = keyof Declared;
type Carried<T extends RequestType> = Declared[T]['fields'] extends infer F extends v.ObjectEntries
  ? v.InferOutput<v.StrictObjectSchema<F, undefined>>
  : never;
export type Request = { [T in RequestType]: { type: T } & Carried<T> }[RequestType];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type Responses = { [T in RequestType]: Declared[T]['answer'] extends Answer<infer R> ? R : never };
/** The requests a client sends again only when the first send surely never arrived. */
export type SentOnce = { [T in RequestType]: Declared[T]['resendable'] extends false ? T : never }[RequestType];

/** Every request, checked exactly: its type picks its schema, and an unknown key is refused. */
export const RequestSchema = v.variant(
  'type',
  Object.entries(REQUESTS).map(([type, { fields }]) => v.strictObject({ type: v.literal(type), ...fields })),
);

/** The parts of the workspace a request changes, for its change notice. */
export function changesOf(type: RequestType): readonly WorkspacePart[] {
  return REQUESTS[type].changes;
}

/** Whether a request may change what is stored (a rebuilt ranking is derived data, not a change). */
export function mayWrite(type: RequestType): boolean {
  return changesOf(type).length > 0;
}
