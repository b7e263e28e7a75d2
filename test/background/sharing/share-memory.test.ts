/**
 * A pull of an unchanged file after a sync that left the records and the file in
 * agreement: one conditional GET to the real Apache and no database access at all. An
 * edit committed since (the background calls recordsEdited after each one), or a file
 * changed by someone else, makes the next sync do everything again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsEdited } from '../../../lib/background/sharing/share-memory';
import { syncShare } from '../../../lib/background/sharing/share-loop';
import { joinShareFile, startShare } from '../../../lib/background/sharing/share-start';
import { type LensDb, listItems, updateItem } from '../../../lib/storage';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { freshDb, seedTree } from '../../storage/fresh-db';
import { serverTexts } from './server-files';

let apache: Apache;
let fileCount = 0;

beforeAll(async () => {
  apache = await startApache();
});

afterAll(async () => {
  await apache?.stop();
});

const credentials = () => ({ kind: 'password' as const, user: apache.user, password: apache.password });

/** Counts every transaction started on `db` from now on, reading or writing. */
function countTransactions(db: LensDb): () => number {
  let count = 0;
  const open = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (stores: never, mode?: IDBTransactionMode) => {
    count += 1;
    return open(stores, mode);
  };
  return () => count;
}

async function sharedTree() {
  const ana = await freshDb();
  const seeded = await seedTree(ana);
  const name = `memory-${++fileCount}.json`;
  const url = `${apache.davUrl}${name}`;
  expect(
    await startShare(ana, { treeId: seeded.tree.id, url, credentials: credentials(), displayName: 'Ana' }),
  ).toMatchObject({ ok: true });
  const rita = await freshDb();
  expect(
    await joinShareFile(rita, { url, credentials: credentials(), displayName: 'Rita', mode: 'reader' }),
  ).toMatchObject({ ok: true });
  return { ana, rita, name, ...seeded };
}

describe('a pull after the records and the file last agreed', () => {
  it('costs no database access when the file is unchanged, and still answers the status', async () => {
    const { rita, tree } = await sharedTree();
    // The first sync in this worker compares everything and remembers the agreement.
    expect(await syncShare(rita, tree.id, false)).toMatchObject({ ok: true, status: { problem: null } });
    const transactions = countTransactions(rita);
    const again = await syncShare(rita, tree.id, true);
    expect(again).toMatchObject({ ok: true, status: { treeId: tree.id, mode: 'reader', problem: null } });
    expect(transactions()).toBe(0);
  });

  it('after a local edit, the next pull finds the edit and publishes it', async () => {
    const { ana, name, tree, item } = await sharedTree();
    await syncShare(ana, tree.id, false);
    await syncShare(ana, tree.id, false);
    await updateItem(ana, item.id, { title: 'Invite by link' });
    recordsEdited();
    expect(await syncShare(ana, tree.id, false)).toMatchObject({ ok: true, status: { problem: null } });
    expect(serverTexts(apache, name).join('\n')).toContain('Invite by link');
  });

  it('a file someone else changed is merged at the next pull', async () => {
    const { ana, rita, tree, item } = await sharedTree();
    await syncShare(rita, tree.id, false);
    await syncShare(rita, tree.id, false);
    await updateItem(ana, item.id, { title: 'Invite from anywhere' });
    recordsEdited();
    await syncShare(ana, tree.id, false);
    expect(await syncShare(rita, tree.id, false)).toMatchObject({ ok: true, status: { problem: null } });
    expect((await listItems(rita, tree.id))[0]?.title).toBe('Invite from anywhere');
  });

  it('an edit made since the records last agreed is published, and kept, when the file changed too', async () => {
    const { ana, rita, name, tree, item } = await sharedTree();
    const ben = await freshDb();
    expect(
      await joinShareFile(ben, {
        url: `${apache.davUrl}${name}`,
        credentials: credentials(),
        displayName: 'Ben',
        mode: 'editor',
      }),
    ).toMatchObject({ ok: true });
    await syncShare(ana, tree.id, false);
    await syncShare(ana, tree.id, false);
    await updateItem(ana, item.id, { notes: 'Ana: for Q3' });
    recordsEdited();
    const [bens] = await listItems(ben, tree.id);
    await updateItem(ben, bens!.id, { title: 'Invite from anywhere' });
    expect(await syncShare(ben, tree.id, true)).toMatchObject({ ok: true, status: { pending: false } });
    expect(await syncShare(ana, tree.id, false)).toMatchObject({ ok: true, status: { problem: null, pending: false } });
    expect(await listItems(ana, tree.id)).toMatchObject([{ title: 'Invite from anywhere', notes: 'Ana: for Q3' }]);
    expect(await syncShare(rita, tree.id, false)).toMatchObject({ ok: true });
    expect(await listItems(rita, tree.id)).toMatchObject([{ title: 'Invite from anywhere', notes: 'Ana: for Q3' }]);
  });
});
