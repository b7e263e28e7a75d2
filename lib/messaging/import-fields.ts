/**
 * What the import requests carry (declared in requests.ts): values and tickets already
 * read and mapped in the view, and the choices to remember with them. Only the background
 * imports these values, as it does requests.ts.
 */
import * as v from 'valibot';
import { ItemMappingSchema, TRACKER_SOURCES, ValueMappingSchema } from '../domain/import/import-mappings';
import { DateSchema, EntityLinkSchema, FiniteSchema, IdSchema, NameSchema } from '../domain/schemas';
import { ITEM_STATUSES } from '../domain/types';

/** Dated values for one metric, already rolled up in the view (lib/domain/import/value-choice.ts). */
export const ValueImportFields = {
  metricId: IdSchema,
  values: v.pipe(v.array(v.strictObject({ at: DateSchema, value: FiniteSchema })), v.maxLength(200_000)),
};

/** Tickets already mapped in the view (lib/domain/import/item-rows.ts); the background plans against what is stored. */
export const ItemImportFields = {
  treeId: IdSchema,
  rows: v.pipe(
    v.array(
      v.strictObject({
        link: EntityLinkSchema,
        title: NameSchema,
        status: v.picklist(ITEM_STATUSES),
        inputMetricId: v.nullable(IdSchema),
        rice: v.strictObject({
          reach: v.optional(FiniteSchema),
          impact: v.optional(FiniteSchema),
          confidence: v.optional(FiniteSchema),
          effort: v.optional(FiniteSchema),
        }),
      }),
    ),
    v.maxLength(100_000),
  ),
  overwrite: v.boolean(),
};

/** The id a preview kept its checked rows under (lib/background/import-staging.ts). */
export const StagedIdSchema = IdSchema;

export const RememberedValuesSchema = v.strictObject({
  key: v.pipe(v.string(), v.maxLength(1000)),
  mapping: ValueMappingSchema,
});

export const RememberedItemsSchema = v.strictObject({
  source: v.picklist(TRACKER_SOURCES),
  mapping: ItemMappingSchema,
});
