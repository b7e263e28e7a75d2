import { afterEach, describe, expect, it, vi } from 'vitest';
import { toWorkspaceFile } from '../../lib/domain/workspace-file';
import type { Item, Observation, Workspace } from '../../lib/domain/types';
import { chunkOf, exportWorkspace, findItemsByLinks, importWorkspace, listObservations } from '../../lib/storage';
import { freshDb } from './fresh-db';
import { sampleWorkspace } from './sample-workspace';

afterEach(() => {
  vi.restoreAllMocks();
});

const T = 1_700_000_000_000;

function item(n: number): Item {
  return {
    id: `item-${n}`,
    treeId: 't1',
    title: `Idea ${n}`,
    links: [{ site: 'jira', key: `BIG-${n}`, url: `https://acme.atlassian.net/browse/BIG-${n}` }],
    inputMetricId: 'in1',
    rice: { reach: n, impact: 1, confidence: 1, effort: 1 },
    status: 'idea',
    notes: '',
    createdAt: T + n,
    updatedAt: T + n,
  };
}

function observation(n: number, metricId: string, at: string): Observation {
  return { id: `obs-${n}`, metricId, at, value: n, sourceUrl: '', note: '', updatedAt: T };
}

/** The sample workspace with `items` and `observations` instead of its own, as a file would carry them. */
function file(items: Item[], observations: Observation[] = []): unknown {
  const ws: Workspace = { ...sampleWorkspace(), items, observations };
  return JSON.parse(JSON.stringify(toWorkspaceFile(ws, new Date(0))));
}

/** The names of the stores `method` was called on, one entry per call, since `spy` began. */
function storesCalled(spy: { mock: { contexts: unknown[] } }): string[] {
  return spy.mock.contexts.map((store) => (store as IDBObjectStore).name);
}

describe('a merge writes only the chunks its records touch', () => {
  it('rewrites the item chunks holding the file’s ids, and leaves the others as stored', async () => {
    const db = await freshDb();
    const stored = Array.from({ length: 2000 }, (_, i) => item(i + 1));
    await importWorkspace(db, file(stored), 'replace');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const clear = vi.spyOn(IDBObjectStore.prototype, 'clear');

    const incoming = [item(5), { ...item(2001), title: 'New' }];
    const summary = await importWorkspace(db, file(incoming), 'merge');

    const chunks = new Set(incoming.map((i) => chunkOf(i.id)));
    expect(storesCalled(put).filter((name) => name === 'itemChunks')).toHaveLength(chunks.size);
    expect(storesCalled(clear)).toEqual(['rankings']);
    expect(summary.added.items).toBe(1);
    const all = (await exportWorkspace(db)).items;
    expect(all).toHaveLength(2001);
    expect(all.find((i) => i.id === 'item-1999')).toEqual(item(1999));
    const found = await findItemsByLinks(db, [
      { site: 'jira', key: 'BIG-1999' },
      { site: 'jira', key: 'BIG-2001' },
    ]);
    expect([...found.values()].map((i) => i.id).sort()).toEqual(['item-1999', 'item-2001']);
  });

  it('writes an observation’s year of its metric, and no other', async () => {
    const db = await freshDb();
    await importWorkspace(
      db,
      file(
        [],
        [observation(1, 'nsm', '2023-05-01'), observation(2, 'nsm', '2024-05-01'), observation(3, 'in1', '2024-05-02')],
      ),
      'replace',
    );
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    await importWorkspace(db, file([], [observation(4, 'nsm', '2024-06-01')]), 'merge');
    expect(storesCalled(put).filter((name) => name === 'observationChunks')).toHaveLength(1);
    expect((await listObservations(db, 'nsm')).map((o) => o.id)).toEqual(['obs-1', 'obs-2', 'obs-4']);
    expect((await listObservations(db, 'in1')).map((o) => o.id)).toEqual(['obs-3']);
  });

  it('moves an observation the file gives another metric or year, emptying its old chunk', async () => {
    const db = await freshDb();
    await importWorkspace(
      db,
      file([], [observation(1, 'nsm', '2023-05-01'), observation(2, 'nsm', '2024-05-01')]),
      'replace',
    );
    await importWorkspace(
      db,
      file([], [observation(1, 'in1', '2024-05-03'), observation(2, 'nsm', '2022-01-01')]),
      'merge',
    );
    expect(await listObservations(db, 'nsm')).toEqual([observation(2, 'nsm', '2022-01-01')]);
    expect(await listObservations(db, 'in1')).toEqual([observation(1, 'in1', '2024-05-03')]);
    expect((await exportWorkspace(db)).observations.map((o) => o.id)).toEqual(['obs-1', 'obs-2']);
    expect((await db.getAllKeys('observationChunks')).sort()).toEqual([
      ['in1', '2024'],
      ['nsm', '2022'],
    ]);
  });
});
