import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createItem,
  createMetric,
  createTree,
  deleteItem,
  findItemsByLinks,
  getItem,
  listItems,
  updateItem,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

const JIRA_2 = { site: 'jira', key: 'ABC-2', url: 'https://acme.atlassian.net/browse/ABC-2' } as const;
const GITHUB_42 = { site: 'github', key: 'acme/app#42', url: 'https://github.com/acme/app/issues/42' } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createItem', () => {
  it('stores a new, unestimated idea', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const item = await createItem(db, { treeId: tree.id, title: 'Dark mode', links: [JIRA_2] });
    expect(item).toEqual({
      id: expect.any(String),
      treeId: tree.id,
      title: 'Dark mode',
      links: [JIRA_2],
      inputMetricId: null,
      rice: { reach: null, impact: null, confidence: null, effort: null },
      status: 'idea',
      notes: '',
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await getItem(db, item.id)).toEqual(item);
  });

  it('accepts an input or a team metric of the same tree', async () => {
    const db = await freshDb();
    const { tree, input, team } = await seedTree(db);
    expect(
      (await createItem(db, { treeId: tree.id, title: 'a', links: [], inputMetricId: input.id })).inputMetricId,
    ).toBe(input.id);
    expect(
      (await createItem(db, { treeId: tree.id, title: 'b', links: [], inputMetricId: team.id })).inputMetricId,
    ).toBe(team.id);
  });

  it.each([
    ['a metric that does not exist', () => 'gone', 'there is no metric with this id'],
    ['the NSM itself', (s: Seeded) => s.nsm.id, 'not a metric of role "nsm"'],
    ['an input metric of another tree', (s: Seeded) => s.otherInput, 'the metric belongs to another tree'],
  ])('refuses to link %s, storing nothing', async (_what, pick, message) => {
    const db = await freshDb();
    const other = await seedTree(db, 'Other');
    const seeded = { ...(await seedTree(db)), otherInput: other.input.id };
    const before = await storedData(db);
    await expect(
      createItem(db, { treeId: seeded.tree.id, title: 'x', links: [], inputMetricId: pick(seeded) }),
    ).rejects.toMatchObject({ code: 'invalid', path: 'inputMetricId', message: expect.stringContaining(message) });
    expect(await storedData(db)).toEqual(before);
  });

  it('refuses a tree that does not exist', async () => {
    const db = await freshDb();
    await expect(createItem(db, { treeId: 'gone', title: 'x', links: [] })).rejects.toMatchObject({
      code: 'invalid',
      path: 'treeId',
    });
  });

  it('refuses a link whose URL is not a URL', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    await expect(
      createItem(db, { treeId: tree.id, title: 'x', links: [{ site: 'jira', key: 'A-1', url: 'not a url' }] }),
    ).rejects.toMatchObject({ code: 'invalid', path: 'links[0].url' });
  });
});

type Seeded = Awaited<ReturnType<typeof seedTree>> & { otherInput: string };

describe('listItems and getItem', () => {
  it("list one tree's items, oldest first, exactly as created", async () => {
    const db = await freshDb();
    const other = await seedTree(db, 'Other');
    const tree = await createTree(db, { name: 'Acme' });
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(2_000);
    const second = await createItem(db, { treeId: tree.id, title: 'second', links: [GITHUB_42] });
    now.mockReturnValue(1_000);
    const first = await createItem(db, { treeId: tree.id, title: 'first', links: [] });
    expect(await listItems(db, tree.id)).toEqual([first, second]);
    expect(await listItems(db, other.tree.id)).toEqual([other.item]);
  });

  it('getItem answers null for an item that does not exist', async () => {
    const db = await freshDb();
    expect(await getItem(db, 'gone')).toBeNull();
  });
});

