/**
 * What a pull of a teammate's 1,000 changes into a 10,000-item tree writes, against a real
 * Apache: every changed field arrives, in one write transaction, and nothing else is
 * written. Writes are counted as the bench counts them (scripts/bench/write-counter.js,
 * installed over this process's IndexedDB), so a sync that skipped a change, applied it to
 * the wrong record or rewrote records that did not change fails here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsEdited } from '../../../lib/background/sharing/share-memory';
import { syncShare } from '../../../lib/background/sharing/share-loop';
import { joinShareFile, startShare } from '../../../lib/background/sharing/share-start';
import type { Item } from '../../../lib/domain/types';
import { chunkOf } from '../../../lib/storage/item-chunks';
import { importWorkspace, type LensDb, listItems, updateItem } from '../../../lib/storage';
import { blankMetricFields } from '../../../lib/storage/metrics';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { freshDb } from '../../storage/fresh-db';

const TREE = 'tree-big';
const ITEMS = 10_000;
const CHANGED = 1_000;

interface Counts {
  transactions: number;
  writes: number;
}

let apache: Apache;

beforeAll(async () => {
  apache = await startApache();
  // The bench's counter, as it is prepended to the worker: over IndexedDB's prototypes.
  new Function(readFileSync(new URL('../../../scripts/bench/write-counter.js', import.meta.url), 'utf8'))();
});

afterAll(async () => {
  await apache?.stop();
});

const credentials = () => ({ kind: 'password' as const, user: apache.user, password: apache.password });
const counts = (): Counts => ({ ...(globalThis as unknown as { __nslWrites: Counts }).__nslWrites });

async function bigTree(): Promise<LensDb> {
  const db = await freshDb();
  const at = Date.UTC(2026, 11, 1);
  const metric = (id: string, role: 'nsm' | 'input', parentId: string | null) => ({
    id,
    treeId: TREE,
    role,
    parentId,
    name: `Metric ${id}`,
    ...blankMetricFields(),
    updatedAt: at,
  });
  await importWorkspace(
    db,
    {
      app: 'north-star-lens',
      formatVersion: 1,
      exportedAt: new Date(at).toISOString(),
      trees: [{ id: TREE, name: 'Big', game: 'productivity', createdAt: at, updatedAt: at }],
      metrics: [metric('nsm', 'nsm', null), metric('in1', 'input', 'nsm'), metric('in2', 'input', 'nsm')],
      observations: [],
      items: Array.from({ length: ITEMS }, (_, n) => ({
        id: `item-${String(n).padStart(5, '0')}`,
        treeId: TREE,
        title: `Idea ${n}`,
        links: [],
        inputMetricId: 'in1',
        rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 },
        status: 'idea' as const,
        notes: '',
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

/** One field per item, a different one by turns, so every kind of register is carried. */
function changeOf(item: Item, n: number): Parameters<typeof updateItem>[2] {
  switch (n % 8) {
    case 0:
      return { notes: `changed ${n}` };
    case 1:
      return { title: `${item.title}, revised` };
    case 2:
      return { status: 'planned' };
    case 3:
      return { inputMetricId: 'in2' };
    case 4:
      return { rice: { reach: 100 + n } };
    case 5:
      return { rice: { impact: 2 } };
    case 6:
      return { rice: { confidence: 1 } };
    default:
      return { rice: { effort: 3 } };
  }
}

const fields = ({ title, inputMetricId, rice, status, notes }: Item) => ({ title, inputMetricId, rice, status, notes });

describe('pulling 1,000 changes into a 10,000-item tree', () => {
  it('brings every changed field in one transaction and writes only the changed records', async () => {
    const ana = await bigTree();
    const url = `${apache.davUrl}big.json`;
    expect(await startShare(ana, { treeId: TREE, url, credentials: credentials(), displayName: 'Ana' })).toMatchObject({
      ok: true,
    });
    const ben = await freshDb();
    const rita = await freshDb();
    for (const [db, name, mode] of [
      [ben, 'Ben', 'editor'],
      [rita, 'Rita', 'reader'],
    ] as const) {
      expect(await joinShareFile(db, { url, credentials: credentials(), displayName: name, mode })).toMatchObject({
        ok: true,
      });
    }

    // Ben changes every tenth item, one field each, and publishes.
    const changed = (await listItems(ben, TREE)).filter((_, n) => n % (ITEMS / CHANGED) === 0);
    expect(changed).toHaveLength(CHANGED);
    for (const [n, item] of changed.entries()) await updateItem(ben, item.id, changeOf(item, n));
    recordsEdited();
    // (One worker per person in the browser: Ben's edits do not make Rita compare everything again.)
    expect(await syncShare(rita, TREE, true)).toMatchObject({ ok: true, status: { problem: null } });
    expect(await syncShare(ben, TREE, true)).toMatchObject({ ok: true, status: { problem: null, pending: false } });

    const before = counts();
    expect(await syncShare(rita, TREE, true)).toMatchObject({ ok: true, status: { problem: null } });
    const after = counts();

    const theirs = new Map((await listItems(ben, TREE)).map((item) => [item.id, fields(item)]));
    const hers = await listItems(rita, TREE);
    expect(hers).toHaveLength(ITEMS);
    for (const item of hers) expect(fields(item), item.id).toEqual(theirs.get(item.id));
    const changedIds = new Set(changed.map((item) => item.id));
    expect(hers.filter((item) => item.notes.startsWith('changed')).every((item) => changedIds.has(item.id))).toBe(true);

    // One transaction: the share, one shared record per changed item, each changed item's
    // chunk once, and the tree's ranking forgotten. Nothing for the 9,000 others.
    const chunks = new Set(changed.map((item) => chunkOf(item.id))).size;
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.writes - before.writes).toBe(1 + CHANGED + chunks + 1);
  }, 180_000);
});
