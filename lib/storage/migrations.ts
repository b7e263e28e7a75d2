/**
 * Every schema change, in order. `upgrade` runs each migration whose version lies above
 * the database's old version, inside the one versionchange transaction: an upgrade
 * either completes to the current version or leaves the old database untouched.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { headOf, type StoredShare } from '../domain/sharing/share-record';
import type { SharedState } from '../domain/sharing/state';
import type { Id, Item, Observation } from '../domain/types';
import { chunked } from './item-chunks';
import { observationChunks } from './observation-chunks';
import type { LensSchema, StoredItemChunk } from './schema';
import { shareRecordsOf } from './share-records';

/** Versions 1 to 3 kept one record per item, with the link keys its `byLink` index read. */
interface LegacyItem extends Item {
  linkKeys: string[];
}

/** A share as version 8 stored it: its whole state and the file as last read in one record. */
export interface LegacyShare extends Omit<StoredShare, 'head' | 'revision' | 'remote'> {
  state: SharedState;
  remote: { text: string; etag: string } | null;
}

/** Version 4's chunks also carried the keys of an index by input metric. */
interface LegacyItemChunk extends StoredItemChunk {
  inputMetricIds?: Id[];
}

/** Every store and index any version had: the current ones, and those a migration removes. */
export interface UpgradeSchema extends LensSchema {
  items: { key: Id; value: LegacyItem; indexes: { byTree: Id; byLink: string; byInputMetric: Id } };
  itemChunks: { key: number; value: LegacyItemChunk; indexes: { byTree: Id; byLink: string; byInputMetric: Id } };
  /** Versions 1 to 6 kept one record per observation. */
  observations: { key: Id; value: Observation; indexes: { byMetricDate: [Id, string] } };
}

export type UpgradeDb = IDBPDatabase<UpgradeSchema>;
export type UpgradeTx = IDBPTransaction<UpgradeSchema, StoreNames<UpgradeSchema>[], 'versionchange'>;

