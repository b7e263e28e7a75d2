/** The storage layer's public API: the only way into the workspace database. */
export { DB_VERSION, MIGRATIONS, type Migration } from './migrations';
export { DB_NAME, type LensDb, type LensSchema } from './schema';
export { StorageError, type StorageErrorCode } from './errors';
export { openWorkspaceDb } from './open';
export { getSettings, updateSettings } from './settings';
export { listTrees, createTree, updateTree, deleteTree } from './trees';
export {
  listMetrics,
  createMetric,
  updateMetric,
  deleteMetric,
  findMetricBySourceUrl,
  type NewMetric,
} from './metrics';
export { normaliseSourceUrl } from '../domain/source-url';
export {
  listItems,
  listAllItems,
  getItem,
  createItem,
  updateItem,
  deleteItem,
  findItemsByLinks,
  type Committed,
  type CommittedNow,
  type NewItem,
} from './items';
export { chunkOf } from './item-chunks';
export { addObservation, listObservations, recordForPeriod, undoRecord, type NewObservation } from './observations';
export { addReview, listReviews, type NewReview } from './reviews';
export { listHistory } from './history';
export { rankedScoresOf } from './rankings';
export { readTreeLoop } from './loop';
export { getWorksheet, saveWorksheet, chooseCandidate, type WorksheetInput, type ChosenNsm } from './worksheets';
export {
  listKeyResults,
  createKeyResult,
  updateKeyResult,
  deleteKeyResult,
  type KeyResultFields,
  type NewKeyResult,
} from './key-results';
export { listThresholds, setThresholds } from './thresholds';
export { listShipments, setShipDate } from './shipments';
export { listReviewNotes, setReviewNote } from './review-notes';
export {
  listExperiments,
  createExperiment,
  updateExperiment,
  deleteExperiment,
  type ExperimentFields,
  type NewExperiment,
} from './experiments';
export { exportWorkspace, clearWorkspace } from './workspace';
export {
  previewImport,
  importWorkspace,
  checkWorkspaceFile,
  importCheckedWorkspace,
  previewCheckedImport,
  type ImportMode,
  type ImportPreview,
} from './import';
export { previewValueImport, importValues, type ValuesImport } from './observation-import';
export { previewItemImport, importItems, type ItemsImport } from './item-import';
export type { RememberedMapping } from './import-mappings';
export {
  listShares,
  getShare,
  deleteShare,
  readShareAndTree,
  saveShare,
  getShareState,
  getSharedItemOf,
  withState,
  type KnownState,
  type ShareWrite,
  type SharedTreeTx,
  type TreeWrite,
} from './shares';
export { readTreeRecords, readTreeRecordsOf, type TreeRecords } from './tree-records';
