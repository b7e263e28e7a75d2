/**
 * A tree too large for one shared file, against a real Apache. Every reader refuses a
 * file over 32 MiB before parsing it (docs/sharing.md), so a writer must not put one on
 * the server: the person is told before the PUT, the file stays as it was, and nothing
 * stored here is lost. Items with long notes (10,000 characters, the most a note holds)
 * reach the limit at about 3,200 items; short ones at about 55,000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareStatuses, syncShare } from '../../../lib/background/sharing/share-loop';
import { startShare } from '../../../lib/background/sharing/share-start';
import { MAX_TEXT } from '../../../lib/domain/schemas';
import { MAX_SHARED_BYTES } from '../../../lib/domain/sharing/shared-file-schema';
import { createItem, deleteItem, importWorkspace, type LensDb, listItems, updateItem } from '../../../lib/storage';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { freshDb, storedData } from '../../storage/fresh-db';
import { serverBody } from './server-files';

const TREE = 'tree-notes';
const NOTES = 'A long discussion of the idea. '.repeat(MAX_TEXT / 31).slice(0, MAX_TEXT);

let apache: Apache;
let fileCount = 0;

beforeAll(async () => {
  apache = await startApache();
});

afterAll(async () => {
  await apache?.stop();
});

function address(): { name: string; url: string } {
  const name = `size-${++fileCount}.json`;
  return { name, url: `${apache.davUrl}${name}` };
}

const credentials = () => ({ kind: 'password' as const, user: apache.user, password: apache.password });

/** A workspace of one tree whose `count` items each carry a note as long as a note may be. */
async function treeWithLongNotes(count: number): Promise<LensDb> {
  const db = await freshDb();
  const at = Date.UTC(2026, 11, 1);
  await importWorkspace(
    db,
    {
      app: 'north-star-lens',
      formatVersion: 1,
      exportedAt: new Date(at).toISOString(),
      trees: [{ id: TREE, name: 'Notes', game: 'productivity', createdAt: at, updatedAt: at }],
      metrics: [],
      observations: [],
      items: Array.from({ length: count }, (_, n) => ({
        id: `item-${n}`,
        treeId: TREE,
        title: `Idea ${n}`,
        links: [],
        inputMetricId: null,
        rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 },
        status: 'idea',
        notes: NOTES,
        createdAt: at,
        updatedAt: at,
      })),
      reviews: [],
      history: [],
      settings: { activeTreeId: TREE, disabledSites: [], customDomains: [] },
    },
    'replace',
  );
  return db;
}

describe('a tree too large for one shared file', () => {
  it('is not shared: the person is told why before anything is written, and nothing here changes', async () => {
    const db = await treeWithLongNotes(3_300);
    const before = await storedData(db);
    const { name, url } = address();
    const outcome = await startShare(db, { treeId: TREE, url, credentials: credentials(), displayName: 'Ana' });
    expect(outcome).toEqual({
      ok: false,
      code: 'too-large',
      message: expect.stringMatching(
        /^the shared tree would be 3\d\.\d MiB, more than the 32 MiB a shared file may hold, so it was not published/,
      ),
    });
    expect(apache.readFile(name)).toBeNull();
    expect(await storedData(db)).toEqual(before);
    expect(await shareStatuses(db)).toEqual([]);
  }, 120_000);

  it('an edit that would make the file too large is not published; the file stays, the edit stays here', async () => {
    const db = await treeWithLongNotes(2_700);
    const { name, url } = address();
    const started = await startShare(db, { treeId: TREE, url, credentials: credentials(), displayName: 'Ana' });
    expect(started).toMatchObject({ ok: true });
    const published = apache.readFile(name);
    expect(published!.length).toBeLessThan(MAX_SHARED_BYTES);

    const added: string[] = [];
    for (let n = 0; n < 600; n++) {
      const item = await createItem(db, { treeId: TREE, title: `Late idea ${n}`, links: [] });
      await updateItem(db, item.id, { notes: NOTES });
      added.push(item.id);
    }
    const refused = await syncShare(db, TREE, true);
    expect(refused).toMatchObject({
      ok: true,
      status: { problem: { code: 'too-large', message: expect.stringMatching(/so it was not published/) } },
    });
    expect(apache.readFile(name)!.equals(published!)).toBe(true);
    expect(await listItems(db, TREE)).toHaveLength(3_300);

    // Once the tree fits again, the next sync publishes it.
    for (const id of added.slice(0, 550)) await deleteItem(db, id);
    const synced = await syncShare(db, TREE, true);
    expect(synced).toMatchObject({ ok: true, status: { problem: null } });
    expect(serverBody(apache, name).items).toHaveLength(2_750);
  }, 180_000);
});
