import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  MIGRATIONS,
  addObservation,
  createKeyResult,
  deleteMetric,
  deleteTree,
  readTreeLoop,
  setShipDate,
  setReviewNote,
  exportWorkspace,
  findItemsByLinks,
  getItem,
  listMetrics,
  listObservations,
  openWorkspaceDb,
  rankedScoresOf,
  updateItem,
  type LensDb,
} from '../../lib/storage';
import { rankItems, rankedScores } from '../../lib/domain/ranking';
import { NO_LOOP_RECORDS } from '../../lib/domain/types';
import { chunked, chunkOf } from '../../lib/storage/item-chunks';
import { observationChunks } from '../../lib/storage/observation-chunks';
import type { UpgradeDb } from '../../lib/storage/migrations';
import { freshFactory, storedData } from './fresh-db';
import { sampleWorkspace } from './sample-workspace';
import { VERSION_4_CHUNKS, version4Chunks } from './version-4-chunks';

/**
 * Writes the sample the way `version` stored it: one record per item with its derived
 * link keys (versions 1 to 3), the items in VERSION_4_CHUNKS chunks (version 4) or in
 * the current chunks (version 5); one record per observation (versions 1 to 6), then a
 * chunk per metric and year (version 7).
 */
async function fillOldVersion(old: LensDb, version: number, ws = sampleWorkspace()): Promise<void> {
  const db = old as unknown as UpgradeDb;
  const itemStore = version < 4 ? 'items' : 'itemChunks';
  const observationStore = version < 7 ? 'observations' : 'observationChunks';
  const tx = db.transaction(
    ['trees', 'metrics', observationStore, itemStore, 'reviews', 'history', 'settings'],
    'readwrite',
  );
  for (const r of ws.trees) void tx.objectStore('trees').put(r);
  for (const r of ws.metrics) void tx.objectStore('metrics').put(r);
  if (version < 7) for (const r of ws.observations) void tx.objectStore('observations').put(r);
  else for (const chunk of observationChunks(ws.observations)) void tx.objectStore('observationChunks').put(chunk);
  if (version < 4) {
    for (const r of ws.items)
      void tx.objectStore('items').put({ ...r, linkKeys: r.links.map((l) => `${l.site}:${l.key}`) });
  } else {
    const chunks = version === 4 ? version4Chunks(ws.items) : chunked(ws.items);
    for (const chunk of chunks) void tx.objectStore('itemChunks').put(chunk);
  }
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
    expect(DB_VERSION).toBe(9);
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
    expect(layout(db)).toEqual({
      experiments: ['byInputMetric', 'byTree'],
      reviewNotes: ['byTree', 'byTreeWeek'],
      history: ['byTree'],
      itemChunks: ['byLink', 'byTree'],
      keyResults: ['byMetric', 'byTree'],
      metrics: ['byParent', 'byTree'],
      observationChunks: [],
      rankings: [],
      reviews: ['byTree'],
      settings: [],
      shareRecords: [],
      shares: [],
      shipments: ['byItem', 'byTree'],
      thresholds: [],
      trees: [],
      worksheets: ['byTree'],
    });
  });

  it('leave a version 3 database as it was when moving its items fails', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 3);
    await fillOldVersion(old, 3);
    await (old as unknown as UpgradeDb).put('items', { id: 'broken', linkKeys: [] } as never);
    old.close();
    await expect(openWorkspaceDb('north-star-lens', factory)).rejects.toMatchObject({ code: 'storage' });
    const reopened = await openWorkspaceDb('north-star-lens', factory, 3);
    expect(reopened.version).toBe(3);
    expect([...reopened.objectStoreNames]).toContain('items');
    expect(await (reopened as unknown as UpgradeDb).count('items')).toBe(sampleWorkspace().items.length + 1);
  });

  it('leave a version 4 database as it was when rewriting its chunks fails', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 4);
    await fillOldVersion(old, 4);
    await (old as unknown as UpgradeDb).put('itemChunks', {
      chunk: 9999,
      items: [{ id: 'broken' }],
      treeIds: [],
      linkKeys: [],
      inputMetricIds: [],
    } as never);
    old.close();
    await expect(openWorkspaceDb('north-star-lens', factory)).rejects.toMatchObject({ code: 'storage' });
    const reopened = await openWorkspaceDb('north-star-lens', factory, 4);
    expect(reopened.version).toBe(4);
    const chunks = await reopened.getAll('itemChunks');
    expect(chunks.map((c) => c.chunk)).toEqual(
      [...version4Chunks(sampleWorkspace().items).map((c) => c.chunk), 9999].sort((a, b) => a - b),
    );
  });

  it('rewrite version 4 chunks at a count that moves some of the sample’s items', () => {
    // Otherwise the version 4 case below would pass without version 5 doing anything.
    expect(sampleWorkspace().items.some((item) => chunkOf(item.id, VERSION_4_CHUNKS) !== chunkOf(item.id))).toBe(true);
  });

  describe.each([1, 2, 3, 4, 5, 6, 7])('opening a version %i database full of data', (oldVersion) => {
    async function upgraded(): Promise<LensDb> {
      const factory = freshFactory();
      const old = await openWorkspaceDb('north-star-lens', factory, oldVersion);
      await fillOldVersion(old, oldVersion);
      old.close();
      return openWorkspaceDb('north-star-lens', factory);
    }

    it('moves every item into the chunk its id hashes to, without the old derived keys, and drops the old store', async () => {
      const db = await upgraded();
      expect([...db.objectStoreNames]).not.toContain('items');
      const chunks = await db.getAll('itemChunks');
      const stored = chunks.flatMap((c) => c.items.map((item) => ({ chunk: c.chunk, item })));
      expect(stored).toHaveLength(sampleWorkspace().items.length);
      for (const c of chunks) expect(c).not.toHaveProperty('inputMetricIds');
      for (const { chunk, item } of stored) {
        expect(chunk).toBe(chunkOf(item.id));
        expect(item).not.toHaveProperty('linkKeys');
      }
    });

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

    it('changes every old item in place, where a write looks for it', async () => {
      const db = await upgraded();
      for (const item of sampleWorkspace().items) await updateItem(db, item.id, { title: `${item.title}, edited` });
      const stored = (await exportWorkspace(db)).items;
      expect(stored.map((item) => item.title)).toEqual(sampleWorkspace().items.map((item) => `${item.title}, edited`));
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

    it('starts the team loop empty, and a tree deleted afterwards takes its loop records with it', async () => {
      const db = await upgraded();
      expect(await readTreeLoop(db, 't1')).toEqual({
        worksheet: null,
        keyResults: [],
        thresholds: [],
        shipments: [],
        experiments: [],
        reviewNotes: [],
      });
      await createKeyResult(db, {
        treeId: 't1',
        quarter: '2024-Q1',
        metricId: 'in1',
        team: 'Growth',
        baseline: 1,
        target: 2,
        due: '2024-03-31',
      });
      await setShipDate(db, 'i1', '2024-01-10');
      await setReviewNote(db, 't1', '2024-W01', '2024-01-10', 'First review after the upgrade');
      expect((await readTreeLoop(db, 't1')).keyResults).toHaveLength(1);
      await deleteTree(db, 't1');
      const { worksheets, keyResults, thresholds, shipments, experiments, reviewNotes } = await storedData(db);
      expect({ worksheets, keyResults, thresholds, shipments, experiments, reviewNotes }).toEqual(NO_LOOP_RECORDS);
    });

    it('exports as a database created at the current version would', async () => {
      const db = await upgraded();
      expect((await exportWorkspace(db)).items).toEqual(sampleWorkspace().items);
    });
  });
});

