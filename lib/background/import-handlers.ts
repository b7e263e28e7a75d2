/**
 * The handlers of the file imports (requests in lib/messaging/requests/imports.ts). A
 * preview keeps the rows the gate checked (import-staging.ts) and answers their id with
 * its summary; `*.importStaged` imports them by that id, so the rows cross from the view
 * to the worker once. Either way the import plans again in its own write transaction.
 */
import type { IMPORT_REQUESTS } from '../messaging/requests/imports';
import * as store from '../storage';
import type { Handler } from './handler-table';
import { fileListener } from './import-file-channel';
import { FileExports, FileUploads } from './import-file-parts';
import { ImportStaging } from './import-staging';

type ImportRequestType = keyof typeof IMPORT_REQUESTS;

/** One per worker: a stopped worker forgets them, and the view sends the rows again. */
const stagedValues = new ImportStaging<store.ValuesImport>();
const stagedItems = new ImportStaging<store.ItemsImport>();
const uploads = new FileUploads(store.checkWorkspaceFile);
const exports = new FileExports();

/** The worker's `message` listener for a workspace file posted whole (lib/messaging/file-channel.ts). */
export const receiveFileMessage = fileListener(uploads, globalThis.location?.origin ?? '');

export const IMPORT_HANDLERS: { [T in ImportRequestType]: Handler<T> } = {
  'observations.previewImport': async (req, { db }) => {
    const input = { metricId: req.metricId, values: req.values };
    const summary = await store.previewValueImport(db, input);
    return { ...summary, staged: stagedValues.stage(input) };
  },
  'observations.import': (req, { db }) =>
    store.importValues(db, req, req.remember && { kind: 'values', ...req.remember }),
  'observations.importStaged': (req, { db }) =>
    store.importValues(db, stagedValues.take(req.staged), req.remember && { kind: 'values', ...req.remember }),
  'items.previewImport': async (req, { db }) => {
    const input = { treeId: req.treeId, rows: req.rows, overwrite: req.overwrite };
    const summary = await store.previewItemImport(db, input);
    return { ...summary, staged: stagedItems.stage(input) };
  },
  'items.import': (req, { db }) => store.importItems(db, req, req.remember && { kind: 'items', ...req.remember }),
  'items.importStaged': (req, { db }) =>
    store.importItems(db, stagedItems.take(req.staged), req.remember && { kind: 'items', ...req.remember }),
  'workspace.filePart': async (req) => {
    uploads.put(req.upload, req.index, req.count, req.text);
    return null;
  },
  'workspace.previewFile': (req, { db }) => store.previewCheckedImport(db, uploads.checked(req.upload)),
  'workspace.importFile': (req, { db }) => store.importCheckedWorkspace(db, uploads.take(req.upload), req.mode),
  'workspace.exportPart': async (req, { db }) =>
    req.export === undefined
      ? exports.start(JSON.stringify(await store.exportWorkspace(db), null, 2))
      : exports.part(req.export, req.index),
};
