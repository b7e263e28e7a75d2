/**
 * The shape of the IndexedDB database at the current version (see migrations.ts for how
 * each version came to be). Only this layer sees these types: items and observations are
 * stored in chunks, a layout that never leaves it.
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Experiment, KeyResult, MetricThresholds, NsmWorksheet, ReviewNote, Shipment } from '../domain/loop-types';
import type { StoredShare } from '../domain/sharing/share-record';
import type { Id, Item, Metric, NsmChange, Observation, Review, Settings, Tree } from '../domain/types';
import type { StoredShareRecord } from './share-records';

export const DB_NAME = 'north-star-lens';
export const SETTINGS_KEY = 'settings';

/**
 * A tree's ranked scores, highest first (see rankings.ts): derived from its items and
 * metrics, kept so a freshly started worker need not read every item to rank a ticket.
 */
export interface StoredRanking {
  treeId: Id;
  scores: number[];
}

/**
 * The items whose ids hash to `chunk` (see item-chunks.ts), in id order, with the keys
 * of the multi-entry indexes that find the chunk by tree or link.
 */
export interface StoredItemChunk {
  chunk: number;
  items: Item[];
  treeIds: Id[];
  linkKeys: string[];
}

/**
 * One metric's observations of one calendar year (see observation-chunks.ts), oldest date
 * first. Keyed [metricId, year], so a metric's chunks are one key range in year order.
 */
export interface StoredObservationChunk {
  metricId: Id;
  /** YYYY, the first four characters of every observation's date. */
  year: string;
  observations: Observation[];
}

export interface LensSchema extends DBSchema {
  trees: { key: Id; value: Tree };
  metrics: { key: Id; value: Metric; indexes: { byTree: Id; byParent: Id } };
  observationChunks: { key: [Id, string]; value: StoredObservationChunk };
  itemChunks: { key: number; value: StoredItemChunk; indexes: { byTree: Id; byLink: string } };
  reviews: { key: Id; value: Review; indexes: { byTree: Id } };
  history: { key: Id; value: NsmChange; indexes: { byTree: Id } };
  settings: { key: typeof SETTINGS_KEY; value: Settings };
  rankings: { key: Id; value: StoredRanking };
  worksheets: { key: Id; value: NsmWorksheet; indexes: { byTree: Id } };
  keyResults: { key: Id; value: KeyResult; indexes: { byTree: Id; byMetric: Id } };
  thresholds: { key: Id; value: MetricThresholds };
  shipments: { key: Id; value: Shipment; indexes: { byTree: Id; byItem: Id } };
  experiments: { key: Id; value: Experiment; indexes: { byTree: Id; byInputMetric: Id } };
  /** Since version 8: one record per shared tree, credentials included (see shares.ts). */
  shares: { key: Id; value: StoredShare };
  /** Since version 9: a shared tree's metrics, items and tombstones, one record each (share-records.ts). */
  shareRecords: { key: [Id, string, Id]; value: StoredShareRecord };
  reviewNotes: { key: Id; value: ReviewNote; indexes: { byTree: Id; byTreeWeek: [Id, string] } };
}

export type LensDb = IDBPDatabase<LensSchema>;
export type DbStoreName = StoreNames<LensSchema>;
export type LensTx<S extends DbStoreName[], M extends IDBTransactionMode> = IDBPTransaction<LensSchema, S, M>;

/**
 * One store of some transaction, for helpers that work inside a caller's transaction;
 * which other stores that transaction spans does not matter to them.
 */
export type Store<N extends DbStoreName, M extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<
  LensSchema,
  ArrayLike<DbStoreName>,
  N,
  M
>;

/** The team loop's stores (version 6): what deleting a tree or a metric also reaches. */
export const LOOP_STORES = [
  'worksheets',
  'keyResults',
  'thresholds',
  'shipments',
  'experiments',
  'reviewNotes',
] as const;

/**
 * Every store of the database, for transactions over the whole workspace. Not the parts a
 * change notice names (WORKSPACE_PARTS in lib/domain/types.ts): items and observations are
 * stored in chunks, and rankings are derived.
 */
export const DB_STORES = [
  'trees',
  'metrics',
  'observationChunks',
  'itemChunks',
  'reviews',
  'history',
  'settings',
  'rankings',
  ...LOOP_STORES,
  'shares',
  'shareRecords',
] as const;
