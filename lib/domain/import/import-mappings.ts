/**
 * The choices a person made the last time they imported a kind of file, offered again
 * the next time: which series fills which metric and how it rolls up, and for a tracker
 * its address, which label means which input metric and which columns hold RICE.
 *
 * Kept in the settings record as an optional field: no schema upgrade is needed, a
 * settings record written before it is still valid, and it travels with an export.
 */
import * as v from 'valibot';
import { ITEM_STATUSES, type ItemStatus } from '../types';
import { ROLL_UP_METHODS, type RollUpMethod } from './roll-up';
import type { TrackerSource } from './tracker-rows';

export const TRACKER_SOURCES = [
  'jira',
  'linear',
  'github-issues',
  'github-project',
  'asana',
  'trello',
] as const satisfies readonly TrackerSource[];

export const RICE_COLUMN_FIELDS = ['reach', 'impact', 'confidence', 'effort'] as const;
export type RiceColumnField = (typeof RICE_COLUMN_FIELDS)[number];

export interface ValueMapping {
  /** The series' label as the preview shows it (name, and breakdown after " · "). */
  series: string;
  metricId: string;
  method: RollUpMethod;
}

export interface ItemMapping {
  /** Jira's base URL or Linear's workspace name: the file does not say. */
  site: string;
  /** Label (lower case) to the metric it means; null: the label means none. */
  labels: Record<string, string | null>;
  /** The tracker's field holding each RICE estimate; absent: not read. */
  rice: Partial<Record<RiceColumnField, string>>;
  /** Story points per person-month, when effort is read from points; null: effort is in person-months. */
  pointsPerMonth: number | null;
  /**
   * The tracker's status name (lower case) to the status it becomes. Absent in mappings
   * remembered before the table existed, and for a name not in it: the import's own reading.
   */
  statuses?: Record<string, ItemStatus>;
}

export interface ImportMappings {
  /** Keyed by valueSourceKey: the file's format and series names. */
  values: Record<string, ValueMapping>;
  items: Partial<Record<TrackerSource, ItemMapping>>;
}

/** As the record schemas' ids; not imported from them, which read this module. */
const IdSchema = v.pipe(v.string(), v.minLength(1, 'an id cannot be empty'), v.maxLength(200));
const Key = v.pipe(v.string(), v.maxLength(1000));
const FieldName = v.pipe(v.string(), v.minLength(1), v.maxLength(500));

export const ValueMappingSchema = v.strictObject({
  series: v.pipe(v.string(), v.maxLength(1000)),
  metricId: IdSchema,
  method: v.picklist(ROLL_UP_METHODS),
});

export const ItemMappingSchema = v.strictObject({
  site: v.pipe(v.string(), v.maxLength(500)),
  labels: v.pipe(v.record(Key, v.nullable(IdSchema)), v.maxEntries(2000)),
  rice: v.strictObject({
    reach: v.optional(FieldName),
    impact: v.optional(FieldName),
    confidence: v.optional(FieldName),
    effort: v.optional(FieldName),
  }),
  pointsPerMonth: v.nullable(v.pipe(v.number(), v.finite(), v.gtValue(0, 'must be more than 0'))),
  statuses: v.optional(v.pipe(v.record(Key, v.picklist(ITEM_STATUSES)), v.maxEntries(2000))),
});

export const ImportMappingsSchema = v.strictObject({
  values: v.pipe(v.record(Key, ValueMappingSchema), v.maxEntries(200)),
  items: v.strictObject({
    jira: v.optional(ItemMappingSchema),
    linear: v.optional(ItemMappingSchema),
    'github-issues': v.optional(ItemMappingSchema),
    'github-project': v.optional(ItemMappingSchema),
    asana: v.optional(ItemMappingSchema),
    trello: v.optional(ItemMappingSchema),
  }),
}) satisfies v.GenericSchema<unknown, ImportMappings>;

export const NO_MAPPINGS: ImportMappings = { values: {}, items: {} };
