/**
 * The background's sharing against a real Apache, with each person's own IndexedDB: a PM
 * shares a tree, another joins, a reviewer subscribes; edits made through the ordinary
 * storage functions reach everyone; and what goes wrong changes nothing and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareOutcome } from '../../../lib/domain/sharing/share-record';
import { leaveShare, type LoopOptions, shareStatuses, syncShare } from '../../../lib/background/sharing/share-loop';
import { joinShareFile, startShare } from '../../../lib/background/sharing/share-start';
import { itemMarks } from '../../../lib/background/sharing/share-marks';
import { createWebDavClient, type WebDavClient } from '../../../lib/background/sharing/webdav-client';
import { getShare, listItems, type LensDb, updateItem } from '../../../lib/storage';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { freshDb, seedTree, storedData } from '../../storage/fresh-db';

let apache: Apache;
let fileCount = 0;
const outcomes: ShareOutcome[] = [];
const options: LoopOptions = {};

beforeAll(async () => {
  apache = await startApache({ password: 'app-pass-SECRET-42' });
});

afterAll(async () => {
  for (const outcome of outcomes) expect(JSON.stringify(outcome)).not.toContain('SECRET');
  await apache?.stop();
});

function address(): { name: string; url: string } {
  const name = `loop-${++fileCount}.json`;
  return { name, url: `${apache.davUrl}${name}` };
}

function credentials(password = apache.password) {
  return { kind: 'password' as const, user: apache.user, password };
}

function kept(outcome: ShareOutcome): ShareOutcome {
  outcomes.push(outcome);
  return outcome;
}

/** The records without their update times (a sync's view dates them by the change's stamp). */
async function treeOf(db: LensDb, treeId: string) {
  const { trees, metrics, items } = await storedData(db);
  const strip = <R extends { updatedAt: number }>({ updatedAt: _u, ...rest }: R) => rest;
  return {
    trees: trees.filter((t) => t.id === treeId).map(strip),
    metrics: metrics.filter((m) => m.treeId === treeId).map(strip),
    items: items.filter((i) => i.treeId === treeId).map(strip),
  };
}

/** Counts the read-write transactions started on `db` from now on. */
function countWrites(db: LensDb): () => number {
  let writes = 0;
  const open = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (stores: never, mode?: IDBTransactionMode) => {
    if (mode === 'readwrite') writes += 1;
    return open(stores, mode);
  };
  return () => writes;
}

async function sharedByAna() {
  const ana = await freshDb();
  const seeded = await seedTree(ana);
  const { name, url } = address();
  const started = kept(
    await startShare(ana, { treeId: seeded.tree.id, url, credentials: credentials(), displayName: 'Ana' }, options),
  );
  expect(started.ok).toBe(true);
  return { ana, name, url, ...seeded };
}

