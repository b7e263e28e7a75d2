import { describe, expect, it } from 'vitest';
import type { ImportedItemRow } from '../../lib/domain/import/item-plan';
import {
  createTree,
  getSettings,
  importItems,
  listItems,
  previewItemImport,
  rankedScoresOf,
  StorageError,
  updateItem,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

function row(key: string, fields: Partial<ImportedItemRow> = {}): ImportedItemRow {
  return {
    link: { site: 'jira', key, url: `https://acme.atlassian.net/browse/${key}` },
    title: `Ticket ${key}`,
    status: 'planned',
    inputMetricId: null,
    rice: {},
    ...fields,
  };
}

describe('importItems', () => {
  it('adds new tickets and updates the title and status of one already tracked, matched by link', async () => {
    const db = await freshDb();
    const { tree, item, input } = await seedTree(db);
    const rows = [row('ABC-1', { title: 'Invite from anywhere', status: 'shipped' }), row('ABC-2')];
    expect(await previewItemImport(db, { treeId: tree.id, rows, overwrite: false })).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
    });
    await importItems(db, { treeId: tree.id, rows, overwrite: false });
    const items = await listItems(db, tree.id);
    expect(items).toHaveLength(2);
    const tracked = items.find((i) => i.id === item.id)!;
    expect(tracked).toMatchObject({ title: 'Invite from anywhere', status: 'shipped', inputMetricId: input.id });
  });

  it('changes nothing the second time', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const rows = [row('ABC-2', { rice: { reach: 100, effort: 2 } }), row('ABC-3')];
    await importItems(db, { treeId: tree.id, rows, overwrite: false });
    const before = await storedData(db);
    expect(await importItems(db, { treeId: tree.id, rows, overwrite: false })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await storedData(db)).toEqual(before);
  });

  it('keeps a tag and an estimate set in the extension unless overwrite is asked for', async () => {
    const db = await freshDb();
    const { tree, item, input, team } = await seedTree(db);
    await updateItem(db, item.id, { rice: { reach: 500, effort: 1 } });
    const rows = [
      row('ABC-1', { title: item.title, status: 'idea', inputMetricId: team.id, rice: { reach: 9, impact: 2 } }),
    ];
    await importItems(db, { treeId: tree.id, rows, overwrite: false });
    let [kept] = await listItems(db, tree.id);
    expect(kept).toMatchObject({ inputMetricId: input.id, rice: { reach: 500, impact: 2, effort: 1 } });
    await importItems(db, { treeId: tree.id, rows, overwrite: true });
    [kept] = await listItems(db, tree.id);
    expect(kept).toMatchObject({ inputMetricId: team.id, rice: { reach: 9, impact: 2, effort: 1 } });
  });

  it('drops the stored ranking, so the next reader ranks the imported items', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    await rankedScoresOf(db, tree.id);
    const rice = { reach: 100, impact: 1, confidence: 1, effort: 1 };
    await importItems(db, {
      treeId: tree.id,
      rows: [row('ABC-9', { inputMetricId: input.id, rice })],
      overwrite: false,
    });
    expect(await rankedScoresOf(db, tree.id)).toEqual([100]);
  });

  it('refuses a row tagged with a metric that cannot be tagged, and writes nothing', async () => {
    const db = await freshDb();
    const { tree, nsm } = await seedTree(db);
    const before = await storedData(db);
    const rows = [row('ABC-2'), row('ABC-3', { inputMetricId: nsm.id })];
    const failure = await importItems(db, { treeId: tree.id, rows, overwrite: false }).catch((e) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure.path).toBe('rows[1].inputMetricId');
    expect(await storedData(db)).toEqual(before);
  });

  it('imports hundreds of tickets beside the items already stored in the same chunks, losing none', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const other = await createTree(db, { name: 'Other', game: null });
    const rows = Array.from({ length: 1500 }, (_, i) => row(`BIG-${i}`));
    await importItems(db, { treeId: other.id, rows: rows.slice(0, 700), overwrite: false });
    expect(await importItems(db, { treeId: tree.id, rows, overwrite: false })).toEqual({
      added: 1500,
      updated: 0,
      unchanged: 0,
    });
    expect(await listItems(db, tree.id)).toHaveLength(1501);
    expect(await listItems(db, other.id)).toHaveLength(700);
    expect((await listItems(db, tree.id)).some((i) => i.id === item.id)).toBe(true);
  });

  it('remembers the tracker mapping', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    const mapping = { site: 'https://acme.atlassian.net', labels: { growth: input.id }, rice: {}, pointsPerMonth: 8 };
    await importItems(
      db,
      { treeId: tree.id, rows: [row('ABC-2')], overwrite: false },
      { kind: 'items', source: 'jira', mapping },
    );
    expect((await getSettings(db)).importMappings?.items.jira).toEqual(mapping);
  });
});
