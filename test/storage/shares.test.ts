import { describe, expect, it } from 'vitest';
import { startSharing } from '../../lib/domain/sharing/sync';
import { sharedView } from '../../lib/domain/sharing/view';
import { headOf, type StoredShare, shareStatus } from '../../lib/domain/sharing/share-record';
import { withLocalChanges } from '../../lib/domain/sharing/local-changes';
import {
  clearWorkspace,
  deleteShare,
  deleteTree,
  exportWorkspace,
  getShare,
  getShareState,
  listItems,
  listMetrics,
  listShares,
  openWorkspaceDb,
  readShareAndTree,
  saveShare,
  type LensDb,
} from '../../lib/storage';
import { freshDb, freshFactory, seedTree, storedData } from './fresh-db';

const SECRET = 'app-pass-S3CRET-91';

async function sharedSeed(db: LensDb) {
  const seeded = await seedTree(db);
  const { records } = await readShareAndTree(db, seeded.tree.id);
  const replica = startSharing(
    { tree: records.tree!, metrics: records.metrics, items: records.items },
    'replicaA',
    'Ana',
    1_800_000_000_000,
  );
  const share: StoredShare = {
    treeId: seeded.tree.id,
    url: 'https://cloud.example.com/remote.php/dav/files/ana/acme.json?token=in-query',
    mode: 'editor',
    credentials: { kind: 'password', user: 'ana', password: SECRET },
    replicaId: 'replicaA',
    displayName: 'Ana',
    clock: replica.clock,
    head: headOf(replica.state),
    revision: 0,
    remote: null,
    pending: false,
    syncedAt: null,
    problem: null,
  };
  const written = await saveShare(db, async () => ({
    share,
    state: { before: null, after: replica.state },
    view: null,
  }));
  return { ...seeded, share: written.share!, state: replica.state };
}

describe('the shares store', () => {
  it('keeps a share with its state, clock and credentials, read back as stored', async () => {
    const db = await freshDb();
    const { tree, share, state } = await sharedSeed(db);
    const stored = await getShare(db, tree.id);
    expect(stored).toEqual(share);
    expect(stored?.revision).toBe(1);
    const read = await getShareState(db, tree.id);
    expect(read?.state).toEqual(state);
    expect(read?.state.items).toBeInstanceOf(Map);
    expect(await listShares(db)).toHaveLength(1);
  });

  it('keeps each metric, item and tombstone as a record of its own, and rewrites only what a change replaced', async () => {
    const db = await freshDb();
    const { tree, share, state, item } = await sharedSeed(db);
    const recordsOf = async () =>
      (await everyRecord(db, ['shareRecords'])).shareRecords as { kind: string; id: string }[];
    expect((await recordsOf()).map((r) => r.kind).sort()).toEqual(['item', 'metric', 'metric', 'metric']);
    const next = withLocalChanges(
      { clock: share.clock, state },
      [{ kind: 'delete-item', id: item.id }],
      1_800_000_060_000,
    );
    await saveShare(db, async () => ({ share, state: { before: state, after: next.state }, view: null }));
    expect((await recordsOf()).filter((r) => r.kind.endsWith('tem')).map((r) => [r.kind, r.id])).toEqual([
      ['deletedItem', item.id],
    ]);
    const read = await getShareState(db, tree.id);
    expect(read?.share.revision).toBe(2);
    expect(read?.state).toEqual(next.state);
    // A copy read at the current revision is used as it is; an older one is not.
    expect((await getShareState(db, tree.id, { revision: 2, state: next.state }))?.state).toBe(next.state);
    expect((await getShareState(db, tree.id, { revision: 1, state }))?.state).toEqual(next.state);
  });

  it('gives views a status without the password, the user name or the address query', async () => {
    const db = await freshDb();
    const { tree } = await sharedSeed(db);
    const status = shareStatus((await getShare(db, tree.id))!);
    const text = JSON.stringify(status);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('"ana"');
    expect(text).not.toContain('in-query');
    expect(status).toMatchObject({
      address: 'https://cloud.example.com/remote.php/dav/files/ana/acme.json',
      origin: 'https://cloud.example.com',
      credentialsKind: 'password',
      displayName: 'Ana',
      mode: 'editor',
      people: 1,
    });
  });

  it('never puts the credentials in an export', async () => {
    const db = await freshDb();
    await sharedSeed(db);
    const exported = JSON.stringify(await exportWorkspace(db));
    expect(exported).not.toContain(SECRET);
    expect(exported).not.toContain('cloud.example.com');
  });

  it('leaving keeps the tree as a local copy', async () => {
    const db = await freshDb();
    const { tree } = await sharedSeed(db);
    const before = await storedData(db);
    expect(await deleteShare(db, tree.id)).toBe(true);
    expect(await getShare(db, tree.id)).toBeNull();
    expect(await storedData(db)).toEqual(before);
    expect(await deleteShare(db, tree.id)).toBe(false);
  });

  it('forgets the share, credentials included, with its tree or with the whole workspace', async () => {
    const db = await freshDb();
    const { tree } = await sharedSeed(db);
    await deleteTree(db, tree.id);
    expect(await listShares(db)).toEqual([]);
    expect(await everyRecord(db, ['shareRecords'])).toEqual({ shareRecords: [] });
    await sharedSeed(db);
    await clearWorkspace(db);
    expect(await listShares(db)).toEqual([]);
    expect(await everyRecord(db, ['shareRecords'])).toEqual({ shareRecords: [] });
  });

  it('writes the tree as the shared view says, with the share, in one transaction', async () => {
    const db = await freshDb();
    const { tree, share, item, input, state } = await sharedSeed(db);
    const view = sharedView(state);
    view.items = view.items.map((i) => (i.id === item.id ? { ...i, title: 'Invite from anywhere' } : i));
    view.metrics = view.metrics.filter((m) => m.role !== 'team');
    const { records } = await readShareAndTree(db, tree.id);
    const written = await saveShare(db, async () => ({ share: { ...share, pending: true }, view, before: records }));
    expect(written).toMatchObject({ metrics: true, items: true });
    expect((await listItems(db, tree.id)).map((i) => i.title)).toEqual(['Invite from anywhere']);
    expect((await listMetrics(db, tree.id)).map((m) => m.id)).not.toContain(undefined);
    expect((await listMetrics(db, tree.id)).some((m) => m.role === 'team')).toBe(false);
    expect((await listItems(db, tree.id))[0]?.inputMetricId).toBe(input.id);
    expect((await getShare(db, tree.id))?.pending).toBe(true);
  });

  it('changes nothing when the work fails half way', async () => {
    const db = await freshDb();
    const { tree, share, state } = await sharedSeed(db);
    const before = await storedData(db);
    const view = sharedView(state);
    view.items = [];
    const { records } = await readShareAndTree(db, tree.id);
    await expect(
      saveShare(db, async (tx) => {
        await tx.objectStore('shares').put({ ...share, pending: true });
        throw new Error('stopped');
      }),
    ).rejects.toThrow();
    expect(await storedData(db)).toEqual(before);
    expect((await getShare(db, tree.id))?.pending).toBe(false);
    expect(records.items).toHaveLength(1);
  });
});

