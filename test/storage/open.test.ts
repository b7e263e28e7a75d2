import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, StorageError, createTree, listTrees, openWorkspaceDb } from '../../lib/storage';
import { freshFactory } from './fresh-db';

describe('openWorkspaceDb', () => {
  it("opens the 'north-star-lens' database at the current version by default", async () => {
    const factory = freshFactory();
    const db = await openWorkspaceDb(undefined, factory);
    expect(DB_NAME).toBe('north-star-lens');
    expect(db.name).toBe('north-star-lens');
    expect(db.version).toBe(DB_VERSION);
  });

  it('finds what an earlier connection saved', async () => {
    const factory = freshFactory();
    const first = await openWorkspaceDb(DB_NAME, factory);
    const tree = await createTree(first, { name: 'Acme' });
    first.close();
    const second = await openWorkspaceDb(DB_NAME, factory);
    expect(await listTrees(second)).toEqual([tree]);
  });

  it('refuses a database written by a newer version of the extension, saying so', async () => {
    const factory = freshFactory();
    const newer = await openWorkspaceDb(DB_NAME, factory, DB_VERSION + 1);
    newer.close();
    const failure = await openWorkspaceDb(DB_NAME, factory).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({
      code: 'storage',
      message: expect.stringContaining('newer version of North Star Lens'),
    });
  });

  it('steps aside when a newer version upgrades the database, instead of blocking it', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb(DB_NAME, factory);
    await createTree(old, { name: 'Acme' });
    const upgraded = await openWorkspaceDb(DB_NAME, factory, DB_VERSION + 1);
    expect(upgraded.version).toBe(DB_VERSION + 1);
    await expect(listTrees(old)).rejects.toMatchObject({ code: 'storage' });
  });
});
