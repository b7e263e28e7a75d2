/**
 * Requests that bring exported files in: metric values and tickets, already read and
 * mapped in the view, previewed and then imported in one transaction each. A preview
 * keeps what it checked in the worker (lib/background/import-staging.ts) and answers its
 * id, `staged`; `*.importStaged` imports it without the rows crossing again, and
 * `*.import` takes the rows themselves (when the kept ones are gone). A whole workspace
 * file comes in parts and its export goes out in parts (`workspace.filePart`,
 * `workspace.exportPart`): at the record caps it is more than one message carries.
 */
import * as v from 'valibot';
import type { ItemImportSummary } from '../../domain/import/item-plan';
import { WORKSPACE_PARTS, type ImportSummary } from '../../domain/types';
import { FILE_PART_CHARS, MAX_FILE_PARTS } from '../../domain/workspace-file-parts';
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

/** A workspace file's preview: what merging it and replacing with it would do. */
export interface FilePreview {
  merge: ImportSummary;
  replace: ImportSummary;
}

/** The id the dashboard sends a workspace file's parts under (it makes a UUID). */
const UploadIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const PartIndexSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_FILE_PARTS - 1));

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
  // A workspace file too large for one message (lib/domain/workspace-file-parts.ts): its
  // text in parts, then a preview and an import of the whole file by the upload's id.
  'workspace.filePart': {
    fields: {
      upload: UploadIdSchema,
      index: PartIndexSchema,
      count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FILE_PARTS)),
      text: v.pipe(v.string(), v.maxLength(FILE_PART_CHARS)),
    },
    answer: typed<null>(),
    changes: [],
    resendable: true,
  },
  'workspace.previewFile': {
    fields: { upload: UploadIdSchema },
    answer: typed<FilePreview>(),
    changes: [],
    resendable: true,
  },
  // Used once: a second send finds the file gone, and the view sends its parts again.
  'workspace.importFile': {
    fields: { upload: UploadIdSchema, mode: v.picklist(['replace', 'merge']) },
    answer: typed<ImportSummary>(),
    changes: WORKSPACE_PARTS,
    resendable: true,
  },
  // The export's text in parts: the first request (no id) reads the workspace once.
  'workspace.exportPart': {
    fields: { export: v.optional(UploadIdSchema), index: PartIndexSchema },
    answer: typed<ExportPart>(),
    changes: [],
    resendable: true,
  },
});

/** One part of an export's text, and how many there are. */
export interface ExportPart {
  export: string;
  index: number;
  count: number;
  text: string;
}
