/**
 * The background answers pages from a derived copy of the items and metrics. These tests
 * hold it to the database: after every kind of write, what a page is told is what a
 * fresh read of the database would say.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheFor, handle, type StoredRequestType } from '../../lib/background/dispatch';
import { rankItems, rankedScores } from '../../lib/domain/ranking';
import type { RequestOf } from '../../lib/messaging/protocol';
import { chunkOf, listItems, listMetrics, openWorkspaceDb, type LensDb } from '../../lib/storage';
import type { Item } from '../../lib/domain/types';
import { freshFactory } from '../storage/fresh-db';

let db: LensDb;
let factory: IDBFactory;
/** Another connection to the same database, as a restarted worker opens: it starts with no copy. */
const freshConnection = () => openWorkspaceDb('north-star-lens', factory);
const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handle(db, request)).value;
/** Until the copy is read, pages are answered from the database; these tests are about the copy. */
const copyRead = () => cacheFor(db).load();
const link = (key: string) => ({ site: 'jira' as const, key, url: `https://acme.atlassian.net/browse/${key}` });

async function seed() {
  const tree = await call({ type: 'tree.create', name: 'Product' });
  await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const invites = await call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: 'Teams inviting a colleague',
  });
  const shares = await call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Projects shared' });
  const items = [];
  for (const [key, reach] of [
    ['A-1', 100],
    ['A-2', 300],
    ['A-3', 200],
  ] as const) {
    const item = await call({
      type: 'item.create',
      treeId: tree.id,
      title: key,
      links: [link(key)],
      inputMetricId: invites.id,
    });
    items.push(
      await call({ type: 'item.update', id: item.id, patch: { rice: { reach, impact: 1, confidence: 1, effort: 1 } } }),
    );
  }
  return { tree, invites, shares, items };
}

/** What page.context would say for A-1 if it read everything from the database now. */
async function fromDatabase(treeId: string, ownId: string) {
  const [items, metrics] = await Promise.all([listItems(db, treeId), listMetrics(db, treeId)]);
  return rankedScores(
    rankItems(
      items.filter((i) => i.id !== ownId),
      metrics,
    ),
  );
}

beforeEach(async () => {
  factory = freshFactory();
  db = await freshConnection();
});

describe('answers from the derived copy', () => {
  it('show an edit of another item in the scores of the next page, once the edit is stored', async () => {
    const { tree, items } = await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    await copyRead();
    await call({ type: 'item.update', id: items[1]!.id, patch: { rice: { reach: 50 } } });
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(context.otherScores).toEqual([200, 50]);
    expect(context.otherScores).toEqual(await fromDatabase(tree.id, items[0]!.id));
  });

  it('show a tag changed in one tab to every other tab, and on the badges', async () => {
    const { shares, items } = await seed();
    await call({ type: 'badges.lookup', links: [{ site: 'jira', key: 'A-3' }] });
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-3' }], withScores: true });
    await copyRead();
    await call({ type: 'item.update', id: items[2]!.id, patch: { inputMetricId: shares.id } });
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-3' }], withScores: true })).item
        ?.inputMetricId,
    ).toBe(shares.id);
    const [badge] = await call({ type: 'badges.lookup', links: [{ site: 'jira', key: 'A-3' }] });
    expect(badge?.metricName).toBe('Projects shared');
  });

  it('forget a deleted item and find a new one', async () => {
    const { tree, items } = await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    await copyRead();
    await call({ type: 'item.delete', id: items[1]!.id });
    await call({ type: 'item.create', treeId: tree.id, title: 'new', links: [link('B-1')] });
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-2' }], withScores: true })).item,
    ).toBeNull();
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'B-1' }], withScores: true })).item?.title,
    ).toBe('new');
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true })).otherScores,
    ).toEqual([200]);
  });

  it('re-rank every item when a metric’s leverage changes', async () => {
    const { tree, invites, items } = await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    await copyRead();
    await call({ type: 'metric.update', id: invites.id, patch: { leverage: 2 } });
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(context.otherScores).toEqual([600, 400]);
    expect(context.otherScores).toEqual(await fromDatabase(tree.id, items[0]!.id));
  });

  it('give the imported workspace after an import, not the one before', async () => {
    const { items } = await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    await copyRead();
    const exported = await call({ type: 'workspace.export' });
    await call({ type: 'item.delete', id: items[0]!.id });
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true })).item,
    ).toBeNull();
    await call({ type: 'workspace.import', document: exported, mode: 'replace' });
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true })).item?.id,
    ).toBe(items[0]!.id);
  });

  it('show a site switched off, and a newly created tree, to the next page', async () => {
    await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'NEW-1' }], withScores: true });
    await copyRead();
    await call({ type: 'sites.settings' });
    await call({ type: 'settings.update', patch: { disabledSites: ['jira'] } });
    expect((await call({ type: 'sites.settings' })).disabledSites).toEqual(['jira']);
    const other = await call({ type: 'tree.create', name: 'Second product' });
    await call({ type: 'settings.update', patch: { activeTreeId: other.id } });
    expect(
      (await call({ type: 'page.context', links: [{ site: 'jira', key: 'NEW-1' }], withScores: true })).tree?.name,
    ).toBe('Second product');
  });

  it('show a ticket renamed in the dashboard on its page', async () => {
    const { items } = await seed();
    await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    await copyRead();
    await call({ type: 'item.update', id: items[0]!.id, patch: { title: 'renamed' } });
    const again = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(again.item?.title).toBe('renamed');
  });
});

