/**
 * The rule: an item's ship date is recorded the first time its status becomes `shipped`,
 * as the UTC day of that write, in the same transaction as the status. It never moves on
 * its own: shipped, back to in progress and shipped again keeps the first date, and
 * leaving `shipped` keeps it (shipment.set corrects or forgets it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportedItemRow } from '../../lib/domain/import/item-plan';
import { importItems, readTreeLoop, setShipDate, updateItem, type LensDb } from '../../lib/storage';
import { freshDb, seedTree } from './fresh-db';

function on(day: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}

afterEach(() => {
  vi.useRealTimers();
});

async function shipDates(db: LensDb, treeId: string) {
  return (await readTreeLoop(db, treeId)).shipments.map((s) => [s.itemId, s.at]);
}

describe('recording ship dates from status changes', () => {
  it('records today when an item’s status becomes shipped', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    on('2025-03-12');
    await updateItem(db, item.id, { status: 'shipped' });
    expect(await shipDates(db, tree.id)).toEqual([[item.id, '2025-03-12']]);
  });

  it('records nothing for other statuses or other fields', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    await updateItem(db, item.id, { status: 'in-progress' });
    await updateItem(db, item.id, { title: 'Renamed' });
    expect(await shipDates(db, tree.id)).toEqual([]);
  });

  it('keeps the first date when the item goes back and forth', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    on('2025-03-12');
    await updateItem(db, item.id, { status: 'shipped' });
    on('2025-03-13');
    await updateItem(db, item.id, { status: 'in-progress' });
    expect(await shipDates(db, tree.id)).toEqual([[item.id, '2025-03-12']]);
    on('2025-03-20');
    await updateItem(db, item.id, { status: 'shipped' });
    expect(await shipDates(db, tree.id)).toEqual([[item.id, '2025-03-12']]);
  });

  it('keeps a date the user corrected', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    await setShipDate(db, item.id, '2025-02-01');
    on('2025-03-12');
    await updateItem(db, item.id, { status: 'shipped' });
    expect(await shipDates(db, tree.id)).toEqual([[item.id, '2025-02-01']]);
  });

  it('records the date for tickets a tracker import ships, once', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const row = (status: ImportedItemRow['status']): ImportedItemRow => ({
      link: { site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' },
      title: 'Invite from the share dialog',
      status,
      inputMetricId: null,
      rice: {},
    });
    on('2025-03-12');
    await importItems(db, { treeId: tree.id, rows: [row('shipped')], overwrite: false });
    on('2025-03-19');
    await importItems(db, { treeId: tree.id, rows: [row('shipped')], overwrite: false });
    expect(await shipDates(db, tree.id)).toEqual([[item.id, '2025-03-12']]);
  });
});
