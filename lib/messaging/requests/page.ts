/**
 * Requests from host pages: the pill's and panel's context, the early answer at document
 * start, badges, a chart's metric, and loading the open panel's code.
 */
import * as v from 'valibot';
import type { LinkRef } from '../../domain/link-key';
import { BACKLOG_GROUPS, type BacklogKey } from '../../domain/backlog-order';
import { IdSchema, NameSchema, SiteSchema, TimestampSchema, UrlSchema } from '../../domain/schemas';
import type { Metric } from '../../domain/types';
import { declareRequests, typed } from '../declare';
import type { Badge, BadgeIndex, HrefBadge, PageContext, PageOpening, TreeSnapshot } from '../protocol';

/** Checked as it arrives; what it produces is the domain's LinkRef, the shape every link lookup takes. */
const LinkRefSchema = v.strictObject({
  site: SiteSchema,
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
}) satisfies v.GenericSchema<unknown, LinkRef>;

/** A place in the backlog's order, as a page's answer gave it (`itemsEnd`). */
const BacklogKeySchema = v.strictObject({
  group: v.picklist(Object.values(BACKLOG_GROUPS)),
  score: v.pipe(v.number(), v.finite()),
  effort: v.pipe(v.number(), v.finite()),
  title: NameSchema,
  createdAt: TimestampSchema,
  id: IdSchema,
}) satisfies v.GenericSchema<unknown, BacklogKey>;

export const PAGE_REQUESTS = declareRequests({
  'snapshot.get': {
    fields: {
      treeId: v.optional(IdSchema),
      // One page of the items in the backlog's order: the dashboard streams a large tree, top of the ranking first.
      itemsFrom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      itemsLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
      // The next page starts after the previous page's last key (its `itemsEnd`), wherever writes moved it.
      itemsAfter: v.optional(BacklogKeySchema),
    },
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
  // From a content script: put the open panel's code into its page (see entrypoints/expanded-panel.tsx).
  'panel.load': { fields: {}, answer: typed<null>(), changes: [], resendable: true },
});
