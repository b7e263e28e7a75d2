/**
 * The shape of the IndexedDB database at the current version (see migrations.ts for how
 * each version came to be). Only this layer sees these types: items carry a derived
 * field on disk that never leaves it.
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { Id, Item, Metric, NsmChange, Observation, Review, Settings, SiteId, Tree } from '../domain/types';

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

/** An item as stored: `linkKeys` feeds the multi-entry `byLink` index. */
export interface StoredItem extends Item {
  linkKeys: string[];
}

export interface LensSchema extends DBSchema {
  trees: { key: Id; value: Tree };
  metrics: { key: Id; value: Metric; indexes: { byTree: Id; byParent: Id } };
  observations: { key: Id; value: Observation; indexes: { byMetricDate: [Id, string] } };
  items: { key: Id; value: StoredItem; indexes: { byTree: Id; byLink: string; byInputMetric: Id } };
  reviews: { key: Id; value: Review; indexes: { byTree: Id } };
  history: { key: Id; value: NsmChange; indexes: { byTree: Id } };
  settings: { key: typeof SETTINGS_KEY; value: Settings };
  rankings: { key: Id; value: StoredRanking };
}

export type LensDb = IDBPDatabase<LensSchema>;
export type StoreName = StoreNames<LensSchema>;
export type LensTx<S extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<LensSchema, S, M>;

/**
 * One store of some transaction, for helpers that work inside a caller's transaction;
 * which other stores that transaction spans does not matter to them.
 */
export type Store<N extends StoreName, M extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<LensSchema, any, N, M>;

export const ALL_STORES = ['trees', 'metrics', 'observations', 'items', 'reviews', 'history', 'settings', 'rankings'] as const;

/** The one string a page entity is found by: the site never contains ':', so it cannot be ambiguous. */
export function linkKey(link: { site: SiteId; key: string }): string {
  return `${link.site}:${link.key}`;
}

export function toStoredItem(item: Item): StoredItem {
  return { ...item, linkKeys: [...new Set(item.links.map(linkKey))] };
}

export function fromStoredItem(stored: StoredItem): Item {
  const { linkKeys: _derived, ...item } = stored;
  return item;
}
