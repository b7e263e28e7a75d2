/**
 * Every schema change, in order. `upgrade` runs each migration whose version lies above
 * the database's old version, inside the one versionchange transaction: an upgrade
 * either completes to the current version or leaves the old database untouched.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LensSchema } from './schema';

export type UpgradeTx = IDBPTransaction<LensSchema, StoreNames<LensSchema>[], 'versionchange'>;

export interface Migration {
  version: number;
  migrate(db: IDBPDatabase<LensSchema>, tx: UpgradeTx, oldVersion: number): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    migrate(db) {
      db.createObjectStore('trees', { keyPath: 'id' });
      db.createObjectStore('metrics', { keyPath: 'id' }).createIndex('byTree', 'treeId');
      db.createObjectStore('observations', { keyPath: 'id' }).createIndex('byMetricDate', ['metricId', 'at']);
      const items = db.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('byTree', 'treeId');
      items.createIndex('byLink', 'linkKeys', { multiEntry: true });
      db.createObjectStore('reviews', { keyPath: 'id' }).createIndex('byTree', 'treeId');
      db.createObjectStore('history', { keyPath: 'id' }).createIndex('byTree', 'treeId');
      db.createObjectStore('settings');
    },
  },
  {
    // Deleting a metric (or demoting it from input) must find the items that move it and
    // the metrics under it; version 1 could only scan the whole tree. Records without a
    // parent or an input metric (null) are simply left out of these indexes.
    version: 2,
    migrate(_db, tx) {
      tx.objectStore('items').createIndex('byInputMetric', 'inputMetricId');
      tx.objectStore('metrics').createIndex('byParent', 'parentId');
    },
  },
  {
    // Ranking a ticket against 10,000 others read every item (about 175 ms in Chromium)
    // each time the worker started; each tree's ranked scores are now kept beside them.
    // Derived data: an empty store is correct, it fills as trees are ranked.
    version: 3,
    migrate(db) {
      db.createObjectStore('rankings', { keyPath: 'treeId' });
    },
  },
];

export const DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies the migrations after `oldVersion` up to and including `newVersion`, in order. */
export function runMigrations(db: IDBPDatabase<LensSchema>, tx: UpgradeTx, oldVersion: number, newVersion: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > oldVersion && migration.version <= newVersion) migration.migrate(db, tx, oldVersion);
  }
}
