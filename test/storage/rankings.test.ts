/**
 * The stored rankings are derived data: after any sequence of writes, what is stored (or
 * rebuilt) must equal ranking the items afresh.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rankItems, rankedScores } from '../../lib/domain/ranking';
import {
  createItem,
  createMetric,
  deleteItem,
  deleteMetric,
  importWorkspace,
  exportWorkspace,
  listItems,
  listMetrics,
  rankedScoresOf,
  updateItem,
  updateMetric,
  type LensDb,
} from '../../lib/storage';
import { failOnCall } from './fail-on-call';
import { freshDb, seedTree } from './fresh-db';

async function fresh(db: LensDb, treeId: string) {
  return rankedScores(rankItems(await listItems(db, treeId), await listMetrics(db, treeId)));
}

async function stored(db: LensDb, treeId: string) {
  const tx = db.transaction('rankings');
  return (await tx.objectStore('rankings').get(treeId))?.scores ?? null;
}

const rice = (reach: number) => ({ reach, impact: 1, confidence: 1, effort: 1 });
const link = (key: string) => [{ site: 'jira' as const, key, url: `https://acme.atlassian.net/browse/${key}` }];

describe('the ranked scores stored per tree', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are still answered from the items when the browser refuses to store them (storage full)', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    await updateItem(db, item.id, { rice: rice(100) });
    await updateMetric(db, (await listMetrics(db, tree.id)).find((m) => m.role === 'input')!.id, { leverage: 2 });
    expect(await stored(db, tree.id)).toBeNull();
    failOnCall('put', 1, new DOMException('full', 'QuotaExceededError'));
    expect(await rankedScoresOf(db, tree.id)).toEqual(await fresh(db, tree.id));
    expect(await stored(db, tree.id)).toBeNull();
  });

  it('are built from the items on first use, then follow each item write without a rebuild', async () => {
    const db = await freshDb();
    const { tree, input, team, item } = await seedTree(db);
    await updateItem(db, item.id, { rice: rice(100) });
    const second = await createItem(db, { treeId: tree.id, title: 'b', links: link('B-1'), inputMetricId: team.id });
    await updateItem(db, second.id, { rice: rice(300) });
    expect(await rankedScoresOf(db, tree.id)).toEqual(await fresh(db, tree.id));
    expect(await stored(db, tree.id)).toEqual([300, 100]);

    await updateItem(db, item.id, { rice: rice(500) });
    await updateItem(db, second.id, { inputMetricId: null });
    const third = await createItem(db, { treeId: tree.id, title: 'c', links: link('C-1'), inputMetricId: input.id });
    await updateItem(db, third.id, { rice: rice(50) });
    expect(await stored(db, tree.id)).toEqual(await fresh(db, tree.id));
    await deleteItem(db, item.id);
    expect(await stored(db, tree.id)).toEqual([50]);
    expect(await rankedScoresOf(db, tree.id)).toEqual(await fresh(db, tree.id));
  });

  it('are dropped by a metric change and rebuilt with the new leverage', async () => {
    const db = await freshDb();
    const { tree, input, team, item } = await seedTree(db);
    await updateItem(db, item.id, { rice: rice(100) });
    await rankedScoresOf(db, tree.id);
    await updateMetric(db, input.id, { leverage: 3 });
    expect(await stored(db, tree.id)).toBeNull();
    expect(await rankedScoresOf(db, tree.id)).toEqual([300]);

    const other = await createMetric(db, { treeId: tree.id, role: 'input', name: 'Other' });
    await updateItem(db, item.id, { inputMetricId: other.id });
    await deleteMetric(db, other.id);
    expect(await rankedScoresOf(db, tree.id)).toEqual(await fresh(db, tree.id));
    expect(team.parentId).toBe(input.id);
  });

  it('never survive an import of other data', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const before = await exportWorkspace(db);
    await updateItem(db, item.id, { rice: rice(100) });
    expect(await rankedScoresOf(db, tree.id)).toEqual([100]);
    await importWorkspace(db, before, 'merge');
    expect(await rankedScoresOf(db, tree.id)).toEqual([]);
    await updateItem(db, item.id, { rice: rice(7) });
    await importWorkspace(db, before, 'replace');
    expect(await rankedScoresOf(db, tree.id)).toEqual(await fresh(db, tree.id));
  });
});