/** Every record of every store `names` (by default all of the database's), read raw. */
async function everyRecord(db: LensDb, names: string[] = [...db.objectStoreNames]) {
  const raw = db as unknown as { getAll(store: string): Promise<unknown[]> };
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await raw.getAll(name)])));
}

describe('version 8: the shares store', () => {
  it('upgrades a version 7 database full of data to one with an empty shares store, nothing else changed', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 7);
    await seedTree(old);
    const before = await everyRecord(old);
    expect([...old.objectStoreNames]).not.toContain('shares');
    old.close();
    const db = await openWorkspaceDb('north-star-lens', factory);
    expect(db.version).toBeGreaterThanOrEqual(8);
    expect([...db.objectStoreNames]).toContain('shares');
    expect(await listShares(db)).toEqual([]);
    expect(await everyRecord(db, [...old.objectStoreNames])).toEqual(before);
    const { tree } = await sharedSeed(db);
    expect(await getShare(db, tree.id)).not.toBeNull();
  });
});

describe('version 9: a record per shared metric, item and tombstone', () => {
  it('moves a version 8 share’s state into records of their own and keeps the ETag without the text', async () => {
    const factory = freshFactory();
    const old = await openWorkspaceDb('north-star-lens', factory, 8);
    const seeded = await seedTree(old);
    const replica = startSharing(
      { tree: seeded.tree, metrics: [seeded.nsm, seeded.input, seeded.team], items: [seeded.item] },
      'replicaA',
      'Ana',
      1_800_000_000_000,
    );
    const state = withLocalChanges(replica, [{ kind: 'delete-metric', id: seeded.team.id }], 1_800_000_060_000).state;
    const legacy = {
      treeId: seeded.tree.id,
      url: 'https://cloud.example.com/acme.json',
      mode: 'editor',
      credentials: { kind: 'password', user: 'ana', password: SECRET },
      replicaId: 'replicaA',
      displayName: 'Ana',
      clock: replica.clock,
      state,
      remote: { text: '{"the file":"as last read"}', etag: '"abc-123"' },
      pending: false,
      syncedAt: 1_800_000_000_000,
      problem: null,
    };
    const raw = old as unknown as { put(store: string, value: unknown): Promise<unknown> };
    await raw.put('shares', legacy);
    const others = await everyRecord(old, ['trees', 'metrics', 'itemChunks', 'settings']);
    old.close();
    const db = await openWorkspaceDb('north-star-lens', factory);
    expect(db.version).toBeGreaterThanOrEqual(9);
    const upgraded = await getShareState(db, seeded.tree.id);
    expect(upgraded?.state).toEqual(state);
    const { state: _state, remote: _remote, ...rest } = legacy;
    expect(upgraded?.share).toEqual({
      ...rest,
      head: headOf(state),
      revision: 0,
      remote: { etag: '"abc-123"', covers: false },
    });
    expect(JSON.stringify(await everyRecord(db, ['shares']))).not.toContain('as last read');
    expect(await everyRecord(db, ['trees', 'metrics', 'itemChunks', 'settings'])).toEqual(others);
    await deleteTree(db, seeded.tree.id);
    expect(await everyRecord(db, ['shares', 'shareRecords'])).toEqual({ shares: [], shareRecords: [] });
  });
});
