import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  MIGRATIONS,
  deleteMetric,
  exportWorkspace,
  findItemsByLinks,
  getItem,
  listMetrics,
  openWorkspaceDb,
  rankedScoresOf,
  type LensDb,
} from '../../lib/storage';
import { rankItems, rankedScores } from '../../lib/domain/ranking';
import { freshFactory, storedData } from './fresh-db';
import { sampleWorkspace } from './sample-workspace';

/** Writes the sample the way version 1 stored it: items carry their derived link keys. */
async function fillVersion1(db: LensDb): Promise<void> {
  const ws = sampleWorkspace();
  const tx = db.transaction(['trees', 'metrics', 'observations', 'items', 'reviews', 'history', 'settings'], 'readwrite');
  for (const r of ws.trees) void tx.objectStore('trees').put(r);
  for (const r of ws.metrics) void tx.objectStore('metrics').put(r);
  for (const r of ws.observations) void tx.objectStore('observations').put(r);
  for (const r of ws.items) void tx.objectStore('items').put({ ...r, linkKeys: r.links.map((l) => `${l.site}:${l.key}`) });
  for (const r of ws.reviews) void tx.objectStore('reviews').put(r);
  for (const r of ws.history) void tx.objectStore('history').put(r);
  void tx.objectStore('settings').put(ws.settings, 'settings');
  await tx.done;
}

function layout(db: LensDb): Record<string, string[]> {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  return Object.fromEntries([...db.objectStoreNames].map((name) => [name, [...tx.objectStore(name).indexNames]]));
}

describe('migrations', () => {
  it('are listed in ascending version order, ending at the current version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
  });

  it('build version 1 with the stores and indexes of the original schema', async () => {
    const db = await openWorkspaceDb('v1', freshFactory(), 1);
    expect(db.version).toBe(1);
    expect(layout(db)).toEqual({
      history: ['byTree'],
      items: ['byLink', 'byTree'],
      metrics: ['byTree'],
      observations: ['byMetricDate'],
      reviews: ['byTree'],
      settings: [],
      trees: [],
    });
  });

  it('bring a new database straight to the current version', async () => {
    const db = await openWorkspaceDb('new', freshFactory());
    expect(db.version).toBe(DB_VERSION);
    expect(layout(db)).toMatchObject({ items: ['byInputMetric', 'byLink', 'byTree'], metrics: ['byParent', 'byTree'], rankings: [] });
  });

  describe('opening a version 1 database full of data', () => {
    async function upgraded(): Promise<LensDb> {
      const factory = freshFactory();
      const old = await openWorkspaceDb('north-star-lens', factory, 1);
      await fillVersion1(old);
      old.close();
      return openWorkspaceDb('north-star-lens', factory);
    }

    it('upgrades it to the current version with nothing lost or changed', async () => {
      const db = await upgraded();
      expect(db.version).toBe(DB_VERSION);
      const { formatVersion: _f, app: _a, ...data } = await storedData(db);
      expect(data).toEqual(sampleWorkspace());
    });

    it('indexes the old records, so deleting a metric finds the items and metrics that pointed at it', async () => {
      const db = await upgraded();
      await deleteMetric(db, 'in1');
      expect((await getItem(db, 'i1'))?.inputMetricId).toBeNull();
      expect((await listMetrics(db, 't1')).find((m) => m.id === 'team1')?.parentId).toBeNull();
    });

    it('still finds the old items by their links', async () => {
      const db = await upgraded();
      const found = await findItemsByLinks(db, [{ site: 'github', key: 'acme/app#42' }]);
      expect(found.get('github:acme/app#42')?.id).toBe('i1');
    });

    it('ranks the old items when first asked, as a new database would', async () => {
      const db = await upgraded();
      const items = sampleWorkspace().items.filter((i) => i.treeId === 't1');
      const scores = await rankedScoresOf(db, 't1');
      expect(scores).toEqual(rankedScores(rankItems(items, sampleWorkspace().metrics)));
    });

    it('exports as a database created at the current version would', async () => {
      const db = await upgraded();
      expect((await exportWorkspace(db)).items).toEqual(sampleWorkspace().items);
    });
  });
});
