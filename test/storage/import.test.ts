import { afterEach, describe, expect, it, vi } from 'vitest';
import { toWorkspaceFile } from '../../lib/domain/workspace-file';
import { NO_LOOP_RECORDS } from '../../lib/domain/types';
import {
  StorageError,
  clearWorkspace,
  createTree,
  exportWorkspace,
  findItemsByLinks,
  getItem,
  getSettings,
  importWorkspace,
  listTrees,
  previewImport,
  rankedScoresOf,
  updateItem,
  updateMetric,
  updateSettings,
} from '../../lib/storage';
import { failOnCall } from './fail-on-call';
import { freshDb, seedTree, storedData } from './fresh-db';
import { sampleLoopWorkspace as sampleWorkspace } from './sample-workspace';

type Doc = Record<string, unknown>;

afterEach(() => {
  vi.restoreAllMocks();
});

/** The sample workspace as a file that went through JSON, as a user's file would. */
function sampleFile(): Doc {
  return JSON.parse(JSON.stringify(toWorkspaceFile(sampleWorkspace(), new Date(0)))) as Doc;
}

function record(doc: Doc, store: string, index: number): Doc {
  return (doc[store] as Doc[])[index] as Doc;
}

const NOTHING = {
  trees: 0,
  metrics: 0,
  observations: 0,
  items: 0,
  reviews: 0,
  history: 0,
  worksheets: 0,
  keyResults: 0,
  thresholds: 0,
  shipments: 0,
  experiments: 0,
  reviewNotes: 0,
};
const NOTHING_OF_THE_LOOP = {
  worksheets: 0,
  keyResults: 0,
  thresholds: 0,
  shipments: 0,
  experiments: 0,
  reviewNotes: 0,
};
const SAMPLE_COUNTS = {
  trees: 1,
  metrics: 3,
  observations: 2,
  items: 2,
  reviews: 1,
  history: 1,
  worksheets: 1,
  keyResults: 1,
  thresholds: 1,
  shipments: 1,
  experiments: 1,
  reviewNotes: 1,
};

