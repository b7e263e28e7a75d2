/**
 * Requests that bring exported files in: metric values and tickets, already read and
 * mapped in the view, previewed and then imported in one transaction each.
 */
import * as v from 'valibot';
import type { ItemImportSummary } from '../../domain/import/item-plan';
import type { ValueImportSummary } from '../../domain/import/value-choice';
import { declareRequests, typed } from '../declare';
import { ItemImportFields, RememberedItemsSchema, RememberedValuesSchema, ValueImportFields } from '../import-fields';

export const IMPORT_REQUESTS = declareRequests({
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
    changes: ['items', 'settings', 'shipments'],
    resendable: true,
  },
});
