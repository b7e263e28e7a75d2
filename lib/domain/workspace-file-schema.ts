/**
 * The export file's schema (docs/export-format.md): every record of every store, strict.
 */
import * as v from 'valibot';
import {
  ExperimentSchema,
  KeyResultSchema,
  MetricThresholdsSchema,
  NsmWorksheetSchema,
  ReviewNoteSchema,
  ShipmentSchema,
} from './loop-schemas';
import {
  ItemSchema,
  MetricSchema,
  NsmChangeSchema,
  ObservationSchema,
  ReviewSchema,
  SettingsSchema,
  TreeSchema,
} from './schemas';
import { itemsPlain, observationsPlain } from './workspace-file-records';
import { APP_NAME, FORMAT_VERSION } from './workspace-file-versions';

const WorkspaceFileSchema = v.strictObject({
  formatVersion: v.literal(FORMAT_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(100), v.isoTimestamp('must be a date and time (ISO 8601)')),
  app: v.literal(APP_NAME),
  trees: v.array(TreeSchema),
  metrics: v.array(MetricSchema),
  observations: v.array(ObservationSchema),
  items: v.array(ItemSchema),
  reviews: v.array(ReviewSchema),
  history: v.array(NsmChangeSchema),
  worksheets: v.array(NsmWorksheetSchema),
  keyResults: v.array(KeyResultSchema),
  thresholds: v.array(MetricThresholdsSchema),
  shipments: v.array(ShipmentSchema),
  experiments: v.array(ExperimentSchema),
  reviewNotes: v.array(ReviewNoteSchema),
  settings: SettingsSchema,
});

/**
 * The file against WorkspaceFileSchema. Items and observations that the quick checks
 * (workspace-file-records.ts) accept are not walked again: the rest of the file is, and
 * the file is whole only if both are; any record the quick checks do not accept sends
 * the whole file through the schema, which then names the first problem as it always has.
 */
export function checkFileSchemas(value: Record<string, unknown>) {
  const { items, observations } = value;
  if (!observationsPlain(observations) || !itemsPlain(items)) {
    return v.safeParse(WorkspaceFileSchema, value, { abortEarly: true });
  }
  const rest = v.safeParse(WorkspaceFileSchema, { ...value, observations: [], items: [] }, { abortEarly: true });
  if (!rest.success) return rest;
  return { ...rest, output: { ...rest.output, observations, items } as v.InferOutput<typeof WorkspaceFileSchema> };
}