describe('importWorkspace', () => {
  it('round-trips: export, clear, import gives back an identical export', async () => {
    const db = await freshDb();
    await seedTree(db);
    await importWorkspace(db, sampleFile(), 'merge');
    const exported = await exportWorkspace(db);
    await clearWorkspace(db);
    await importWorkspace(db, JSON.parse(JSON.stringify(exported)), 'replace');
    const again = await exportWorkspace(db);
    expect({ ...again, exportedAt: exported.exportedAt }).toEqual(exported);
  });

  it('carries a metric’s pinned chart numbers through export and import', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    const chart = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
    const pins = [
      {
        sourceUrl: chart,
        label: 'Weekly active teams',
        labelAfter: false,
        shape: { prefix: '', percent: false },
        gap: 1,
        autoRecord: true,
      },
    ];
    await updateMetric(db, nsm.id, { sourceUrls: [chart], pins });
    const exported = await exportWorkspace(db);
    await clearWorkspace(db);
    await importWorkspace(db, JSON.parse(JSON.stringify(exported)), 'replace');
    expect((await exportWorkspace(db)).metrics.find((m) => m.id === nsm.id)?.pins).toEqual(pins);
  });

  it('reads a format 1 file (before the team loop) as having no loop records', async () => {
    const db = await freshDb();
    const { worksheets, keyResults, thresholds, shipments, experiments, reviewNotes, ...v1 } = sampleFile();
    const summary = await importWorkspace(db, { ...v1, formatVersion: 1 }, 'replace');
    expect(summary.added).toEqual({ ...SAMPLE_COUNTS, ...NOTHING_OF_THE_LOOP });
    const { formatVersion, app: _a, ...data } = await storedData(db);
    expect(formatVersion).toBe(2);
    expect(data).toEqual({ ...sampleWorkspace(), ...NO_LOOP_RECORDS });
  });

  it('imports into a new browser: records, links and settings all work', async () => {
    const db = await freshDb();
    const summary = await importWorkspace(db, JSON.stringify(sampleFile()), 'replace');
    expect(summary.added).toEqual(SAMPLE_COUNTS);
    expect((await findItemsByLinks(db, [{ site: 'github', key: 'acme/app#42' }])).get('github:acme/app#42')?.id).toBe(
      'i1',
    );
    expect(await getSettings(db)).toEqual(sampleWorkspace().settings);
  });

  describe('replace', () => {
    it('makes the workspace exactly the file, and counts what was added, changed and removed', async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'replace');
      await updateItem(db, 'i1', { notes: 'changed here' });
      const local = await createTree(db, { name: 'Only here' });

      const summary = await importWorkspace(db, sampleFile(), 'replace');

      expect(summary).toEqual({
        added: NOTHING,
        updated: { ...NOTHING, items: 1 },
        removed: { ...NOTHING, trees: 1 },
      });
      const { formatVersion: _f, app: _a, ...data } = await storedData(db);
      expect(data).toEqual(sampleWorkspace());
      expect((await listTrees(db)).map((t) => t.id)).not.toContain(local.id);
    });

    it('empties every store the file has nothing for', async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'replace');
      await rankedScoresOf(db, 't1');
      const bare = {
        ...sampleFile(),
        metrics: [],
        observations: [],
        items: [],
        reviews: [],
        history: [],
        ...NO_LOOP_RECORDS,
        settings: { activeTreeId: null, disabledSites: [], customDomains: [] },
      };
      await importWorkspace(db, bare, 'replace');
      const { formatVersion: _f, app: _a, ...data } = await storedData(db);
      expect(data).toEqual({
        ...sampleWorkspace(),
        metrics: [],
        observations: [],
        items: [],
        reviews: [],
        history: [],
        ...NO_LOOP_RECORDS,
        settings: bare.settings,
      });
      expect(await db.getAll('rankings')).toEqual([]);
    });

    it('clears only the stores that hold records, besides the settings and the derived rankings', async () => {
      const db = await freshDb();
      await createTree(db, { name: 'Only here' });
      const clear = vi.spyOn(IDBObjectStore.prototype, 'clear');
      await importWorkspace(db, sampleFile(), 'replace');
      expect(clear.mock.contexts.map((store) => (store as IDBObjectStore).name).sort()).toEqual([
        'rankings',
        'settings',
        'trees',
      ]);
    });

    it('counts nothing changed when importing what is already there', async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'replace');
      expect(await importWorkspace(db, sampleFile(), 'replace')).toEqual({
        added: NOTHING,
        updated: NOTHING,
        removed: NOTHING,
      });
    });

    it('counts a record whose fields come in another order as unchanged, and one changed deep inside as updated', async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'replace');
      const reordered = sampleFile();
      reordered.items = (reordered.items as Doc[]).map((item) => Object.fromEntries(Object.entries(item).reverse()));
      expect(await importWorkspace(db, reordered, 'replace')).toEqual({
        added: NOTHING,
        updated: NOTHING,
        removed: NOTHING,
      });

      const changed = sampleFile();
      const first = record(changed, 'items', 0);
      first.links = [
        ...(first.links as Doc[]),
        { site: 'jira', key: 'NEW-1', url: 'https://acme.atlassian.net/browse/NEW-1' },
      ];
      expect((await importWorkspace(db, changed, 'replace')).updated.items).toBe(1);
    });
  });

  describe('merge', () => {
    it("writes the file's records over the stored ones with the same id, and keeps the rest", async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'replace');
      await updateItem(db, 'i1', { notes: 'changed here' });
      const local = await seedTree(db, 'Only here');

      const summary = await importWorkspace(db, sampleFile(), 'merge');

      expect(summary).toEqual({ added: NOTHING, updated: { ...NOTHING, items: 1 }, removed: NOTHING });
      expect((await getItem(db, 'i1'))?.notes).toBe('after the redesign');
      expect(await getItem(db, local.item.id)).toEqual(local.item);
      expect((await listTrees(db)).map((t) => t.id).sort()).toEqual([local.tree.id, 't1'].sort());
    });

    it('keeps the local settings and active tree', async () => {
      const db = await freshDb();
      const local = await createTree(db, { name: 'Mine' });
      await updateSettings(db, { disabledSites: ['asana'] });
      await importWorkspace(db, sampleFile(), 'merge');
      expect(await getSettings(db)).toEqual({ activeTreeId: local.id, disabledSites: ['asana'], customDomains: [] });
    });

    it("takes the file's active tree when none is active here", async () => {
      const db = await freshDb();
      await importWorkspace(db, sampleFile(), 'merge');
      expect((await getSettings(db)).activeTreeId).toBe('t1');
    });

    it('refuses a file whose records would break stored ones, changing nothing', async () => {
      const db = await freshDb();
      const local = await seedTree(db);
      const doc = { ...sampleFile(), ...NO_LOOP_RECORDS };
      // The file redefines the stored input metric (same id) as an output metric of its own tree.
      record(doc, 'metrics', 0).id = local.input.id;
      record(doc, 'metrics', 0).role = 'output';
      record(doc, 'metrics', 2).parentId = local.input.id;
      record(doc, 'items', 0).inputMetricId = null;
      const before = await storedData(db);
      const failure = await importWorkspace(db, doc, 'merge').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('merging would break data already stored'),
      });
      expect(await storedData(db)).toEqual(before);
    });
  });

  describe('a bad file is refused whole, naming the bad field, and changes nothing', () => {
    it.each<[string, (doc: Doc) => unknown, string]>([
      ['not an object', () => 'just text', ''],
      ['an array', () => [sampleFile()], ''],
      ['a wrong format version', (d) => ({ ...d, formatVersion: 0 }), 'formatVersion'],
      ['a newer format version', (d) => ({ ...d, formatVersion: 3 }), 'formatVersion'],
      ['a record without id', (d) => (delete record(d, 'metrics', 1).id, d), 'metrics[1].id'],
      ['a field of the wrong type', (d) => ((record(d, 'trees', 0).createdAt = 'yesterday'), d), 'trees[0].createdAt'],
      ['a "NaN" estimate', (d) => (((record(d, 'items', 0).rice as Doc).effort = 'NaN'), d), 'items[0].rice.effort'],
      ['duplicate ids', (d) => ((record(d, 'items', 1).id = 'i1'), d), 'items[1].id'],
      [
        'a dangling reference',
        (d) => ((record(d, 'observations', 1).metricId = 'gone'), d),
        'observations[1].metricId',
      ],
      [
        'a __proto__ key',
        (d) => JSON.parse(JSON.stringify(d).replace('"title":', '"__proto__":{"x":1},"title":')),
        'items[0].__proto__',
      ],
      ['a huge string', (d) => ((record(d, 'items', 1).notes = 'n'.repeat(20_000)), d), 'items[1].notes'],
      ['an unknown key', (d) => ((record(d, 'reviews', 0).score = 5), d), 'reviews[0].score'],
      [
        'a bad link',
        (d) => (((record(d, 'items', 0).links as Doc[])[1]!.site = 'myspace'), d),
        'items[0].links[1].site',
      ],
      [
        'a value-event rating out of range',
        (d) => ((((record(d, 'worksheets', 0).valueEvents as Doc[])[0]!.ratings as Doc).frequency = 9), d),
        'worksheets[0].valueEvents[0].ratings.frequency',
      ],
      [
        'a key result on a missing metric',
        (d) => ((record(d, 'keyResults', 0).metricId = 'gone'), d),
        'keyResults[0].metricId',
      ],
      ['a key result due as text', (d) => ((record(d, 'keyResults', 0).due = 'soon'), d), 'keyResults[0].due'],
      ['an amber band of 500%', (d) => ((record(d, 'thresholds', 0).amberWithin = 5), d), 'thresholds[0].amberWithin'],
      [
        'two thresholds for one metric',
        (d) => ((d.thresholds as Doc[]).push({ ...record(d, 'thresholds', 0) }), d),
        'thresholds[1].metricId',
      ],
      ['a ship date of a missing item', (d) => ((record(d, 'shipments', 0).itemId = 'gone'), d), 'shipments[0].itemId'],
      [
        'an experiment on a missing metric',
        (d) => ((record(d, 'experiments', 0).inputMetricId = 'gone'), d),
        'experiments[0].inputMetricId',
      ],
      ['loop records in a format 1 file', (d) => ({ ...d, formatVersion: 1 }), 'worksheets'],
    ])('%s', async (_kind, breakFile, path) => {
      const db = await freshDb();
      await seedTree(db);
      const before = await storedData(db);
      for (const mode of ['replace', 'merge'] as const) {
        const failure = await importWorkspace(db, breakFile(sampleFile()), mode).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(StorageError);
        expect(failure).toMatchObject({ code: 'invalid' });
        expect((failure as StorageError).path ?? '').toBe(path);
        if (path)
          expect((failure as StorageError).message).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `));
        await expect(previewImport(db, breakFile(sampleFile()), mode)).rejects.toMatchObject({ code: 'invalid' });
      }
      expect(await storedData(db)).toEqual(before);
    });
  });

  describe('a failure while writing', () => {
    it('half way through a replace leaves the workspace as it was, and says storage is full', async () => {
      const db = await freshDb();
      await seedTree(db);
      const before = await storedData(db);
      failOnCall('put', 2, new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

      const failure = await importWorkspace(db, sampleFile(), 'replace').catch((e: unknown) => e);

      vi.restoreAllMocks();
      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toMatchObject({
        code: 'storage',
        message: expect.stringContaining('The browser refused to save (storage is full?)'),
      });
      expect(await storedData(db)).toEqual(before);
    });

    it('half way through a merge leaves the workspace as it was', async () => {
      const db = await freshDb();
      await seedTree(db);
      const before = await storedData(db);
      failOnCall('put', 5, new DOMException('Disk error', 'UnknownError'));
      await expect(importWorkspace(db, sampleFile(), 'merge')).rejects.toMatchObject({ code: 'storage' });
      vi.restoreAllMocks();
      expect(await storedData(db)).toEqual(before);
    });
  });
});

describe('previewImport', () => {
  it('tells what an import would do without doing it', async () => {
    const db = await freshDb();
    await seedTree(db);
    const before = await storedData(db);
    expect(await previewImport(db, sampleFile(), 'replace')).toEqual({
      added: SAMPLE_COUNTS,
      updated: NOTHING,
      removed: { ...NOTHING, trees: 1, metrics: 3, items: 1 },
    });
    expect(await previewImport(db, sampleFile(), 'merge')).toEqual({
      added: SAMPLE_COUNTS,
      updated: NOTHING,
      removed: NOTHING,
    });
    expect(await storedData(db)).toEqual(before);
  });
});
