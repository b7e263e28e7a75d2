/**
 * Requests from the extension's own pages that read and edit the workspace: trees,
 * metrics, items, values, reviews, settings, and the workspace file.
 */
import * as v from 'valibot';
import { ItemPatchSchema, MetricPatchSchema, TreePatchSchema } from '../../domain/patches';
import {
  DateSchema,
  EntityLinkSchema,
  FiniteSchema,
  IdSchema,
  NameSchema,
  ReviewSchema,
  SettingsSchema,
  TextSchema,
  UrlSchema,
} from '../../domain/schemas';
import type { ValueSummary } from '../../domain/value-summary';
import { MAX_RECORDS } from '../../domain/workspace-file';
import {
  GAMES,
  PERIODS,
  LOOP_RECORD_KINDS,
  METRIC_ROLES,
  WORKSPACE_PARTS,
  type ImportSummary,
  type Item,
  type Metric,
  type Observation,
  type Review,
  type Settings,
  type Tree,
} from '../../domain/types';
import { declareRequests, typed } from '../declare';
import type { SiteSettings } from '../protocol';

const ImportFields = { document: v.unknown(), mode: v.picklist(['replace', 'merge']) };

export const WORKSPACE_REQUESTS = declareRequests({
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
    changes: ['trees', 'metrics', 'items', 'observations', 'reviews', 'history', 'settings', ...LOOP_RECORD_KINDS],
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
    changes: ['metrics', 'items', 'observations', 'keyResults', 'thresholds', 'experiments'],
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
    // A status that becomes shipped records the ship date.
    changes: ['items', 'shipments'],
    resendable: true,
  },
  'item.delete': {
    fields: { id: IdSchema },
    answer: typed<null>(),
    changes: ['items', 'shipments', 'experiments'],
    resendable: false,
  },

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
  // What the dashboard's views show of each metric's values (lib/domain/value-summary.ts), in one request.
  'observations.summaries': {
    fields: {
      needs: v.pipe(
        v.array(
          v.strictObject({
            metricId: IdSchema,
            periods: v.pipe(v.array(v.picklist(PERIODS)), v.maxLength(PERIODS.length)),
            valuesFrom: v.nullable(DateSchema),
          }),
        ),
        // A workspace file holds at most this many metrics.
        v.maxLength(MAX_RECORDS.metrics),
      ),
    },
    answer: typed<ValueSummary[]>(),
    changes: [],
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
});