describe('what the dashboard loads', () => {
  it('is, from the copy, what the database holds, in the same order', async () => {
    const { tree, items, shares } = await seed();
    const fromStore = await call({ type: 'snapshot.get' });
    await copyRead();
    expect(await call({ type: 'snapshot.get' })).toEqual(fromStore);
    await call({ type: 'item.update', id: items[0]!.id, patch: { inputMetricId: shares.id } });
    await call({ type: 'item.create', treeId: tree.id, title: 'later', links: [link('Z-1')] });
    const fromCopy = await call({ type: 'snapshot.get' });
    expect(fromCopy.items).toEqual(await listItems(db, tree.id));
    expect(fromCopy.metrics).toEqual(await listMetrics(db, tree.id));
  });
});

describe('a worker that just started', () => {
  it('answers a page from the stored ranking before it has read every item, and the same as after', async () => {
    const { items } = await seed();
    const cold = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(cacheFor(db).ready).toBe(false);
    await copyRead();
    const warm = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(cold).toEqual(warm);
    expect(cold.item?.id).toBe(items[0]!.id);
    expect(cold.otherScores).toEqual([300, 200]);
  });
});

describe('item writes made from the copy', () => {
  it('refuse a tag to a metric deleted a moment before, and accept one created a moment before', async () => {
    const { tree, shares, items } = await seed();
    await copyRead();
    await call({ type: 'metric.delete', id: shares.id });
    await expect(
      call({ type: 'item.update', id: items[0]!.id, patch: { inputMetricId: shares.id } }),
    ).rejects.toMatchObject({
      code: 'invalid',
      path: 'inputMetricId',
    });
    await copyRead();
    const fresh = await call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Comments written' });
    const tagged = await call({ type: 'item.update', id: items[0]!.id, patch: { inputMetricId: fresh.id } });
    expect(tagged.inputMetricId).toBe(fresh.id);
  });

  it('refuse a tag sent while that metric is being deleted, even from a copy that still lists it', async () => {
    const { shares, items } = await seed();
    await copyRead();
    const deleting = call({ type: 'metric.delete', id: shares.id });
    const tagging = call({ type: 'item.update', id: items[0]!.id, patch: { inputMetricId: shares.id } });
    await deleting;
    await expect(tagging).rejects.toMatchObject({ code: 'invalid', path: 'inputMetricId' });
    const stored = (await listItems(db, items[0]!.treeId)).find((i) => i.id === items[0]!.id);
    expect(stored?.inputMetricId).not.toBe(shares.id);
  });

  it('score a tag from the copy as the database would: the stored ranking a new worker reads matches', async () => {
    const { tree, shares, items } = await seed();
    await call({ type: 'metric.update', id: shares.id, patch: { leverage: 3 } });
    const pageA2: RequestOf<'page.context'> = {
      type: 'page.context',
      links: [{ site: 'jira', key: 'A-2' }],
      withScores: true,
    };
    await handle(await freshConnection(), pageA2); // a cold read stores the tree's ranking
    await copyRead();
    await call({ type: 'item.update', id: items[0]!.id, patch: { inputMetricId: shares.id } });
    const cold = await handle(await freshConnection(), pageA2);
    expect(cold.value.otherScores).toEqual(await fromDatabase(tree.id, items[1]!.id));
  });

  it('lose neither of two edits to one item when the later one reaches the database first', async () => {
    const { items } = await seed();
    const target = items[0]!;
    await copyRead();
    // An estimate is checked against the stored item before its write starts; a note is
    // not, so the note's write, sent second, starts and commits first.
    await Promise.all([
      call({ type: 'item.update', id: target.id, patch: { rice: { reach: 900 } } }),
      call({ type: 'item.update', id: target.id, patch: { notes: 'Sent second' } }),
    ]);
    const stored = (await listItems(db, target.treeId)).find((i) => i.id === target.id)!;
    expect(stored.rice.reach).toBe(900);
    expect(stored.notes).toBe('Sent second');
  });

  it('keep every other item stored beside the written one, even one of no tree', async () => {
    const { items } = await seed();
    const target = items[0]!;
    const orphan: Item = {
      ...target,
      id: idInChunkOf(target.id),
      treeId: 'tree-that-was-deleted',
      title: 'Orphan',
      links: [],
    };
    const chunk = await db.get('itemChunks', chunkOf(target.id));
    await db.put('itemChunks', { ...chunk!, items: [...chunk!.items, orphan] });
    await copyRead();
    await call({ type: 'item.update', id: target.id, patch: { title: 'Renamed' } });
    const stored = (await db.get('itemChunks', chunkOf(target.id)))!.items;
    expect(stored.find((i) => i.id === orphan.id)).toEqual(orphan);
    expect(stored.find((i) => i.id === target.id)?.title).toBe('Renamed');
  });

  it('lose neither of two edits sent at once to items stored side by side', async () => {
    const { items } = await seed();
    const first = items[0]!;
    const beside: Item = { ...items[1]!, id: idInChunkOf(first.id), links: [] };
    const chunk = await db.get('itemChunks', chunkOf(first.id));
    await db.put('itemChunks', { ...chunk!, items: [...chunk!.items, beside] });
    await copyRead();
    await Promise.all([
      call({ type: 'item.update', id: first.id, patch: { title: 'First, edited' } }),
      call({ type: 'item.update', id: beside.id, patch: { title: 'Beside it, edited' } }),
    ]);
    const stored = (await db.get('itemChunks', chunkOf(first.id)))!.items;
    expect(stored.find((i) => i.id === first.id)?.title).toBe('First, edited');
    expect(stored.find((i) => i.id === beside.id)?.title).toBe('Beside it, edited');
  });
});

/** An id that the item store keeps in the same chunk as `id`. */
function idInChunkOf(id: string): string {
  for (let n = 0; ; n++) if (chunkOf(`side-${n}`) === chunkOf(id) && `side-${n}` !== id) return `side-${n}`;
}