export interface Migration {
  version: number;
  migrate(db: UpgradeDb, tx: UpgradeTx, oldVersion: number): void;
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
  {
    // Importing 10,000 items was 10,000 records, about 1.1 s of Chromium's per-record
    // cost; items now live in chunks (item-chunks.ts). The old records are read and
    // moved inside this versionchange transaction, so a failure leaves the old version intact.
    // Raw requests: the upgrade callback cannot wait on promises.
    version: 4,
    migrate(db, tx) {
      const chunks = db.createObjectStore('itemChunks', { keyPath: 'chunk' });
      chunks.createIndex('byTree', 'treeIds', { multiEntry: true });
      chunks.createIndex('byLink', 'linkKeys', { multiEntry: true });
      chunks.createIndex('byInputMetric', 'inputMetricIds', { multiEntry: true });
      const reading = unwrap(tx.objectStore('items')).getAll();
      reading.onsuccess = () => {
        const items = (reading.result as LegacyItem[]).map(({ linkKeys: _derived, ...item }) => item);
        const target = unwrap(tx).objectStore('itemChunks');
        for (const chunk of chunked(items)) target.put(chunk);
        unwrap(db).deleteObjectStore('items');
      };
    },
  },
  {
    // A tag written at 10,000 items rewrote a chunk of about 40 items and its 80 index
    // entries; the chunks are now four times as many (ITEM_CHUNK_COUNT), each a quarter
    // of the size, and the index by input metric is gone (half of every chunk's entries,
    // read only when a metric is deleted or demoted, which now reads every chunk).
    // Every chunk is read and written again at the new count. From a version below 4,
    // the move above has just written them so already, and the chunks it puts are not
    // yet readable here (they follow its read).
    version: 5,
    migrate(_db, tx, oldVersion) {
      tx.objectStore('itemChunks').deleteIndex('byInputMetric');
      if (oldVersion < 4) return;
      const store = unwrap(tx.objectStore('itemChunks'));
      const reading = store.getAll();
      reading.onsuccess = () => {
        const chunks = chunked((reading.result as LegacyItemChunk[]).flatMap((chunk) => chunk.items));
        store.clear();
        for (const chunk of chunks) store.put(chunk);
      };
    },
  },
  {
    // The team loop (issue 17): a tree's NSM worksheet, its key results, each metric's
    // red/amber/green thresholds, ship dates, experiments and weekly review notes. New stores only: nothing
    // stored before is read or changed. The indexes serve deleting a tree (byTree) and a
    // metric or item (byMetric, byInputMetric, byItem) without reading every record.
    version: 6,
    migrate(db) {
      db.createObjectStore('worksheets', { keyPath: 'id' }).createIndex('byTree', 'treeId');
      const keyResults = db.createObjectStore('keyResults', { keyPath: 'id' });
      keyResults.createIndex('byTree', 'treeId');
      keyResults.createIndex('byMetric', 'metricId');
      db.createObjectStore('thresholds', { keyPath: 'metricId' });
      const shipments = db.createObjectStore('shipments', { keyPath: 'id' });
      shipments.createIndex('byTree', 'treeId');
      shipments.createIndex('byItem', 'itemId', { unique: true });
      const experiments = db.createObjectStore('experiments', { keyPath: 'id' });
      experiments.createIndex('byTree', 'treeId');
      experiments.createIndex('byInputMetric', 'inputMetricId');
      const reviewNotes = db.createObjectStore('reviewNotes', { keyPath: 'id' });
      reviewNotes.createIndex('byTree', 'treeId');
      reviewNotes.createIndex('byTreeWeek', ['treeId', 'week'], { unique: true });
    },
  },
  {
    // Importing 14,287 weekly values was 14,287 records, 3.8 s of Chromium's per-record
    // cost on a loaded machine; observations now live in a chunk per metric and year
    // (observation-chunks.ts), each keeping its id. Moved inside this versionchange
    // transaction, as version 4 moved the items, so a failure leaves the old version intact.
    version: 7,
    migrate(db, tx) {
      db.createObjectStore('observationChunks', { keyPath: ['metricId', 'year'] });
      const reading = unwrap(tx.objectStore('observations')).getAll();
      reading.onsuccess = () => {
        const target = unwrap(tx).objectStore('observationChunks');
        for (const chunk of observationChunks(reading.result as Observation[])) target.put(chunk);
        unwrap(db).deleteObjectStore('observations');
      };
    },
  },
  {
    // Issue 16: a tree shared through a WebDAV file keeps, per tree, the file's address,
    // the credentials, this replica's clock and shared state, and how the last sync went.
    // A new store; nothing older changes.
    version: 8,
    migrate(db) {
      db.createObjectStore('shares', { keyPath: 'treeId' });
    },
  },
  {
    // Issue 16's speed budgets: each share kept its whole state (10,000 items: 11 MB) and
    // the last file in one record, read and written whole by every sync. The metrics, items
    // and tombstones move to a record each; the share keeps the rest and the file's ETag
    // (not its text: a 304 vouches for what was merged). `covers` starts false, so the
    // first publish after the upgrade writes the file rather than trusting the old copy.
    version: 9,
    migrate(db, tx, oldVersion) {
      db.createObjectStore('shareRecords', { keyPath: ['treeId', 'kind', 'id'] });
      if (oldVersion < 8) return;
      const shares = unwrap(tx.objectStore('shares'));
      const reading = shares.getAll();
      reading.onsuccess = () => {
        const records = unwrap(tx).objectStore('shareRecords');
        for (const old of reading.result as LegacyShare[]) {
          const { state, remote, ...rest } = old;
          for (const record of shareRecordsOf(old.treeId, state)) records.put(record);
          const share: StoredShare = {
            ...rest,
            head: headOf(state),
            revision: 0,
            remote: remote === null ? null : { etag: remote.etag, covers: false },
          };
          shares.put(share);
        }
      };
    },
  },
];

export const DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies the migrations after `oldVersion` up to and including `newVersion`, in order. */
export function runMigrations(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > oldVersion && migration.version <= newVersion) migration.migrate(db, tx, oldVersion);
  }
}