describe('version 7: observations in a chunk per metric and year', () => {
  /** The sample with values over two years for one metric and one for another, as a version 5 database held them. */
  function observationsOverYears() {
    const ws = sampleWorkspace();
    const more = [
      { id: 'o3', metricId: 'nsm', at: '2023-12-25', value: 110 },
      { id: 'o4', metricId: 'in1', at: '2024-01-08', value: 7 },
      { id: 'o0', metricId: 'nsm', at: '2023-12-18', value: 100 },
    ];
    ws.observations.push(...more.map((o) => ({ ...o, sourceUrl: '', note: '', updatedAt: 1 })));
    ws.observations.sort((a, b) => (a.id < b.id ? -1 : 1));
    return ws;
  }

  async function upgradedFrom5(ws = observationsOverYears()): Promise<LensDb> {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 5);
    await fillOldVersion(old, 5, ws);
    old.close();
    return openWorkspaceDb('north-star-lens', factory);
  }

  it('moves each observation, id and all, into its metric’s chunk for its year, and drops the old store', async () => {
    const db = await upgradedFrom5();
    expect([...db.objectStoreNames]).not.toContain('observations');
    const chunks = await db.getAll('observationChunks');
    expect(chunks.map((c) => [c.metricId, c.year, c.observations.map((o) => o.id)])).toEqual([
      ['in1', '2024', ['o4']],
      ['nsm', '2023', ['o0', 'o3']],
      ['nsm', '2024', ['o1', 'o2']],
    ]);
    const { formatVersion: _f, app: _a, ...data } = await storedData(db);
    expect(data).toEqual(observationsOverYears());
  });

  it('lists an old metric’s values oldest first across years, and a new value for an old date corrects it in place', async () => {
    const db = await upgradedFrom5();
    expect((await listObservations(db, 'nsm')).map((o) => o.at)).toEqual([
      '2023-12-18',
      '2023-12-25',
      '2024-01-01',
      '2024-01-08',
    ]);
    const corrected = await addObservation(db, { metricId: 'nsm', at: '2023-12-25', value: 111 });
    expect(corrected.id).toBe('o3');
    expect((await listObservations(db, 'nsm')).map((o) => [o.id, o.value])).toEqual([
      ['o0', 100],
      ['o3', 111],
      ['o1', 120],
      ['o2', 130.5],
    ]);
  });

  it('deletes an old metric’s values with it, every year, and no other metric’s', async () => {
    const db = await upgradedFrom5();
    await deleteMetric(db, 'nsm');
    expect(await listObservations(db, 'nsm')).toEqual([]);
    expect((await listObservations(db, 'in1')).map((o) => o.id)).toEqual(['o4']);
  });

  it('leaves a version 5 database as it was when moving its observations fails', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 5);
    await fillOldVersion(old, 5);
    await (old as unknown as UpgradeDb).put('observations', { id: 'broken' } as never);
    old.close();
    await expect(openWorkspaceDb('north-star-lens', factory)).rejects.toMatchObject({ code: 'storage' });
    const reopened = await openWorkspaceDb('north-star-lens', factory, 5);
    expect(reopened.version).toBe(5);
    expect(await (reopened as unknown as UpgradeDb).count('observations')).toBe(
      sampleWorkspace().observations.length + 1,
    );
  });
});