describe('updateItem', () => {
  it('changes only the given fields, and the update time', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    vi.spyOn(Date, 'now').mockReturnValue(item.createdAt + 1);
    const updated = await updateItem(db, item.id, { status: 'planned', notes: 'after Q3' });
    expect(updated).toEqual({ ...item, status: 'planned', notes: 'after Q3', updatedAt: item.createdAt + 1 });
    expect(await getItem(db, item.id)).toEqual(updated);
  });

  it('changes only the given RICE estimates', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    await updateItem(db, item.id, { rice: { reach: 500, effort: 2 } });
    const updated = await updateItem(db, item.id, { rice: { impact: 2 } });
    expect(updated.rice).toEqual({ reach: 500, impact: 2, confidence: null, effort: 2 });
  });

  it('clears an estimate set to null, and keeps one given as undefined', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    await updateItem(db, item.id, { rice: { reach: 500, effort: 2 } });
    const updated = await updateItem(db, item.id, { rice: { reach: null, effort: undefined } });
    expect(updated.rice).toEqual({ reach: null, impact: null, confidence: null, effort: 2 });
  });

  it('keeps both of two edits to different fields made at the same moment', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    const fromPanel = updateItem(db, item.id, { rice: { reach: 800 } });
    const fromDashboard = updateItem(db, item.id, { rice: { effort: 3 }, status: 'planned' });
    const fromPopup = updateItem(db, item.id, { notes: 'ask design' });
    await Promise.all([fromPanel, fromDashboard, fromPopup]);
    expect(await getItem(db, item.id)).toMatchObject({
      rice: { reach: 800, impact: null, confidence: null, effort: 3 },
      status: 'planned',
      notes: 'ask design',
    });
  });

  it('relinks to another input metric, or unlinks', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const other = await createMetric(db, { treeId: tree.id, role: 'input', name: 'Activation' });
    expect((await updateItem(db, item.id, { inputMetricId: other.id })).inputMetricId).toBe(other.id);
    expect((await updateItem(db, item.id, { inputMetricId: null })).inputMetricId).toBeNull();
  });

  it('refuses to link an output metric, changing nothing', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const revenue = await createMetric(db, { treeId: tree.id, role: 'output', name: 'Revenue' });
    await expect(updateItem(db, item.id, { inputMetricId: revenue.id, notes: 'x' })).rejects.toMatchObject({
      code: 'invalid',
      path: 'inputMetricId',
    });
    expect(await getItem(db, item.id)).toEqual(item);
  });

  it('refuses an estimate that is not a finite number', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    await expect(updateItem(db, item.id, { rice: { effort: Number.NaN } })).rejects.toMatchObject({
      code: 'invalid',
      path: 'rice.effort',
    });
    expect(await getItem(db, item.id)).toEqual(item);
  });

  it('replaces the links, and finds the item by its new links only', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    await updateItem(db, item.id, { links: [GITHUB_42] });
    const found = await findItemsByLinks(db, [item.links[0]!, GITHUB_42]);
    expect([...found.keys()]).toEqual(['github:acme/app#42']);
  });

  it('says not-found for an item that does not exist', async () => {
    const db = await freshDb();
    await expect(updateItem(db, 'gone', { notes: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('deleteItem', () => {
  it('deletes the item, and it is no longer found by its links', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    await deleteItem(db, item.id);
    expect(await listItems(db, tree.id)).toEqual([]);
    expect((await findItemsByLinks(db, item.links)).size).toBe(0);
  });

  it('says not-found for an item that does not exist', async () => {
    const db = await freshDb();
    await expect(deleteItem(db, 'gone')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('findItemsByLinks', () => {
  it('finds each linked item under "site:key", whichever of its links is asked for', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const both = await createItem(db, { treeId: tree.id, title: 'Both', links: [JIRA_2, GITHUB_42] });
    const found = await findItemsByLinks(db, [
      { site: 'jira', key: 'ABC-1' },
      { site: 'github', key: 'acme/app#42' },
      { site: 'jira', key: 'ABC-999' },
    ]);
    expect(found).toEqual(
      new Map([
        ['jira:ABC-1', item],
        ['github:acme/app#42', both],
      ]),
    );
  });

  it('does not mistake the same key on another site', async () => {
    const db = await freshDb();
    await seedTree(db);
    expect((await findItemsByLinks(db, [{ site: 'linear', key: 'ABC-1' }])).size).toBe(0);
  });

  it('prefers the item of the given tree, then the most recently updated', async () => {
    const db = await freshDb();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const a = await seedTree(db, 'A');
    now.mockReturnValue(2_000);
    const b = await seedTree(db, 'B');
    const ref = [{ site: 'jira', key: 'ABC-1' }] as const;
    expect((await findItemsByLinks(db, ref)).get('jira:ABC-1')?.id).toBe(b.item.id);
    now.mockReturnValue(3_000);
    await updateItem(db, a.item.id, { notes: 'touched last' });
    expect((await findItemsByLinks(db, ref)).get('jira:ABC-1')?.id).toBe(a.item.id);
    expect((await findItemsByLinks(db, ref, b.tree.id)).get('jira:ABC-1')?.id).toBe(b.item.id);
  });

  it('answers an empty map for no links', async () => {
    const db = await freshDb();
    expect(await findItemsByLinks(db, [])).toEqual(new Map());
  });
});
