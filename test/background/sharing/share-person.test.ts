/**
 * A person's display name is set once and used by every share: the first share or join
 * as an editor keeps it, renaming reaches every share and, once published, the others'
 * "tagged by" lines; the open panel asks for its one item's marks. Against a real Apache.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { HandlerContext } from '../../../lib/background/handler-table';
import { SHARING_HANDLERS } from '../../../lib/background/sharing/share-handlers';
import { syncShare } from '../../../lib/background/sharing/share-loop';
import { marksOfItem } from '../../../lib/background/sharing/share-marks';
import { recordsEdited } from '../../../lib/background/sharing/share-memory';
import { setPersonName } from '../../../lib/background/sharing/share-person';
import { createTree, getSettings, getShare, type LensDb, updateItem } from '../../../lib/storage';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { freshDb, seedTree } from '../../storage/fresh-db';

let apache: Apache;
let fileCount = 0;

beforeAll(async () => {
  // The handlers tell open tabs about the change; there are no tabs in this test.
  vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
  apache = await startApache({ password: 'app-pass-42' });
});

afterAll(async () => {
  await apache?.stop();
});

const url = () => `${apache.davUrl}person-${++fileCount}.json`;
const credentials = () => ({ kind: 'password' as const, user: apache.user, password: apache.password });
const context = (db: LensDb) => ({ db }) as HandlerContext;

async function start(db: LensDb, treeId: string, displayName: string, at = url()) {
  const outcome = await SHARING_HANDLERS['share.start'](
    { type: 'share.start', treeId, url: at, credentials: credentials(), displayName },
    context(db),
  );
  expect(outcome.ok).toBe(true);
  return at;
}

async function join(db: LensDb, at: string, displayName: string, mode: 'editor' | 'reader') {
  const outcome = await SHARING_HANDLERS['share.join'](
    { type: 'share.join', url: at, credentials: credentials(), displayName, mode },
    context(db),
  );
  expect(outcome.ok).toBe(true);
}

describe('the display name, set once per person', () => {
  it('is kept from the first share, so the next share starts with it', async () => {
    const ana = await freshDb();
    const { tree } = await seedTree(ana);
    expect((await getSettings(ana)).displayName).toBeUndefined();
    await start(ana, tree.id, 'Ana');
    expect((await getSettings(ana)).displayName).toBe('Ana');
  });

  it('is kept when joining as an editor, not when subscribing read only', async () => {
    const ana = await freshDb();
    const { tree } = await seedTree(ana);
    const at = await start(ana, tree.id, 'Ana');
    const ben = await freshDb();
    await join(ben, at, 'Ben', 'editor');
    expect((await getSettings(ben)).displayName).toBe('Ben');
    const rita = await freshDb();
    await join(rita, at, 'Reviewer', 'reader');
    expect((await getSettings(rita)).displayName).toBeUndefined();
  });

  it('joining as an editor publishes the name at once, so the share is not left waiting', async () => {
    const ana = await freshDb();
    const { tree } = await seedTree(ana);
    const at = await start(ana, tree.id, 'Ana');
    const ben = await freshDb();
    await join(ben, at, 'Ben', 'editor');
    await vi.waitFor(async () => expect((await getShare(ben, tree.id))?.pending).toBe(false), { timeout: 20_000 });
    const file = apache.readFile(at.slice(apache.davUrl.length));
    expect(file?.toString('utf8')).toContain('"Ben"');
  });

  it('renamed once, changes in every share and reaches the others after the next publish', async () => {
    const ana = await freshDb();
    const { tree, item } = await seedTree(ana);
    const other = await createTree(ana, { name: 'Second tree' });
    const first = await start(ana, tree.id, 'Ana');
    await start(ana, other.id, 'Ana');
    const ben = await freshDb();
    await join(ben, first, 'Ben', 'editor');

    const statuses = await setPersonName(ana, 'Ana Pereira');
    expect(statuses.map((s) => s.displayName)).toEqual(['Ana Pereira', 'Ana Pereira']);
    expect((await getSettings(ana)).displayName).toBe('Ana Pereira');
    expect((await getShare(ana, other.id))?.displayName).toBe('Ana Pereira');

    expect((await syncShare(ana, tree.id, false)).ok).toBe(true);
    expect((await syncShare(ben, tree.id, false)).ok).toBe(true);
    expect((await marksOfItem(ben, tree.id, item.id))?.tagged?.by).toBe('Ana Pereira');
  });

  it('an empty or too long name is refused where the message arrives', async () => {
    const { RequestSchema } = await import('../../../lib/messaging/requests');
    const v = await import('valibot');
    expect(v.safeParse(RequestSchema, { type: 'share.setDisplayName', name: '  ' }).success).toBe(false);
    expect(v.safeParse(RequestSchema, { type: 'share.setDisplayName', name: 'x'.repeat(81) }).success).toBe(false);
    expect(v.safeParse(RequestSchema, { type: 'share.setDisplayName', name: 'Ana' }).success).toBe(true);
  });
});

describe("the open panel's marks", () => {
  it("names who tagged the panel's item and who changed it last", async () => {
    const ana = await freshDb();
    const { tree, item } = await seedTree(ana);
    const at = await start(ana, tree.id, 'Ana');
    const ben = await freshDb();
    await join(ben, at, 'Ben', 'editor');
    await updateItem(ben, item.id, { status: 'planned' });
    // As the background does after every committed write request (entrypoints/background.ts).
    recordsEdited();
    expect((await syncShare(ben, tree.id, false)).ok).toBe(true);
    expect((await syncShare(ana, tree.id, false)).ok).toBe(true);
    const marks = await marksOfItem(ana, tree.id, item.id);
    expect(marks?.tagged?.by).toBe('Ana');
    expect(marks?.changed.by).toBe('Ben');
  });

  it('has none for a tree that is not shared, or an item the file does not hold', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    expect(await marksOfItem(db, tree.id, item.id)).toBeNull();
    await start(db, tree.id, 'Ana');
    expect(await marksOfItem(db, tree.id, 'not-an-item')).toBeNull();
  });
});
