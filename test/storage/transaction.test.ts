import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DB_NAME,
  addObservation,
  createTree,
  deleteTree,
  getSettings,
  listTrees,
  openWorkspaceDb,
  updateItem,
} from '../../lib/storage';
import { failOnCall } from './fail-on-call';
import { freshFactory, seedTree, storedData } from './fresh-db';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a write', () => {
  it('has committed when it resolves: another connection sees it at once', async () => {
    const factory = freshFactory();
    const writer = await openWorkspaceDb(DB_NAME, factory);
    const reader = await openWorkspaceDb(DB_NAME, factory);
    const tree = await createTree(writer, { name: 'Acme' });
    expect(await listTrees(reader)).toEqual([tree]);
    expect((await getSettings(reader)).activeTreeId).toBe(tree.id);
  });

  it('that fails half way through a cascade leaves every record in place', async () => {
    const db = await openWorkspaceDb(DB_NAME, freshFactory());
    const { tree, nsm } = await seedTree(db);
    await addObservation(db, { metricId: nsm.id, at: '2024-01-01', value: 1 });
    const before = await storedData(db);
    failOnCall('delete', 3, new DOMException('The transaction was aborted.', 'AbortError'));

    await expect(deleteTree(db, tree.id)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('nothing was changed'),
    });

    vi.restoreAllMocks();
    expect(await storedData(db)).toEqual(before);
  });

  it('that the browser refuses is reported as storage being full, with nothing saved', async () => {
    const db = await openWorkspaceDb(DB_NAME, freshFactory());
    const { item } = await seedTree(db);
    failOnCall('put', 1, new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(updateItem(db, item.id, { notes: 'x' })).rejects.toMatchObject({
      name: 'StorageError',
      code: 'storage',
      message: expect.stringMatching(/^The browser refused to save \(storage is full\?\)/),
    });
    vi.restoreAllMocks();
    expect((await storedData(db)).items).toEqual([item]);
  });

  it('on a closed connection is a storage error, not a crash', async () => {
    const db = await openWorkspaceDb(DB_NAME, freshFactory());
    db.close();
    await expect(createTree(db, { name: 'Acme' })).rejects.toMatchObject({ code: 'storage' });
  });
});
