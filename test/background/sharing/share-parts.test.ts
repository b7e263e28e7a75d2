/**
 * The shared tree as an index and parts (version 2, docs/sharing.md) against a real
 * Apache: one edit writes one part, a broken part is refused whole, a version-1 file is
 * read and upgraded, and publishers writing the same or different parts lose nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Share } from '../../../lib/background/sharing/share-address';
import type { ShareFailure } from '../../../lib/background/sharing/share-failure';
import {
  joinShare,
  refreshSharedFile,
  type SyncOptions,
  syncSharedFile,
  UNKNOWN_FILE,
  WEAK_WAIT_MS,
} from '../../../lib/background/sharing/share-sync';
import { createWebDavClient, type WebDavClient } from '../../../lib/background/sharing/webdav-client';
import { toSharedFile } from '../../../lib/domain/sharing/shared-file';
import { PART_COUNT, partOf } from '../../../lib/domain/sharing/shared-parts';
import { type Replica, startSharing } from '../../../lib/domain/sharing/sync';
import { sharedView } from '../../../lib/domain/sharing/view';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { item } from '../../domain/builders';
import { edit, startingRecords } from '../../domain/sharing/helpers';
import { serverTitles } from './server-files';

let apache: Apache;
let fileCount = 0;

beforeAll(async () => {
  apache = await startApache();
});

afterAll(async () => {
  await apache.stop();
});

function newShare(): { name: string; share: Share } {
  const name = `parts-${++fileCount}.json`;
  const credentials = { kind: 'password' as const, user: apache.user, password: apache.password };
  return { name, share: { url: `${apache.davUrl}${name}`, credentials } };
}

const options: SyncOptions = {
  sleep: (ms) => new Promise<void>((done) => setTimeout(done, ms === WEAK_WAIT_MS ? ms : 5)),
};

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

function failed<T extends { ok: boolean }>(result: T): ShareFailure {
  expect(result.ok).toBe(false);
  return result as unknown as ShareFailure;
}

const anaSharing = (): Replica => startSharing(startingRecords(), 'ana', 'Ana', Date.now());
const addItem = (replica: Replica, id: string, title: string) =>
  edit(replica, Date.now(), { kind: 'put-item', item: item({ id, title }) });
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `count` ids for new items: all in one part (`same`), or each in a part of its own. */
function idsIn(count: number, same: boolean): string[] {
  const ids: string[] = [];
  const parts = new Set<number>();
  for (let n = 0; ids.length < count; n++) {
    const id = `x${n}`;
    const part = partOf(id, PART_COUNT);
    if (same ? ids.length === 0 || part === partOf(ids[0]!, PART_COUNT) : !parts.has(part)) {
      ids.push(id);
      parts.add(part);
    }
  }
  return ids;
}

const partPath = (name: string, id: string) =>
  `/dav/${name}.parts/${String(partOf(id, PART_COUNT)).padStart(2, '0')}.json`;

/** A client whose first PUT is preceded by `before` (another person publishing first). */
function interrupted(before: () => Promise<void>): WebDavClient {
  const client = createWebDavClient();
  let done = false;
  return {
    ...client,
    put: async (...args) => {
      if (!done) {
        done = true;
        await before();
      }
      return client.put(...args);
    },
  };
}

/** Ana's tree published, read back once its tags are strong, and Ben joined as an editor. */
async function published() {
  const { name, share } = newShare();
  const first = ok(await syncSharedFile(share, anaSharing(), UNKNOWN_FILE, options));
  await wait(WEAK_WAIT_MS);
  const readBack = ok(
    await refreshSharedFile(share, first.replica, { remote: null, files: first.files, covers: true }),
  );
  const ben = ok(await joinShare(share, 'ben', 'Ben'));
  return { name, share, ana: readBack, ben };
}

