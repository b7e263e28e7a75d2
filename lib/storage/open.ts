import { wrap } from 'idb';
import { toStorageError } from './errors';
import { DB_VERSION, runMigrations, type UpgradeDb, type UpgradeTx } from './migrations';
import { DB_NAME, type LensDb } from './schema';

/**
 * Opens (creating or upgrading) the workspace database. `factory` lets tests use a fresh
 * in-memory IndexedDB each; `version` below the current one exists only to build old
 * databases in migration tests.
 */
export async function openWorkspaceDb(
  name: string = DB_NAME,
  factory: IDBFactory = globalThis.indexedDB,
  version: number = DB_VERSION,
): Promise<LensDb> {
  try {
    const request = factory.open(name, version);
    request.addEventListener('upgradeneeded', (event) => {
      const tx = request.transaction;
      if (!tx) return;
      const db = wrap(request.result) as unknown as UpgradeDb;
      const upgrade = wrap(tx) as unknown as UpgradeTx;
      // A failed migration aborts the upgrade; the open request reports it, not this promise.
      upgrade.done.catch(() => undefined);
      runMigrations(db, upgrade, event.oldVersion, event.newVersion ?? version);
    });
    const db = (await wrap(request)) as unknown as LensDb;
    // A newer version of the extension is upgrading the database: step aside rather
    // than block it. Later calls on this connection fail as storage errors.
    db.addEventListener('versionchange', () => db.close());
    return db;
  } catch (failure) {
    throw toStorageError(failure);
  }
}
