import { describe, expect, it } from 'vitest';
import { toWorkspaceFile } from '../../lib/domain/workspace-file';
import type { Item, Workspace } from '../../lib/domain/types';
import {
  deleteItem,
  deleteMetric,
  deleteTree,
  exportWorkspace,
  findItemsByLinks,
  getItem,
  importWorkspace,
  listItems,
  rankedScoresOf,
  updateItem,
} from '../../lib/storage';
import { ITEM_CHUNK_COUNT, chunkOf } from '../../lib/storage/item-chunks';
import { freshDb } from './fresh-db';
import { sampleWorkspace } from './sample-workspace';

/** Ids that share one chunk, found by trying: what the chunked layout must keep apart. */
function sameChunkIds(count: number): string[] {
  const byChunk = new Map<number, string[]>();
  for (let n = 0; ; n++) {
    const id = `item-${n}`;
    const ids = byChunk.get(chunkOf(id)) ?? [];
    ids.push(id);
    byChunk.set(chunkOf(id), ids);
    if (ids.length === count) return ids;
  }
}

const [A, B, C] = sameChunkIds(3) as [string, string, string];

/** Two trees, with items of both (and one untagged) in one chunk. */
function workspace(): Workspace {
  const ws = sampleWorkspace();
  const base = ws.items[0]!;
  const t2 = { ...ws.trees[0]!, id: 't2', name: 'Other' };
  const item = (id: string, treeId: string, key: string, inputMetricId: string | null): Item => ({
    ...base,
    id,
    treeId,
    title: `Item ${id}`,
    links: [{ site: 'jira', key, url: `https://acme.atlassian.net/browse/${key}` }],
    inputMetricId,
  });
  return {
    ...ws,
    trees: [...ws.trees, t2],
    items: [item(A, 't1', 'ABC-1', 'in1'), item(B, 't1', 'ABC-2', 'team1'), item(C, 't2', 'ABC-1', null)],
  };
}

async function seeded() {
  const db = await freshDb();
  await importWorkspace(db, JSON.parse(JSON.stringify(toWorkspaceFile(workspace(), new Date(0)))), 'replace');
  return db;
}

describe('the chunked item layout', () => {
  it('puts an id in the same chunk in every release of a storage version: stored chunks are found by this hash', () => {
    const ids = ['i1', 'item-1', '0f8fad5b-d9cb-469f-a165-70867728950e'];
    expect(ids.map((id) => chunkOf(id))).toEqual([175, 992, 705]);
    // Where version 4 stored them, which version 5's migration reads.
    expect(ids.map((id) => chunkOf(id, 256))).toEqual([175, 224, 193]);
    for (const id of ['', 'a', 'x'.repeat(200)]) expect(chunkOf(id)).toBeLessThan(ITEM_CHUNK_COUNT);
  });

  it('stores the items of one chunk together and reads them back in id order', async () => {
    const db = await seeded();
    const chunks = await db.getAll('itemChunks');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      chunk: chunkOf(A),
      treeIds: ['t1', 't2'],
      linkKeys: ['jira:ABC-1', 'jira:ABC-2'],
    });
    expect(chunks[0]).not.toHaveProperty('inputMetricIds');
    expect((await exportWorkspace(db)).items.map((i) => i.id)).toEqual([A, B, C].sort());
  });

  it('lists only the tree’s own items from a shared chunk', async () => {
    const db = await seeded();
    expect((await listItems(db, 't2')).map((i) => i.id)).toEqual([C]);
    expect((await listItems(db, 't1')).map((i) => i.id).sort()).toEqual([A, B].sort());
  });

  it('finds by link only the items that carry it, not their chunk mates', async () => {
    const db = await seeded();
    const found = await findItemsByLinks(db, [{ site: 'jira', key: 'ABC-2' }], 't1');
    expect([...found].map(([key, item]) => [key, item.id])).toEqual([['jira:ABC-2', B]]);
    expect((await findItemsByLinks(db, [{ site: 'jira', key: 'ABC-1' }], 't2')).get('jira:ABC-1')?.id).toBe(C);
  });

  it('changes one item of a chunk and leaves the others as they were', async () => {
    const db = await seeded();
    const before = await exportWorkspace(db);
    await updateItem(db, B, { title: 'Renamed', links: [] });
    const after = await exportWorkspace(db);
    expect(after.items.find((i) => i.id === A)).toEqual(before.items.find((i) => i.id === A));
    expect(after.items.find((i) => i.id === C)).toEqual(before.items.find((i) => i.id === C));
    expect((await getItem(db, B))?.title).toBe('Renamed');
    // The chunk's derived keys follow its items: ABC-2 no longer finds anything.
    expect((await findItemsByLinks(db, [{ site: 'jira', key: 'ABC-2' }])).size).toBe(0);
  });

  it('deletes one item of a chunk, and the chunk with its last item', async () => {
    const db = await seeded();
    await deleteItem(db, A);
    expect(await getItem(db, A)).toBeNull();
    expect((await getItem(db, B))?.id).toBe(B);
    await deleteItem(db, B);
    await deleteItem(db, C);
    expect(await db.getAll('itemChunks')).toEqual([]);
  });

  it('deleting a tree takes only its items out of a shared chunk', async () => {
    const db = await seeded();
    await deleteTree(db, 't2');
    expect((await exportWorkspace(db)).items.map((i) => i.id).sort()).toEqual([A, B].sort());
    expect((await db.getAll('itemChunks'))[0]?.treeIds).toEqual(['t1']);
  });

  it('deleting a metric unlinks only the items that moved it', async () => {
    const db = await seeded();
    await deleteMetric(db, 'team1');
    expect((await getItem(db, A))?.inputMetricId).toBe('in1');
    expect((await getItem(db, B))?.inputMetricId).toBeNull();
    expect(await rankedScoresOf(db, 't1')).toHaveLength(1);
  });

  it('merging a file keeps the stored items of the same chunk that the file lacks', async () => {
    const db = await seeded();
    const file = toWorkspaceFile(
      {
        ...workspace(),
        items: workspace()
          .items.filter((i) => i.id === A)
          .map((i) => ({ ...i, title: 'From the file' })),
      },
      new Date(0),
    );
    await importWorkspace(db, JSON.parse(JSON.stringify(file)), 'merge');
    const items = (await exportWorkspace(db)).items;
    expect(items.map((i) => [i.id, i.title]).sort()).toEqual(
      [
        [A, 'From the file'],
        [B, `Item ${B}`],
        [C, `Item ${C}`],
      ].sort(),
    );
  });
});
