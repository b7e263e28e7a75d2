/**
 * What a request may change of a stored record: the wire checks a patch against these
 * schemas, and storage applies the checked patch. Every field is optional; a field left
 * out stays as stored.
 */
import * as v from 'valibot';
import { EntityLinkSchema, FiniteSchema, IdSchema, MetricSchema, NameSchema, TextSchema, TreeSchema } from './schemas';
import { ITEM_STATUSES } from './types';

export const TreePatchSchema = v.strictObject(v.partial(v.pick(TreeSchema, ['name', 'game'])).entries);

export const ItemPatchSchema = v.strictObject({
  title: v.optional(NameSchema),
  inputMetricId: v.optional(v.nullable(IdSchema)),
  rice: v.optional(
    v.strictObject({
      reach: v.optional(v.nullable(FiniteSchema)),
      impact: v.optional(v.nullable(FiniteSchema)),
      confidence: v.optional(v.nullable(FiniteSchema)),
      effort: v.optional(v.nullable(FiniteSchema)),
    }),
  ),
  status: v.optional(v.picklist(ITEM_STATUSES)),
  notes: v.optional(TextSchema),
  links: v.optional(v.pipe(v.array(EntityLinkSchema), v.maxLength(50))),
});

const metricFields = v.omit(MetricSchema, ['id', 'treeId', 'updatedAt']);
export const MetricPatchSchema = v.strictObject(v.partial(metricFields).entries);

export type ItemPatch = v.InferOutput<typeof ItemPatchSchema>;
export type MetricPatch = v.InferOutput<typeof MetricPatchSchema>;
