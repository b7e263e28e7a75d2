import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addObservation,
  createMetric,
  createTree,
  deleteMetric,
  findMetricBySourceUrl,
  getItem,
  listHistory,
  listMetrics,
  listObservations,
  updateMetric,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMetric', () => {
  it('fills every unset field with its default', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const nsm = await createMetric(db, { treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    expect(nsm).toEqual({
      id: expect.any(String),
      treeId: tree.id,
      role: 'nsm',
      parentId: null,
      name: 'Weekly active teams',
      definition: '',
      unit: '',
      period: null,
      category: null,
      ownerTeam: '',
      leverage: 1,
      sourceUrls: [],
      target: null,
      updatedAt: 1_000,
    });
  });

  it('keeps the optional fields it is given', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    const metric = await createMetric(db, {
      treeId: tree.id,
      role: 'nsm',
      name: 'Weekly active teams',
      period: 'week',
      category: 'engagement',
      sourceUrls: ['https://app.amplitude.com/chart/abc'],
      target: 1200,
    });
    expect(metric).toMatchObject({
      period: 'week',
      category: 'engagement',
      sourceUrls: ['https://app.amplitude.com/chart/abc'],
      target: 1200,
    });
  });

  it('hangs input, output and health metrics under the NSM by default, team metrics nowhere', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    const nsm = await createMetric(db, { treeId: tree.id, role: 'nsm', name: 'NSM' });
    for (const role of ['input', 'output', 'health'] as const) {
      expect((await createMetric(db, { treeId: tree.id, role, name: role })).parentId).toBe(nsm.id);
    }
    expect((await createMetric(db, { treeId: tree.id, role: 'team', name: 'team' })).parentId).toBeNull();
  });

  it('leaves an input metric without parent while the tree has no NSM', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    expect((await createMetric(db, { treeId: tree.id, role: 'input', name: 'Invites' })).parentId).toBeNull();
  });

  it('does not take the NSM of another tree as default parent', async () => {
    const db = await freshDb();
    await seedTree(db, 'Other');
    const tree = await createTree(db, { name: 'Acme' });
    expect((await createMetric(db, { treeId: tree.id, role: 'input', name: 'Invites' })).parentId).toBeNull();
  });

  it('refuses a tree that does not exist', async () => {
    const db = await freshDb();
    await expect(createMetric(db, { treeId: 'gone', role: 'nsm', name: 'NSM' })).rejects.toMatchObject({
      code: 'invalid',
      path: 'treeId',
    });
  });

  it('refuses a parent that does not exist or belongs to another tree, storing nothing', async () => {
    const db = await freshDb();
    const other = await seedTree(db, 'Other');
    const tree = await createTree(db, { name: 'Acme' });
    await expect(
      createMetric(db, { treeId: tree.id, role: 'team', name: 'x', parentId: 'gone' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      path: 'parentId',
    });
    await expect(
      createMetric(db, { treeId: tree.id, role: 'team', name: 'x', parentId: other.input.id }),
    ).rejects.toMatchObject({
      code: 'invalid',
      path: 'parentId',
    });
    expect(await listMetrics(db, tree.id)).toEqual([]);
  });

  it('refuses a negative leverage', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    await expect(createMetric(db, { treeId: tree.id, role: 'input', name: 'x', leverage: -1 })).rejects.toMatchObject({
      code: 'invalid',
      path: 'leverage',
      message: 'leverage: leverage cannot be negative',
    });
  });

  it('records an NSM change when a second NSM is created, but not for the first', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    await createMetric(db, { treeId: tree.id, role: 'nsm', name: 'Sign-ups' });
    expect(await listHistory(db, tree.id)).toEqual([]);
    await createMetric(db, { treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    expect(await listHistory(db, tree.id)).toMatchObject([{ from: 'Sign-ups', to: 'Weekly active teams' }]);
  });
});

describe('listMetrics', () => {
  it("lists one tree's metrics, NSM first, then input, team, output, health, each by name", async () => {
    const db = await freshDb();
    await seedTree(db, 'Other');
    const tree = await createTree(db, { name: 'Acme' });
    for (const [role, name] of [
      ['health', 'Support tickets'],
      ['input', 'Invites'],
      ['output', 'Revenue'],
      ['input', 'Activation'],
      ['nsm', 'Weekly active teams'],
      ['team', 'Emails sent'],
    ] as const) {
      await createMetric(db, { treeId: tree.id, role, name });
    }
    expect((await listMetrics(db, tree.id)).map((m) => m.name)).toEqual([
      'Weekly active teams',
      'Activation',
      'Invites',
      'Emails sent',
      'Revenue',
      'Support tickets',
    ]);
  });
});

