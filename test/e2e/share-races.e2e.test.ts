/**
 * What a shared tree does when things happen at the same time, in three Chromium profiles
 * of the built extension against a real Apache WebDAV server: Ana and Ben (editors) and
 * Rita (reader). A deletion racing an edit ends the way docs/sharing.md says (delete
 * wins) on all three, whichever reached the server first; a worker stopped while it
 * merges a large file leaves the database holding the old copy or the new one, whole, and
 * the next sync completes; two editors publishing at the same moment both keep their
 * edits, the one the server refused (412) merging the other's and writing again.
 *
 * Each profile runs a copy of the build whose manifest holds the loopback host already,
 * as share-team.e2e.test.ts explains.
 */
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceFile } from '../../lib/domain/workspace-file';
import { type Apache, startApache } from '../../scripts/webdav/apache.mjs';
import type { Lens } from './harness';
import { launchTeammate, sharedPart } from './share-helpers';
import { JIRA, seedTree } from './security-helpers';
import { serverBody } from '../background/sharing/server-files';

const FILE = 'races.json';
const BULK = 10_000;

let apache: Apache;
let ana: Lens;
let ben: Lens;
let rita: Lens;

async function launchPerson(): Promise<Lens> {
  const lens = await launchTeammate(() => apache);
  return lens;
}

const credentials = () => ({ kind: 'password', user: apache.user, password: apache.password }) as const;

async function syncNow(lens: Lens, treeId: string): Promise<void> {
  expect(await lens.call({ type: 'share.syncNow', treeId })).toMatchObject({ ok: true, status: { problem: null } });
}

/** The whole tree on the server: the index and its parts (docs/sharing.md). */
function fileOnServer() {
  return serverBody(apache, FILE);
}

beforeAll(async () => {
  apache = await startApache();
  ana = await launchPerson();
  ben = await launchPerson();
  rita = await launchPerson();
}, 120_000);

afterAll(async () => {
  await Promise.all([ana?.close(), ben?.close(), rita?.close()]);
  await apache?.stop();
});

