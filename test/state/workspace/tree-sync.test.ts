/**
 * The dashboard's copy of the active tree against the real background (fake IndexedDB):
 * loaded in pages, and kept in step with change notices without reading everything again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handle, type StoredRequestType } from '../../../lib/background/dispatch';
import type { ChangeNotice, RequestOf } from '../../../lib/messaging/protocol';
import type { LensDb } from '../../../lib/storage';
import { freshDb } from '../../storage/fresh-db';

let db: LensDb;
/** Every request the views sent, in order. */
const asked: RequestOf<StoredRequestType>[] = [];
/** When set, a `snapshot.get` page after the first waits for it: the stream caught mid-way. */
let holdPages: Promise<void> | null = null;
let listener: ((notice: ChangeNotice) => void) | null = null;

vi.mock('../../../lib/messaging/client', async (actual) => ({
  ...(await actual<object>()),
  request: async (req: RequestOf<StoredRequestType>) => {
    asked.push(req);
    if (holdPages && req.type === 'snapshot.get' && req.itemsAfter) await holdPages;
    return (await handle(db, req)).value;
  },
  onWorkspaceChange: (l: (notice: ChangeNotice) => void) => {
    listener = l;
    return () => (listener = null);
  },
}));

const { items, itemsLoading, treeMetrics, treeSnapshot, valueSummaries } = await import(
  '../../../lib/state/workspace/tree'
);
const { treeLoop } = await import('../../../lib/state/workspace/loop');
const { reloadTree, startWorkspaceSync } = await import('../../../lib/state/workspace/tree-sync');
const { backlogRows, unlinkedRows } = await import('../../../lib/state/workspace/backlog');

/** A write from another view: the background commits it and every view hears the notice it sends. */
async function write<T extends StoredRequestType>(req: RequestOf<T>) {
  const { value, changed, item, removedItemId, valuesChanged } = await handle(db, req);
  listener?.({ type: 'nsl.changed', stores: changed, at: Date.now(), item, removedItemId, valuesChanged });
  return value;
}

/** The items' titles, in order: the pages come in the background's order, which says nothing to a user. */
const titles = () => items.value.map((i) => i.title).sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const snapshotsAsked = () => asked.filter((r) => r.type === 'snapshot.get');
/** The metrics each values request named, in order. */
const valuesAsked = () =>
  asked.flatMap((r) => (r.type === 'observations.summaries' ? [r.needs.map((n) => n.metricId)] : []));
const recentValues = (metricId: string) => valueSummaries.value.get(metricId)?.recent.map((o) => o.value);