describe('updateMetric', () => {
  it('changes only the given fields, and the update time', async () => {
    const db = await freshDb();
    const { input } = await seedTree(db);
    vi.spyOn(Date, 'now').mockReturnValue(9_000);
    const updated = await updateMetric(db, input.id, { ownerTeam: 'Onboarding', leverage: 2 });
    expect(updated).toEqual({ ...input, ownerTeam: 'Onboarding', leverage: 2, updatedAt: 9_000 });
  });

  it('records an NSM change when the NSM is renamed', async () => {
    const db = await freshDb();
    const { tree, nsm } = await seedTree(db);
    vi.spyOn(Date, 'now').mockReturnValue(9_000);
    await updateMetric(db, nsm.id, { name: 'Weekly active accounts' });
    expect(await listHistory(db, tree.id)).toEqual([
      {
        id: expect.any(String),
        treeId: tree.id,
        at: 9_000,
        from: 'Weekly active teams',
        to: 'Weekly active accounts',
        updatedAt: 9_000,
      },
    ]);
  });

  it('records no NSM change for other edits of the NSM, or renaming another metric', async () => {
    const db = await freshDb();
    const { tree, nsm, input } = await seedTree(db);
    await updateMetric(db, nsm.id, { definition: 'Teams with 3+ active members in the week' });
    await updateMetric(db, nsm.id, { name: 'Weekly active teams' });
    await updateMetric(db, input.id, { name: 'Invites accepted' });
    expect(await listHistory(db, tree.id)).toEqual([]);
  });

  it('records an NSM change when another metric becomes the NSM, and makes it a root', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    const promoted = await updateMetric(db, input.id, { role: 'nsm' });
    expect(promoted.parentId).toBeNull();
    expect(await listHistory(db, tree.id)).toMatchObject([
      { from: 'Weekly active teams', to: 'Teams inviting a colleague' },
    ]);
  });

  it('records no NSM change when the first NSM of a tree is chosen', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    const metric = await createMetric(db, { treeId: tree.id, role: 'input', name: 'Weekly active teams' });
    await updateMetric(db, metric.id, { role: 'nsm' });
    expect(await listHistory(db, tree.id)).toEqual([]);
  });

  it('unlinks the items of a metric that stops being an input metric', async () => {
    const db = await freshDb();
    const { input, item } = await seedTree(db);
    await updateMetric(db, input.id, { role: 'output' });
    expect((await getItem(db, item.id))?.inputMetricId).toBeNull();
  });

  it('keeps the items of an input metric that becomes a team metric', async () => {
    const db = await freshDb();
    const { input, item } = await seedTree(db);
    await updateMetric(db, input.id, { role: 'team' });
    expect((await getItem(db, item.id))?.inputMetricId).toBe(input.id);
  });

  it('refuses a parent that would make a loop, changing nothing', async () => {
    const db = await freshDb();
    const { input, team } = await seedTree(db);
    const before = await storedData(db);
    await expect(updateMetric(db, input.id, { parentId: team.id })).rejects.toMatchObject({
      code: 'invalid',
      path: 'parentId',
    });
    await expect(updateMetric(db, input.id, { parentId: input.id })).rejects.toMatchObject({
      code: 'invalid',
      path: 'parentId',
    });
    expect(await storedData(db)).toEqual(before);
  });

  it('keeps the id and tree even if a patch smuggles them in', async () => {
    const db = await freshDb();
    const { input } = await seedTree(db);
    const patch = { name: 'Renamed', id: 'other', treeId: 'other' } as Parameters<typeof updateMetric>[2];
    const updated = await updateMetric(db, input.id, patch);
    expect(updated).toMatchObject({ id: input.id, treeId: input.treeId, name: 'Renamed' });
  });

  it('says not-found for a metric that does not exist', async () => {
    const db = await freshDb();
    await expect(updateMetric(db, 'gone', { name: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('deleteMetric', () => {
  it('unlinks the items that moved it, orphans the metrics under it and deletes its observations', async () => {
    const db = await freshDb();
    const { tree, nsm, input, team, item } = await seedTree(db);
    await addObservation(db, { metricId: input.id, at: '2024-01-01', value: 3 });
    await addObservation(db, { metricId: nsm.id, at: '2024-01-01', value: 10 });

    await deleteMetric(db, input.id);

    const metrics = await listMetrics(db, tree.id);
    expect(metrics.map((m) => m.id)).toEqual([nsm.id, team.id]);
    expect(metrics.find((m) => m.id === team.id)?.parentId).toBeNull();
    expect((await getItem(db, item.id))?.inputMetricId).toBeNull();
    expect(await listObservations(db, input.id)).toEqual([]);
    expect(await listObservations(db, nsm.id)).toHaveLength(1);
  });

  it('says not-found for a metric that does not exist', async () => {
    const db = await freshDb();
    await expect(deleteMetric(db, 'gone')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('findMetricBySourceUrl', () => {
  it('finds the metric whose chart this page is, despite a trailing slash or campaign tags', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    await updateMetric(db, input.id, { sourceUrls: ['https://app.amplitude.com/analytics/acme/chart/abc123'] });
    const found = await findMetricBySourceUrl(
      db,
      tree.id,
      'https://app.amplitude.com/analytics/acme/chart/abc123/?utm_source=slack',
    );
    expect(found?.id).toBe(input.id);
  });

  it('tells Google Analytics reports apart by their hash', async () => {
    const db = await freshDb();
    const { tree, nsm } = await seedTree(db);
    await updateMetric(db, nsm.id, {
      sourceUrls: ['https://analytics.google.com/analytics/web/#/p123/reports/explorer'],
    });
    expect(
      await findMetricBySourceUrl(
        db,
        tree.id,
        'https://analytics.google.com/analytics/web/?authuser=1#/p123/reports/explorer',
      ),
    ).not.toBeNull();
    expect(
      await findMetricBySourceUrl(db, tree.id, 'https://analytics.google.com/analytics/web/#/p999/reports/explorer'),
    ).toBeNull();
  });

  it('looks only in the given tree', async () => {
    const db = await freshDb();
    const other = await seedTree(db, 'Other');
    const tree = await createTree(db, { name: 'Acme' });
    await updateMetric(db, other.nsm.id, {
      sourceUrls: ['https://mixpanel.com/project/1/view/2/app/insights#report/99'],
    });
    expect(
      await findMetricBySourceUrl(db, tree.id, 'https://mixpanel.com/project/1/view/2/app/insights#report/99'),
    ).toBeNull();
  });
});