describe('a shared tree in parts', () => {
  it('publishing one tag writes that item’s part and the index, and nothing else', async () => {
    const { name, share, ana } = await published();
    const [id] = idsIn(1, true);
    const seen = apache.requests().length;
    const known = { remote: ana.remote, files: ana.files, covers: false };
    ok(await syncSharedFile(share, addItem(ana.replica, id!, 'Tagged'), known, options));
    const writes = apache
      .requests()
      .slice(seen)
      .filter((request) => request.method === 'PUT');
    expect(writes.map((request) => request.path)).toEqual([partPath(name, id!), `/dav/${name}`]);
    expect(serverTitles(apache, name)).toContain('Tagged');
  });

  it('a part replaced by garbage is refused, naming the part, and nothing is merged', async () => {
    const { name, share, ben } = await published();
    const part = `${name}.parts/07.json`;
    apache.writeFile(part, '{"app":"north-star-lens","kind":"shared-tree-part","formatVersion":2,"items":7}', {
      ageMs: 5_000,
    });
    // The index changed too, as with any publish, so a pull reads every part.
    apache.writeFile(name, `${apache.readFile(name)!.toString('utf8')} `, { ageMs: 5_000 });
    const known = { remote: ben.remote, files: ben.files, covers: false };
    const refused = failed(await refreshSharedFile(share, ben.replica, known));
    expect(refused.code).toBe('not-shared-file');
    expect(refused.message).toContain(part);
    const publish = failed(await syncSharedFile(share, addItem(ben.replica, 'b1', 'Ben idea'), known, options));
    expect(publish.message).toContain(part);
    expect(apache.readFile(part)!.toString('utf8')).toContain('"items":7');
  });

  it('a record filed in the wrong part is refused', async () => {
    const { name, share, ben } = await published();
    const from = `${name}.parts/${String(partOf('i1', PART_COUNT)).padStart(2, '0')}.json`;
    const to = `${name}.parts/${String((partOf('i1', PART_COUNT) + 1) % PART_COUNT).padStart(2, '0')}.json`;
    const moved = JSON.parse(apache.readFile(from)!.toString('utf8'));
    const target = JSON.parse(apache.readFile(to)!.toString('utf8'));
    target.items.push(...moved.items);
    apache.writeFile(to, JSON.stringify(target), { ageMs: 5_000 });
    apache.writeFile(name, `${apache.readFile(name)!.toString('utf8')} `, { ageMs: 5_000 });
    const refused = failed(await refreshSharedFile(share, ben.replica, { remote: null, files: null, covers: false }));
    expect(refused.message).toMatch(/belongs in part \d+, not in this one/);
    expect(refused.message).toContain(to);
  });

  it('reads a version-1 file, and upgrades it with its next publish', async () => {
    const { name, share } = newShare();
    const ana = anaSharing();
    apache.writeFile(name, toSharedFile(ana.state), { ageMs: 5_000 });
    const ben = ok(await joinShare(share, 'ben', 'Ben'));
    expect(sharedView(ben.replica.state).items.map((i) => i.title)).toContain('Weekly digest');
    const upgraded = ok(await syncSharedFile(share, addItem(ben.replica, 'b1', 'Ben idea'), UNKNOWN_FILE, options));
    expect(upgraded.status).toBe('published');
    const index = JSON.parse(apache.readFile(name)!.toString('utf8'));
    expect(index).toMatchObject({ formatVersion: 2, kind: 'shared-tree' });
    expect(index.parts).toHaveLength(PART_COUNT);
    expect(index.items).toBeUndefined();
    expect(serverTitles(apache, name)).toEqual(['Ben idea', 'Invite from share dialog', 'Weekly digest']);
  });

  it('two publishers writing different parts at once both land', async () => {
    const { name, share, ana, ben } = await published();
    const [a, b] = idsIn(2, false);
    const [anaDone, benDone] = await Promise.all([
      syncSharedFile(share, addItem(ana.replica, a!, 'Ana idea'), UNKNOWN_FILE, options),
      syncSharedFile(share, addItem(ben.replica, b!, 'Ben idea'), UNKNOWN_FILE, options),
    ]);
    expect([ok(anaDone).status, ok(benDone).status]).toEqual(['published', 'published']);
    expect(serverTitles(apache, name)).toEqual(expect.arrayContaining(['Ana idea', 'Ben idea']));
  });

  it('the same part written by two at once: one gets a 412, merges and retries, and no update is lost', async () => {
    const { name, share, ana, ben } = await published();
    const [a, b] = idsIn(2, true);
    const seen = apache.requests().length;
    const benFirst = async () => {
      ok(await syncSharedFile(share, addItem(ben.replica, b!, 'Ben idea'), UNKNOWN_FILE, options));
    };
    const known = { remote: ana.remote, files: ana.files, covers: false };
    const result = ok(
      await syncSharedFile(share, addItem(ana.replica, a!, 'Ana idea'), known, {
        ...options,
        client: interrupted(benFirst),
      }),
    );
    expect(result.attempts).toBe(2);
    const onPart = apache
      .requests()
      .slice(seen)
      .filter((request) => request.path === partPath(name, a!));
    expect(onPart.some((request) => request.status === 412)).toBe(true);
    expect(serverTitles(apache, name)).toEqual(expect.arrayContaining(['Ana idea', 'Ben idea']));
  });
});
