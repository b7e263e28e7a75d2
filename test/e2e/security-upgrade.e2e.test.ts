import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../lib/storage';
import { chunked } from '../../lib/storage/item-chunks';
import { version4Chunks } from '../storage/version-4-chunks';
import { recordFigure } from '../security/figures';
import { sampleWorkspace } from '../storage/sample-workspace';
import { launchLens, type Lens } from './harness';
import { storedJson } from './security-helpers';

/**
 * The browser's own IndexedDB, not a fake: a database laid out as an older version of the
 * extension made it, full of data, must open under the current version with nothing lost.
 */
/**
 * Built here from scratch in the browser, each in its own layout. Versions 6, 7 and 8 (stores
 * added beside these) are upgraded from in test/storage/migrations.test.ts, with the rest
 * (version 8's shares to version 9's records in test/storage/shares.test.ts).
 */
const BROWSER_TESTED_VERSIONS = [1, 2, 3, 4, 5];

describe('upgrading a database made by an older version, in the browser', () => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('knows every older schema version it must upgrade from', () => {
    // A new migration needs its predecessor's layout below, so that upgrade is tested too.
    expect(DB_VERSION).toBe(9);
  });

  it.each(BROWSER_TESTED_VERSIONS)(
    'opens a version %i database full of data at the current version, with every record as it was',
    async (oldVersion) => {
      await lens.call({ type: 'snapshot.get' });
      const worker = await lens.serviceWorker();
      const workspace = sampleWorkspace();
      // Version 4's chunks at its count with its index by input metric; version 5's as they are now.
      const oldChunks = oldVersion === 4 ? version4Chunks(workspace.items) : chunked(workspace.items);
      await worker.evaluate(
        async ([ws, oldVersion, oldChunks]) => {
          const done = (request: IDBRequest | IDBOpenDBRequest) =>
            new Promise((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
          // The running background steps aside on versionchange; then the old version is built from scratch.
          await done(indexedDB.deleteDatabase('north-star-lens'));
          const opening = indexedDB.open('north-star-lens', oldVersion);
          opening.onupgradeneeded = () => {
            const db = opening.result;
            db.createObjectStore('trees', { keyPath: 'id' });
            db.createObjectStore('metrics', { keyPath: 'id' }).createIndex('byTree', 'treeId');
            db.createObjectStore('observations', { keyPath: 'id' }).createIndex('byMetricDate', ['metricId', 'at']);
            const items = db.createObjectStore('items', { keyPath: 'id' });
            items.createIndex('byTree', 'treeId');
            items.createIndex('byLink', 'linkKeys', { multiEntry: true });
            db.createObjectStore('reviews', { keyPath: 'id' }).createIndex('byTree', 'treeId');
            db.createObjectStore('history', { keyPath: 'id' }).createIndex('byTree', 'treeId');
            db.createObjectStore('settings');
            if (oldVersion >= 2) {
              items.createIndex('byInputMetric', 'inputMetricId');
              opening.transaction!.objectStore('metrics').createIndex('byParent', 'parentId');
            }
            if (oldVersion >= 3) db.createObjectStore('rankings', { keyPath: 'treeId' });
            if (oldVersion >= 4) {
              const chunks = db.createObjectStore('itemChunks', { keyPath: 'chunk' });
              chunks.createIndex('byTree', 'treeIds', { multiEntry: true });
              chunks.createIndex('byLink', 'linkKeys', { multiEntry: true });
              if (oldVersion === 4) chunks.createIndex('byInputMetric', 'inputMetricIds', { multiEntry: true });
              db.deleteObjectStore('items');
            }
          };
          const db = (await done(opening)) as IDBDatabase;
          const tx = db.transaction([...db.objectStoreNames], 'readwrite');
          for (const store of ['trees', 'metrics', 'observations', 'reviews', 'history'] as const) {
            for (const record of ws[store]) tx.objectStore(store).put(record);
          }
          if (oldVersion < 4) {
            for (const item of ws.items)
              tx.objectStore('items').put({ ...item, linkKeys: item.links.map((l) => `${l.site}:${l.key}`) });
          } else {
            for (const chunk of oldChunks) tx.objectStore('itemChunks').put(chunk);
          }
          tx.objectStore('settings').put(ws.settings, 'settings');
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        [workspace, oldVersion, oldChunks] as const,
      );
      await lens.stopServiceWorker();

      const { formatVersion: _v, app: _a, ...data } = JSON.parse(await storedJson(lens)) as Record<string, unknown>;
      expect(data).toEqual(workspace);
      const version = await (await lens.serviceWorker()).evaluate(async () => {
        const dbs = await indexedDB.databases();
        return dbs.find((d) => d.name === 'north-star-lens')?.version;
      });
      expect(version).toBe(DB_VERSION);

      // The indexes version 2 added work on the old records: deleting the input metric unlinks its item.
      await lens.call({ type: 'metric.delete', id: 'in1' });
      const after = await lens.call({ type: 'snapshot.get', treeId: 't1' });
      expect(after.items.find((i) => i.id === 'i1')?.inputMetricId).toBeNull();
      expect(after.metrics.find((m) => m.id === 'team1')?.parentId).toBeNull();
      // Each old value is found in its metric's year, where a new value for its date corrects it in place.
      const corrected = await lens.call({ type: 'observation.add', metricId: 'nsm', at: '2024-01-08', value: 131 });
      expect(corrected.id).toBe('o2');
      const values = await lens.call({ type: 'observations.list', metricId: 'nsm' });
      expect(values.map((o) => [o.id, o.value])).toEqual([
        ['o1', 120],
        ['o2', 131],
      ]);
      const found = await lens.call({ type: 'page.context', links: [{ site: 'github', key: 'acme/app#42' }] });
      expect(found.item?.id).toBe('i1');
      // A write finds each old item where the current version looks for it.
      for (const item of workspace.items)
        await lens.call({ type: 'item.update', id: item.id, patch: { title: `${item.title}, edited` } });
      const edited = JSON.parse(await storedJson(lens)) as { items: { title: string }[] };
      expect(edited.items.map((i) => i.title)).toEqual(workspace.items.map((i) => `${i.title}, edited`));
      recordFigure(
        'upgrade: older schema versions opened in the browser with nothing lost',
        BROWSER_TESTED_VERSIONS.length,
      );
    },
  );
});