async function seed(count: number) {
  const tree = await write({ type: 'tree.create', name: 'Product' });
  const nsm = await write({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await write({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Invites' });
  await write({ type: 'observation.add', metricId: nsm.id, at: '2026-11-02', value: 40 });
  const created = [];
  for (let i = 0; i < count; i++) {
    created.push(await write({ type: 'item.create', treeId: tree.id, title: `Idea ${i}`, links: [] }));
  }
  return { tree, nsm, input, created };
}

let stop: () => void = () => undefined;

beforeEach(async () => {
  db = await freshDb();
  asked.length = 0;
  holdPages = null;
  treeSnapshot.value = null;
  treeLoop.value = null;
  valueSummaries.value = new Map();
});
afterEach(() => stop());

async function open(count: number) {
  const seeded = await seed(count);
  stop = startWorkspaceSync({ first: 2, rest: 3 });
  await vi.waitFor(() => expect(items.value).toHaveLength(count));
  expect(itemsLoading.value).toBeNull();
  await vi.waitFor(() => expect(recentValues(seeded.nsm.id)).toEqual([40]));
  asked.length = 0;
  return seeded;
}

describe('loading a tree in pages', () => {
  it('shows the first page, says how many are still coming, and ends with every item once', async () => {
    const { created } = await seed(8);
    let release: () => void = () => undefined;
    holdPages = new Promise((resolve) => (release = resolve));
    stop = startWorkspaceSync({ first: 2, rest: 3 });
    await vi.waitFor(() => expect(items.value).toHaveLength(2));
    expect(itemsLoading.value).toEqual({ loaded: 2, total: 8 });
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    expect(items.value.map((i) => i.title).sort()).toEqual(created.map((i) => i.title).sort());
    expect(snapshotsAsked().map((r) => [r.itemsFrom, r.itemsLimit])).toEqual([
      [0, 2],
      [undefined, 3],
      [undefined, 3],
    ]);
    expect(snapshotsAsked().map((r) => r.itemsAfter?.id)).toEqual([undefined, items.value[1]!.id, items.value[4]!.id]);
  });

  it('keeps an item written while the pages stream in, in its written version, and one created then', async () => {
    const { tree, created } = await seed(6);
    let release: () => void = () => undefined;
    holdPages = new Promise((resolve) => (release = resolve));
    stop = startWorkspaceSync({ first: 2, rest: 3 });
    await vi.waitFor(() => expect(items.value).toHaveLength(2));
    await write({ type: 'item.update', id: created[5]!.id, patch: { title: 'Renamed while loading' } });
    await write({ type: 'item.create', treeId: tree.id, title: 'Added while loading', links: [] });
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    const titles = items.value.map((i) => i.title);
    expect(titles).toHaveLength(7);
    expect(titles).toContain('Renamed while loading');
    expect(titles).toContain('Added while loading');
    expect(titles).not.toContain('Idea 5');
  });
});

/** The backlog as drawn: ranked rows as "#rank title", the others by title. */
const backlogShown = () => [
  ...backlogRows.value.map((row) => (row.kind === 'ranked' ? `#${row.rank} ${row.item.title}` : `— ${row.item.title}`)),
  ...unlinkedRows.value.map((item) => `unlinked ${item.title}`),
];

/** `count` ideas tagged with the input metric, idea i reaching 100 × (i + 1) people: the last created ranks first. */
async function seedRanked(count: number) {
  const seeded = await seed(count);
  for (const [i, item] of seeded.created.entries()) {
    const rice = { reach: 100 * (i + 1), impact: 1, confidence: 1, effort: 1 };
    await write({ type: 'item.update', id: item.id, patch: { inputMetricId: seeded.input.id, rice } });
  }
  return seeded;
}

/** Opens the backlog with pages of 2 then 3 items, the pages after the first held back until `release`. */
async function openHeld(expected: number) {
  let release: () => void = () => undefined;
  holdPages = new Promise((resolve) => (release = resolve));
  stop = startWorkspaceSync({ first: 2, rest: 3 });
  await vi.waitFor(() => expect(items.value).toHaveLength(expected));
  return () => release();
}

describe('the backlog while the items stream in', () => {
  it('shows the true top of the ranking from the first page, before the other items came', async () => {
    await seedRanked(8);
    const release = await openHeld(2);
    expect(itemsLoading.value).toEqual({ loaded: 2, total: 8 });
    expect(backlogShown()).toEqual(['#1 Idea 7', '#2 Idea 6']);
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    expect(backlogShown().slice(0, 3)).toEqual(['#1 Idea 7', '#2 Idea 6', '#3 Idea 5']);
    expect(backlogShown()).toHaveLength(8);
  });

  it('keeps the rows drawn in place as the other pages come, and ends with the unranked ones', async () => {
    const { created } = await seedRanked(6);
    await write({ type: 'item.update', id: created[0]!.id, patch: { inputMetricId: null } });
    await write({ type: 'item.update', id: created[1]!.id, patch: { rice: { confidence: null } } });
    const release = await openHeld(2);
    const first = backlogShown();
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    expect(backlogShown().slice(0, first.length)).toEqual(first);
    expect(backlogShown()).toEqual(['#1 Idea 5', '#2 Idea 4', '#3 Idea 3', '#4 Idea 2', '— Idea 1', 'unlinked Idea 0']);
  });

  it('shows an item raised to the top meanwhile at its place, and one lowered only once its place has come', async () => {
    const { created } = await seedRanked(8);
    const release = await openHeld(2);
    const raise = { rice: { reach: 10_000, impact: 1, confidence: 1, effort: 1 } };
    await write({ type: 'item.update', id: created[0]!.id, patch: raise });
    expect(backlogShown()).toEqual(['#1 Idea 0', '#2 Idea 7', '#3 Idea 6']);
    const lower = { rice: { reach: 1, impact: 1, confidence: 1, effort: 1 } };
    await write({ type: 'item.update', id: created[7]!.id, patch: lower });
    // Idea 7 now ranks last: ideas 5 to 1 rank above it and have not come, so it is not shown yet.
    expect(backlogShown()).toEqual(['#1 Idea 0', '#2 Idea 6']);
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    const shown = backlogShown();
    expect(shown).toEqual([
      '#1 Idea 0',
      '#2 Idea 6',
      '#3 Idea 5',
      '#4 Idea 4',
      '#5 Idea 3',
      '#6 Idea 2',
      '#7 Idea 1',
      '#8 Idea 7',
    ]);
    expect(new Set(items.value.map((i) => i.id)).size).toBe(8);
  });

  it('misses no item when a write moves one already shown to the end of the order', async () => {
    const { created } = await seedRanked(9);
    const release = await openHeld(2);
    await write({ type: 'item.update', id: created[8]!.id, patch: { inputMetricId: null } });
    await write({ type: 'item.delete', id: created[7]!.id });
    release();
    await vi.waitFor(() => expect(itemsLoading.value).toBeNull());
    const kept = created.filter((i) => i.title !== 'Idea 7').map((i) => i.title);
    expect(items.value.map((i) => i.title).sort()).toEqual(kept.sort());
    expect(backlogShown().at(-1)).toBe('unlinked Idea 8');
  });
});

describe('a change notice', () => {
  it('for one item changes that item only, without asking the background again', async () => {
    const { created } = await open(5);
    const before = items.value;
    await write({ type: 'item.update', id: created[2]!.id, patch: { title: 'Sharper idea' } });
    expect(titles()).toEqual(['Idea 0', 'Idea 1', 'Idea 3', 'Idea 4', 'Sharper idea']);
    expect(items.value.filter((item, i) => item !== before[i]).map((i) => i.id)).toEqual([created[2]!.id]);
    await settle();
    expect(asked).toEqual([]);
  });

  it('for a new item adds it and counts it', async () => {
    const { tree } = await open(3);
    await write({ type: 'item.create', treeId: tree.id, title: 'New idea', links: [] });
    expect(titles()).toEqual(['Idea 0', 'Idea 1', 'Idea 2', 'New idea']);
    expect(treeSnapshot.value?.itemCount).toBe(4);
    await settle();
    expect(asked).toEqual([]);
  });

  it('for a removal drops that item, without reading the tree again', async () => {
    const { created } = await open(4);
    await write({ type: 'item.delete', id: created[1]!.id });
    expect(titles()).toEqual(['Idea 0', 'Idea 2', 'Idea 3']);
    expect(itemsLoading.value).toBeNull();
    await settle();
    expect(snapshotsAsked()).toEqual([]);
  });

  it('for a renamed metric reads the metrics again, keeps the items, and reads no values', async () => {
    const { input } = await open(4);
    const before = items.value;
    await write({ type: 'metric.update', id: input.id, patch: { name: 'Teams inviting a colleague' } });
    await vi.waitFor(() => expect(treeMetrics.value.map((m) => m.name)).toContain('Teams inviting a colleague'));
    expect(items.value).toBe(before);
    expect(snapshotsAsked().map((r) => r.itemsLimit)).toEqual([0]);
    await settle();
    expect(valuesAsked()).toEqual([]);
  });

  it("for a new value reads that metric's values again, not the tree nor the other metrics", async () => {
    const { nsm } = await open(2);
    await write({ type: 'observation.add', metricId: nsm.id, at: '2026-11-09', value: 44 });
    await vi.waitFor(() => expect(recentValues(nsm.id)).toEqual([40, 44]));
    expect(snapshotsAsked()).toEqual([]);
    expect(valuesAsked()).toEqual([[nsm.id]]);
  });

  it('for items it does not carry (a metric removed) reads the whole tree again', async () => {
    const { input, created } = await open(3);
    await write({ type: 'item.update', id: created[0]!.id, patch: { inputMetricId: input.id } });
    await write({ type: 'metric.delete', id: input.id });
    await vi.waitFor(() => expect(items.value[0]?.inputMetricId).toBeNull());
    expect(snapshotsAsked()[0]).toMatchObject({ itemsFrom: 0 });
    expect(items.value).toHaveLength(3);
  });

  it('reading again supersedes a stream still running', async () => {
    await seed(7);
    let release: () => void = () => undefined;
    holdPages = new Promise((resolve) => (release = resolve));
    stop = startWorkspaceSync({ first: 2, rest: 3 });
    await vi.waitFor(() => expect(items.value).toHaveLength(2));
    holdPages = null;
    await reloadTree();
    release();
    await settle();
    expect(items.value).toHaveLength(7);
    expect(new Set(items.value.map((i) => i.id)).size).toBe(7);
  });
});

describe('the values', () => {
  it('come in one request for every metric, once the items have come, and never as every value', async () => {
    const { nsm, input } = await seed(5);
    stop = startWorkspaceSync({ first: 2, rest: 3 });
    await vi.waitFor(() => expect(recentValues(nsm.id)).toEqual([40]));
    expect(valueSummaries.value.get(input.id)?.count).toBe(0);
    expect(valuesAsked()).toEqual([[nsm.id, input.id]]);
    const lastPage = asked.findLastIndex((r) => r.type === 'snapshot.get');
    expect(asked.findIndex((r) => r.type === 'observations.summaries')).toBeGreaterThan(lastPage);
    expect(asked.some((r) => r.type === 'observations.list')).toBe(false);
  });

  it("of a metric whose period changed are read again, that metric's only, grouped by the new period", async () => {
    const { input } = await open(1);
    await write({ type: 'observation.add', metricId: input.id, at: '2026-11-03', value: 5 });
    await write({ type: 'observation.add', metricId: input.id, at: '2026-11-20', value: 7 });
    await vi.waitFor(() => expect(valueSummaries.value.get(input.id)?.series.week).toHaveLength(2));
    asked.length = 0;
    await write({ type: 'metric.update', id: input.id, patch: { period: 'month' } });
    await vi.waitFor(() => expect(valueSummaries.value.get(input.id)?.series.month?.map((p) => p.value)).toEqual([6]));
    expect(valuesAsked()).toEqual([[input.id]]);
  });

  it("of a metric given a key result are read again from the key result's quarter, as recorded", async () => {
    const { tree, input } = await open(1);
    for (const [at, value] of [
      ['2026-09-28', 1],
      ['2026-10-01', 2],
      ['2026-10-05', 3],
    ] as const) {
      await write({ type: 'observation.add', metricId: input.id, at, value });
    }
    await vi.waitFor(() => expect(valueSummaries.value.get(input.id)?.count).toBe(3));
    asked.length = 0;
    const kr = { id: 'kr', treeId: tree.id, metricId: input.id, quarter: '2026-Q4', team: 'Growth' };
    treeLoop.value = {
      worksheet: null,
      keyResults: [{ ...kr, baseline: 0, target: 10, due: '2026-12-31', updatedAt: 0 }],
      thresholds: [],
      shipments: [],
      experiments: [],
      reviewNotes: [],
    };
    // The week of 28 Sep straddles the quarter: the key result reads 1 October's value, not that week's mean.
    await vi.waitFor(() => expect(valueSummaries.value.get(input.id)?.values.map((o) => o.value)).toEqual([2, 3]));
    expect(valuesAsked()).toEqual([[input.id]]);
  });
});