describe('a shared tree when things happen at the same time', () => {
  let treeId = '';

  it('a delete races an edit: the item is deleted on all three, whichever reached the server first', async () => {
    const seeded = await seedTree(ana, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'RACE-1',
      title: 'Invite from the share dialog',
    });
    treeId = seeded.tree.id;
    const other = await ana.call({
      type: 'item.create',
      treeId,
      title: 'Bulk invite by CSV',
      links: [{ site: 'jira', key: 'RACE-2', url: `${JIRA}/browse/RACE-2` }],
      inputMetricId: seeded.input.id,
    });
    const kept = await ana.call({ type: 'item.create', treeId, title: 'Untouched idea', links: [] });
    const started = await ana.call({
      type: 'share.start',
      treeId,
      url: `${apache.davUrl}${FILE}`,
      credentials: credentials(),
      displayName: 'Ana',
    });
    expect(started).toMatchObject({ ok: true });
    for (const [lens, displayName, mode] of [
      [ben, 'Ben', 'editor'],
      [rita, 'Rita', 'reader'],
    ] as const) {
      const joined = await lens.call({
        type: 'share.join',
        url: `${apache.davUrl}${FILE}`,
        credentials: credentials(),
        displayName,
        mode,
      });
      expect(joined).toMatchObject({ ok: true });
    }

    await apache.stopServer();
    // Offline, each edits what the other deletes; every edit comes after the deletion it races.
    await ana.call({ type: 'item.delete', id: seeded.item.id });
    await ben.call({ type: 'item.delete', id: other.id });
    await ben.call({ type: 'item.update', id: seeded.item.id, patch: { status: 'planned', notes: 'Ben: do it now' } });
    await ana.call({ type: 'item.update', id: other.id, patch: { rice: { effort: 13 } } });
    await apache.start();

    // Ben publishes first (his edit of Ana's deleted item reaches the server before her
    // deletion; his deletion before her edit), then Ana, then each pulls once more.
    await syncNow(ben, treeId);
    expect(fileOnServer().items.find((item) => item.id === seeded.item.id)?.fields.status).toBe('planned');
    await syncNow(ana, treeId);
    await syncNow(ben, treeId);
    await syncNow(rita, treeId);

    const file = fileOnServer();
    expect(file.items.map((item) => item.id).sort()).toEqual([kept.id]);
    expect(file.deletedItems.map((tombstone) => tombstone.id).sort()).toEqual([seeded.item.id, other.id].sort());
    const [a, b, r] = await Promise.all([sharedPart(ana), sharedPart(ben), sharedPart(rita)]);
    expect(a.items.map((item) => item.id)).toEqual([kept.id]);
    expect(b).toEqual(a);
    expect(r).toEqual(a);
  }, 180_000);

  it('two publishers at the same moment: the one refused with 412 merges the other and writes again, no update lost', async () => {
    const [kept] = fileOnServer().items;
    const other = await ana.call({ type: 'item.create', treeId, title: 'Invite by link', links: [] });
    await syncNow(ana, treeId);
    await syncNow(ben, treeId);

    // Ben's first write (its lock, then its PUT) is held on its way to the server until Ana
    // has read, merged and written hers: both read the same version, and his write carries
    // its stale ETag.
    let releaseBen = () => {};
    const benReleased = new Promise<void>((done) => {
      releaseBen = done;
    });
    let benHeld = () => {};
    const benWriting = new Promise<void>((done) => {
      benHeld = done;
    });
    let holding = true;
    const toServer = (url: URL) => url.origin === apache.origin;
    const gate = async (route: Route) => {
      if (holding && ['LOCK', 'PUT'].includes(route.request().method())) {
        holding = false;
        benHeld();
        await benReleased;
      }
      await route.fallback();
    };
    await ben.context.route(toServer, gate);
    const seen = apache.requests().length;
    try {
      // The same item's different fields, and different items, each edited by one of them.
      await ben.call({ type: 'item.update', id: kept!.id, patch: { rice: { effort: 8 } } });
      await ben.call({ type: 'item.update', id: other.id, patch: { notes: 'Ben: CSV first' } });
      const benSync = ben.call({ type: 'share.syncNow', treeId });
      await benWriting;
      await ana.call({ type: 'item.update', id: kept!.id, patch: { rice: { reach: 400 } } });
      await ana.call({ type: 'item.update', id: kept!.id, patch: { notes: 'Ana: for the Q3 launch' } });
      await syncNow(ana, treeId);
      releaseBen();
      expect(await benSync).toMatchObject({ ok: true, status: { problem: null, pending: false } });
    } finally {
      releaseBen();
      await ben.context.unroute(toServer, gate);
    }

    const puts = apache
      .requests()
      .slice(seen)
      .filter((request) => request.method === 'PUT' && request.path.endsWith(`/${FILE}`))
      .map((request) => request.status);
    // Ana's index, then Ben's after merging hers: his first attempt stopped at a 412 (the
    // part both changed, or the index), refused at its lock, so it never reached the file.
    expect(puts).toEqual([204, 204]);
    expect(
      apache
        .requests()
        .slice(seen)
        .filter((request) => request.status === 412),
    ).toHaveLength(1);
    const file = fileOnServer();
    expect(file.items.find((item) => item.id === kept!.id)?.fields).toMatchObject({
      reach: 400,
      effort: 8,
      notes: 'Ana: for the Q3 launch',
    });
    expect(file.items.find((item) => item.id === other.id)?.fields.notes).toBe('Ben: CSV first');

    await syncNow(ana, treeId);
    await syncNow(rita, treeId);
    const [a, b, r] = await Promise.all([sharedPart(ana), sharedPart(ben), sharedPart(rita)]);
    expect(a.items.find((item) => item.id === kept!.id)?.rice).toMatchObject({ reach: 400, effort: 8 });
    expect(b).toEqual(a);
    expect(r).toEqual(a);
  }, 180_000);

  it('the worker stopped mid-merge: the database holds the old copy or the new one, whole, and the next sync completes', async () => {
    // A teammate's publish adds 10,000 items (several seconds of merging and writing for
    // Rita); each attempt rewrites all their notes, so every merge changes every one.
    const base = fileOnServer();
    const person = base.people[0]!.replica;
    let wall = Date.now();
    const teammateFile = (attempt: number): string => {
      wall = Math.max(wall + 1, Date.now());
      const stamp = [wall, 0, person];
      const template = base.items[0]!;
      const stamps = Object.fromEntries(Object.keys(template.stamps).map((key) => [key, stamp]));
      const items = Array.from({ length: BULK }, (_, n) => ({
        ...template,
        id: `bulk-${String(n).padStart(5, '0')}`,
        created: stamp,
        fields: { ...template.fields, title: `Bulk idea ${n}`, notes: `attempt ${attempt}`, inputMetricId: null },
        stamps,
        links: [{ at: stamp, key: `jira:BULK-${n}`, value: `${JIRA}/browse/BULK-${n}` }],
      }));
      // Written as version 1 (one whole file), as a teammate on an older version would.
      const header = { app: 'north-star-lens', kind: 'shared-tree', formatVersion: 1 };
      return JSON.stringify({ ...header, ...base, items: [...base.items, ...items] });
    };
    /** What Rita holds of the teammate's items: "none", "<count> × <notes>", or "mixed". */
    const bulkCopy = async (): Promise<string> => {
      const exported = (await rita.call({ type: 'workspace.export' })) as WorkspaceFile;
      const bulk = exported.items.filter((item) => item.treeId === treeId && item.title.startsWith('Bulk idea'));
      const notes = new Set(bulk.map((item) => item.notes));
      if (notes.size === 0) return 'none';
      return notes.size === 1 ? `${bulk.length} × ${bulk[0]!.notes}` : `mixed: ${[...notes].join(', ')}`;
    };

    expect(await bulkCopy()).toBe('none');
    let interrupted = 0;
    let previous = 'none';
    // Stopped later and later until a stop lands while the sync is still running.
    for (const [attempt, delay] of [300, 800, 1_500, 3_000, 6_000].entries()) {
      apache.writeFile(FILE, teammateFile(attempt), { ageMs: 5_000 + attempt });
      const bridge = await rita.bridgePage();
      const sync = bridge
        .evaluate((id) => {
          const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): unknown } } })
            .chrome;
          return runtime.sendMessage({ type: 'share.syncNow', treeId: id });
        }, treeId)
        .then(
          () => 'answered',
          () => 'cut off',
        );
      await new Promise((done) => setTimeout(done, delay));
      await rita.stopServiceWorker();
      const outcome = await sync;
      const copy = await bulkCopy();
      // All or nothing: every item as one publish left it, the one merged before or this one.
      expect([previous, `${BULK} × attempt ${attempt}`]).toContain(copy);
      previous = copy;
      if (outcome === 'cut off') {
        interrupted++;
        break;
      }
    }
    expect(interrupted).toBe(1);

    await syncNow(rita, treeId);
    const expected = fileOnServer().items.find((item) => item.id === 'bulk-00000')!.fields.notes;
    expect(expected).toMatch(/^attempt \d$/);
    expect(await bulkCopy()).toBe(`${BULK} × ${expected}`);
  }, 300_000);
});
