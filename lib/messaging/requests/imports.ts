/**
 * Requests that bring exported files in: metric values and tickets, already read and
 * mapped in the view, previewed and then imported in one transaction each. A preview
 * keeps what it checked in the worker (lib/background/import-staging.ts) and answers its
 * id, `staged`; `*.importStaged` imports it without the rows crossing again, and
 * `*.import` takes the rows themselves (when the kept ones are gone).
 */
import * as v from 'valibot';
import type { ItemImportSummary } from '../../domain/import/item-plan';
import type { ValueImportSummary } from '../../domain/import/value-choice';
import { declareRequests, typed } from '../declare';
import {
  ItemImportFields,
  RememberedItemsSchema,
  RememberedValuesSchema,
  StagedIdSchema,
  ValueImportFields,
} from '../import-fields';

/** A preview's answer: what the import would do, and the id the checked rows are kept under. */
export type Staged<Summary> = Summary & { staged: string };

export const IMPORT_REQUESTS = declareRequests({
  'observations.previewImport': {
    fields: ValueImportFields,
    answer: typed<Staged<ValueImportSummary>>(),
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
  // Used once: a second send finds the kept values gone, and the view sends them again.
  'observations.importStaged': {
    fields: { staged: StagedIdSchema, remember: v.optional(RememberedValuesSchema) },
    answer: typed<ValueImportSummary>(),
    changes: ['observations', 'settings'],
    resendable: true,
  },
  'items.previewImport': {
    fields: ItemImportFields,
    answer: typed<Staged<ItemImportSummary>>(),
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
  'items.importStaged': {
    fields: { staged: StagedIdSchema, remember: v.optional(RememberedItemsSchema) },
    answer: typed<ItemImportSummary>(),
    changes: ['items', 'settings', 'shipments'],
    resendable: true,
  },
});
