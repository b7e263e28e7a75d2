import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addObservation,
  addReview,
  createItem,
  createTree,
  deleteTree,
  exportWorkspace,
  getSettings,
  listHistory,
  listItems,
  listMetrics,
  listObservations,
  listReviews,
  listTrees,
  updateMetric,
  updateSettings,
  updateTree,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

const ALL_YES = {
  customerValue: true,
  leadsRevenue: true,
  reflectsStrategy: true,
  understandable: true,
  measurable: true,
  actionable: true,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createTree', () => {
  it('stores a tree with a fresh id and the time it was made', async () => {
    const db = await freshDb();
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const tree = await createTree(db, { name: 'Acme', game: 'transaction' });
    expect(tree).toEqual({
      id: expect.any(String),
      name: 'Acme',
      game: 'transaction',
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await listTrees(db)).toEqual([tree]);
  });

  it('leaves the game unset when none is given', async () => {
    const db = await freshDb();
    expect((await createTree(db, { name: 'Acme' })).game).toBeNull();
  });

  it('makes the first tree the active one, and leaves the active tree alone after that', async () => {
    const db = await freshDb();
    const first = await createTree(db, { name: 'First' });
    expect((await getSettings(db)).activeTreeId).toBe(first.id);
    await createTree(db, { name: 'Second' });
    expect((await getSettings(db)).activeTreeId).toBe(first.id);
  });

  it('refuses a name longer than 500 characters', async () => {
    const db = await freshDb();
    await expect(createTree(db, { name: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'invalid', path: 'name' });
    expect(await listTrees(db)).toEqual([]);
  });
});

describe('listTrees', () => {
  it('lists trees oldest first', async () => {
    const db = await freshDb();
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(3_000);
    await createTree(db, { name: 'Newer' });
    now.mockReturnValue(1_000);
    await createTree(db, { name: 'Older' });
    expect((await listTrees(db)).map((t) => t.name)).toEqual(['Older', 'Newer']);
  });
});

describe('updateTree', () => {
  it('changes the given fields and the update time, keeping the rest', async () => {
    const db = await freshDb();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const tree = await createTree(db, { name: 'Acme', game: 'attention' });
    now.mockReturnValue(2_000);
    const renamed = await updateTree(db, tree.id, { name: 'Acme Inc' });
    expect(renamed).toEqual({ ...tree, name: 'Acme Inc', updatedAt: 2_000 });
    expect(await listTrees(db)).toEqual([renamed]);
  });

  it('says not-found for a tree that does not exist', async () => {
    const db = await freshDb();
    await expect(updateTree(db, 'gone', { name: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('deleteTree', () => {
  it('deletes the tree with its metrics, their observations, its items, reviews and NSM history', async () => {
    const db = await freshDb();
    const { tree, nsm, input } = await seedTree(db);
    await addObservation(db, { metricId: nsm.id, at: '2024-01-01', value: 10 });
    await addObservation(db, { metricId: input.id, at: '2024-01-01', value: 3 });
    await addReview(db, { treeId: tree.id, answers: ALL_YES, note: '' });
    await updateMetric(db, nsm.id, { name: 'Weekly active accounts' });
    expect(await listHistory(db, tree.id)).toHaveLength(1);

    await deleteTree(db, tree.id);

    expect(await listTrees(db)).toEqual([]);
    expect(await listMetrics(db, tree.id)).toEqual([]);
    expect(await listObservations(db, nsm.id)).toEqual([]);
    expect(await listObservations(db, input.id)).toEqual([]);
    expect(await listItems(db, tree.id)).toEqual([]);
    expect(await listReviews(db, tree.id)).toEqual([]);
    expect(await listHistory(db, tree.id)).toEqual([]);
    const left = await exportWorkspace(db);
    expect([left.trees, left.metrics, left.observations, left.items, left.reviews, left.history]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  it('leaves other trees untouched', async () => {
    const db = await freshDb();
    const doomed = await seedTree(db, 'Doomed');
    const kept = await seedTree(db, 'Kept');
    await addObservation(db, { metricId: kept.nsm.id, at: '2024-01-01', value: 10 });
    const before = await exportWorkspace(db);

    await deleteTree(db, doomed.tree.id);

    const after = await exportWorkspace(db);
    const inKept = <R extends { treeId: string }>(records: R[]) => records.filter((r) => r.treeId === kept.tree.id);
    expect(after.trees).toEqual([kept.tree]);
    expect(after.metrics).toEqual(inKept(before.metrics));
    expect(after.items).toEqual(inKept(before.items));
    expect(after.observations).toEqual(before.observations.filter((o) => o.metricId === kept.nsm.id));
  });

  it('makes the most recently updated remaining tree active when the active tree is deleted', async () => {
    const db = await freshDb();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const active = await createTree(db, { name: 'Active' });
    await createTree(db, { name: 'Stale' });
    const recent = await createTree(db, { name: 'Recent' });
    now.mockReturnValue(5_000);
    await updateTree(db, recent.id, { name: 'Recent!' });
    await deleteTree(db, active.id);
    expect((await getSettings(db)).activeTreeId).toBe(recent.id);
  });

  it('leaves no active tree when the last one is deleted', async () => {
    const db = await freshDb();
    const only = await createTree(db, { name: 'Only' });
    await deleteTree(db, only.id);
    expect((await getSettings(db)).activeTreeId).toBeNull();
  });

  it('keeps the active tree when another tree is deleted', async () => {
    const db = await freshDb();
    const active = await createTree(db, { name: 'Active' });
    const other = await createTree(db, { name: 'Other' });
    await updateSettings(db, { disabledSites: ['asana'] });
    await deleteTree(db, other.id);
    expect(await getSettings(db)).toEqual({ activeTreeId: active.id, disabledSites: ['asana'], customDomains: [] });
  });

  it('says not-found for a tree that does not exist, deleting nothing', async () => {
    const db = await freshDb();
    await seedTree(db);
    const before = await storedData(db);
    await expect(deleteTree(db, 'gone')).rejects.toMatchObject({ code: 'not-found' });
    expect(await storedData(db)).toEqual(before);
  });

  it('removes items created in the tree after setup too', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    await createItem(db, { treeId: tree.id, title: 'Later idea', links: [] });
    await deleteTree(db, tree.id);
    expect(await listItems(db, tree.id)).toEqual([]);
  });
});