describe('sharing from the background', () => {
  it('a reviewer who subscribes gets the tree as Ana shared it, and sees who tagged each item', async () => {
    const { ana, url, tree, item, input } = await sharedByAna();
    const reviewer = await freshDb();
    const joined = kept(
      await joinShareFile(reviewer, { url, credentials: credentials(), displayName: 'Rita', mode: 'reader' }, options),
    );
    expect(joined).toMatchObject({ ok: true, status: { treeId: tree.id, mode: 'reader' } });
    expect(await treeOf(reviewer, tree.id)).toEqual(await treeOf(ana, tree.id));
    expect((await listItems(reviewer, tree.id))[0]?.inputMetricId).toBe(input.id);
    const marks = await itemMarks(reviewer, tree.id);
    expect(marks[item.id]?.tagged?.by).toBe('Ana');
  });

  it('two PMs edit different fields of one item, then sync: everyone converges and keeps both edits', async () => {
    const { ana, url, tree, item } = await sharedByAna();
    const ben = await freshDb();
    kept(await joinShareFile(ben, { url, credentials: credentials(), displayName: 'Ben', mode: 'editor' }, options));
    const reviewer = await freshDb();
    kept(await joinShareFile(reviewer, { url, credentials: { kind: 'none' }, displayName: 'R', mode: 'reader' }, {}));
    await updateItem(ana, item.id, { status: 'planned' });
    await updateItem(ben, item.id, { rice: { effort: 5 } });
    expect(kept(await syncShare(ana, tree.id, false, options)).ok).toBe(true);
    expect(kept(await syncShare(ben, tree.id, false, options)).ok).toBe(true);
    expect(kept(await syncShare(ana, tree.id, false, options)).ok).toBe(true);
    const edited = (await listItems(ana, tree.id))[0]!;
    expect(edited.status).toBe('planned');
    expect(edited.rice.effort).toBe(5);
    expect(await treeOf(ben, tree.id)).toEqual(await treeOf(ana, tree.id));
    const marks = await itemMarks(ana, tree.id);
    expect(marks[item.id]?.changed.by).toBe('Ben');
  });

  it('an edit made while a sync is on the network keeps the fields a teammate changed meanwhile', async () => {
    const { ana, url, tree, item } = await sharedByAna();
    const ben = await freshDb();
    kept(await joinShareFile(ben, { url, credentials: credentials(), displayName: 'Ben', mode: 'editor' }, options));
    await updateItem(ana, item.id, { rice: { reach: 400 }, notes: 'Ana: for Q3' });
    expect(kept(await syncShare(ana, tree.id, true, options)).ok).toBe(true);
    // Ben retags the same item's effort after his sync has read his records, before it
    // has written Ana's reach and notes into them: his record still shows the old ones.
    const client = createWebDavClient();
    let edited = false;
    const editingMidway: WebDavClient = {
      pull: async (share, etag) => {
        const pulled = await client.pull(share, etag);
        if (!edited) {
          edited = true;
          await updateItem(ben, item.id, { rice: { effort: 8 } });
        }
        return pulled;
      },
      put: (share, text, condition) => client.put(share, text, condition),
      makeFolder: (share) => client.makeFolder(share),
    };
    expect(kept(await syncShare(ben, tree.id, false, { ...options, client: editingMidway })).ok).toBe(true);
    expect(edited).toBe(true);
    const mine = (await listItems(ben, tree.id))[0]!;
    expect(mine.rice).toMatchObject({ reach: 400, effort: 8 });
    expect(mine.notes).toBe('Ana: for Q3');
    expect(kept(await syncShare(ben, tree.id, true, options)).ok).toBe(true);
    expect(kept(await syncShare(ana, tree.id, false, options)).ok).toBe(true);
    const theirs = (await listItems(ana, tree.id))[0]!;
    expect(theirs.rice).toMatchObject({ reach: 400, effort: 8 });
    expect(theirs.notes).toBe('Ana: for Q3');
  });

  it('finds the file unchanged with one request and writes nothing to the database', async () => {
    const { ana, tree } = await sharedByAna();
    await syncShare(ana, tree.id, false, options);
    const writes = countWrites(ana);
    const again = kept(await syncShare(ana, tree.id, false, options));
    expect(again.ok).toBe(true);
    expect(writes()).toBe(0);
  });

  it('refuses to share with a wrong password, says so, and stores nothing', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const before = await storedData(db);
    const { url } = address();
    const outcome = kept(
      await startShare(db, { treeId: tree.id, url, credentials: credentials('wrong'), displayName: 'Ana' }, options),
    );
    expect(outcome).toMatchObject({ ok: false, code: 'credentials', message: expect.stringMatching(/password/) });
    expect(await storedData(db)).toEqual(before);
    expect(await shareStatuses(db)).toEqual([]);
  });

  it('refuses a file replaced by garbage, keeps the copy and says what is wrong', async () => {
    const { ana, name, tree } = await sharedByAna();
    const before = await treeOf(ana, tree.id);
    apache.writeFile(name, '{"app":"north-star-lens","kind":"shared-tree","formatVersion":1,"tree":7}', {
      ageMs: 5000,
    });
    const outcome = kept(await syncShare(ana, tree.id, true, options));
    expect(outcome).toMatchObject({ ok: true, status: { problem: { code: 'not-shared-file' } } });
    expect(await treeOf(ana, tree.id)).toEqual(before);
  });

  it('with the server down, the reviewer keeps the last copy and the reason, and catches up when it is back', async () => {
    const { ana, url, tree, item } = await sharedByAna();
    const reviewer = await freshDb();
    kept(await joinShareFile(reviewer, { url, credentials: credentials(), displayName: 'R', mode: 'reader' }, options));
    const copy = await treeOf(reviewer, tree.id);
    await apache.stopServer();
    try {
      const down = kept(await syncShare(reviewer, tree.id, false, options));
      expect(down).toMatchObject({ ok: true, status: { problem: { code: 'offline' } } });
      expect(await treeOf(reviewer, tree.id)).toEqual(copy);
    } finally {
      await apache.start();
    }
    await updateItem(ana, item.id, { title: 'Invite from anywhere' });
    kept(await syncShare(ana, tree.id, false, options));
    const back = kept(await syncShare(reviewer, tree.id, false, options));
    expect(back).toMatchObject({ ok: true, status: { problem: null } });
    expect((await listItems(reviewer, tree.id))[0]?.title).toBe('Invite from anywhere');
  });

  it('a reader never publishes: its own edits are replaced by the shared copy at the next sync', async () => {
    const { url, tree, item, name } = await sharedByAna();
    const reviewer = await freshDb();
    kept(await joinShareFile(reviewer, { url, credentials: credentials(), displayName: 'R', mode: 'reader' }, options));
    const file = apache.readFile(name)?.toString();
    await updateItem(reviewer, item.id, { title: 'Changed by the reviewer' });
    kept(await syncShare(reviewer, tree.id, true, options));
    expect(apache.readFile(name)?.toString()).toBe(file);
    expect((await listItems(reviewer, tree.id))[0]?.title).toBe('Invite from the share dialog');
  });

  it('leaving keeps the tree as a local copy and forgets the credentials', async () => {
    const { ana, tree } = await sharedByAna();
    const before = await treeOf(ana, tree.id);
    await leaveShare(ana, tree.id);
    expect(await getShare(ana, tree.id)).toBeNull();
    expect(await treeOf(ana, tree.id)).toEqual(before);
  });
});
