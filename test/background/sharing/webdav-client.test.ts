/**
 * The WebDAV client against a real Apache (scripts/webdav/apache.mjs): every answer here
 * is what mod_dav really sends, weak ETags included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHARED_BYTES } from '../../../lib/domain/sharing/shared-file-schema';
import type { Share } from '../../../lib/background/sharing/share-address';
import type { ShareFailure } from '../../../lib/background/sharing/share-failure';
import { createWebDavClient, isWeakEtag, type PullResult } from '../../../lib/background/sharing/webdav-client';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { type OtherOrigin, startOtherOrigin } from './other-origin';

const TOKEN = 'tok-SECRET-0123456789';
let apache: Apache;
let other: OtherOrigin;
const failures: ShareFailure[] = [];
const client = createWebDavClient();
let fileCount = 0;

beforeAll(async () => {
  other = await startOtherOrigin();
  apache = await startApache({ redirectTo: `${other.origin}/stolen/`, password: 'pässword-SECRET:42' });
});

afterAll(async () => {
  // Whatever failed, no failure told anyone a secret.
  expect(failures.length).toBeGreaterThan(8);
  for (const failure of failures) {
    for (const secret of [apache.password, TOKEN, 'SECRET', btoa('ana')]) expect(failure.message).not.toContain(secret);
  }
  await apache.stop();
  await other.close();
});

/** A fresh file name per test, so tests never see each other's files. */
function newShare(
  credentials: Share['credentials'] = { kind: 'password', user: apache.user, password: apache.password },
) {
  const name = `file-${++fileCount}.json`;
  return { name, share: { url: `${apache.davUrl}${name}`, credentials } satisfies Share };
}

function failed<T extends { ok: boolean }>(result: T): ShareFailure {
  expect(result.ok).toBe(false);
  failures.push(result as unknown as ShareFailure);
  return result as unknown as ShareFailure;
}

function changed(result: PullResult) {
  if (!result.ok || result.status !== 'changed') throw new Error(`expected a body, got ${JSON.stringify(result)}`);
  return result;
}

describe('creating and reading', () => {
  it('creates with If-None-Match: *, and a second create is a conflict that changes nothing', async () => {
    const { name, share } = newShare();
    expect(await client.put(share, 'first', { create: true })).toEqual({ ok: true, status: 'written', etag: null });
    expect(await client.put(share, 'second', { create: true })).toEqual({ ok: true, status: 'conflict' });
    expect(apache.readFile(name)?.toString()).toBe('first');
  });

  it('answers a conditional GET with 304 and the current ETag, and a changed file with its new body', async () => {
    const { name, share } = newShare();
    expect(await client.pull(share, null)).toMatchObject({ ok: true, status: 'missing' });
    await client.put(share, 'one', { create: true });
    const first = changed(await client.pull(share, null));
    expect(first.text).toBe('one');
    expect(await client.pull(share, first.etag)).toMatchObject({ ok: true, status: 'unchanged', etag: first.etag });
    apache.writeFile(name, 'two, longer');
    const second = changed(await client.pull(share, first.etag));
    expect(second).toMatchObject({ text: 'two, longer' });
    expect(second.etag).not.toBe(first.etag);
  });

  it('writes with a strong ETag and gets a conflict for a stale one', async () => {
    const { name, share } = newShare();
    apache.writeFile(name, 'old');
    await new Promise((done) => setTimeout(done, 1_100));
    const read = changed(await client.pull(share, null));
    expect(isWeakEtag(read.etag!)).toBe(false);
    expect(await client.put(share, 'mine', { ifMatch: read.etag! })).toMatchObject({ ok: true, status: 'written' });
    expect(await client.put(share, 'stale', { ifMatch: read.etag! })).toEqual({ ok: true, status: 'conflict' });
    expect(apache.readFile(name)?.toString()).toBe('mine');
  });
});

describe('two writers at the same moment', () => {
  /** A file last changed over a second ago, and the strong ETag both writers read. */
  async function settledFile(name: string, share: Share): Promise<string> {
    apache.writeFile(name, 'base', { ageMs: 5_000 });
    const read = changed(await client.pull(share, null));
    expect(isWeakEtag(read.etag!)).toBe(false);
    return read.etag!;
  }

  it('of two writes guarded by the same version and sent together, exactly one lands, every time', async () => {
    // Apache checks If-Match and then writes without holding anything: without a lock, two
    // such PUTs sent together both succeeded in 8 of 10 pairs (2026-12-07).
    const { name, share } = newShare();
    for (let pair = 0; pair < 10; pair++) {
      const etag = await settledFile(name, share);
      // Large bodies, so both requests are in flight at once.
      const texts = [`ana ${pair} ${'a'.repeat(200_000)}`, `ben ${pair} ${'b'.repeat(300_000)}`];
      const results = await Promise.all(texts.map((text) => client.put(share, text, { ifMatch: etag })));
      const written = results.filter((result) => result.ok && result.status === 'written');
      expect(written).toHaveLength(1);
      // The other found the lock taken (423) or, once it was released, a newer version (412).
      const refused = results.filter((result) => result.ok && ['locked', 'conflict'].includes(result.status));
      expect(refused).toHaveLength(1);
      expect(texts).toContain(apache.readFile(name)?.toString());
    }
  });

  it('says the file is locked while another writer holds its lock, and writes once it is released', async () => {
    const { name, share } = newShare();
    const etag = await settledFile(name, share);
    const auth = `Basic ${Buffer.from(`${apache.user}:${apache.password}`).toString('base64')}`;
    const lock = await fetch(share.url, {
      method: 'LOCK',
      headers: { Authorization: auth, 'Content-Type': 'application/xml', Timeout: 'Second-60' },
      body: '<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>',
    });
    expect(lock.status).toBe(200);
    expect(await client.put(share, 'mine', { ifMatch: etag })).toEqual({ ok: true, status: 'locked' });
    expect(apache.readFile(name)?.toString()).toBe('base');
    const unlock = await fetch(share.url, {
      method: 'UNLOCK',
      headers: { Authorization: auth, 'Lock-Token': lock.headers.get('Lock-Token')! },
    });
    expect(unlock.status).toBe(204);
    expect(await client.put(share, 'mine', { ifMatch: etag })).toMatchObject({ ok: true, status: 'written' });
    expect(apache.readFile(name)?.toString()).toBe('mine');
  });

  it('leaves no lock behind: the next writer, locking or not, is not refused', async () => {
    const { name, share } = newShare();
    const etag = await settledFile(name, share);
    expect(await client.put(share, 'mine', { ifMatch: etag })).toMatchObject({ ok: true, status: 'written' });
    const auth = `Basic ${Buffer.from(`${apache.user}:${apache.password}`).toString('base64')}`;
    const plain = await fetch(share.url, { method: 'PUT', body: 'plain', headers: { Authorization: auth } });
    expect(plain.status).toBe(204);
    expect(apache.readFile(name)?.toString()).toBe('plain');
  });

  it('releases its lock even when the first UNLOCK is lost on the way (a connection closed under it)', async () => {
    const { name, share } = newShare();
    const etag = await settledFile(name, share);
    let lost = 0;
    // The connection the UNLOCK went out on is closed by the server (keep-alive, under load): fetch rejects.
    const dropping = createWebDavClient({
      fetch: async (input, init) =>
        init?.method === 'UNLOCK' && lost++ === 0
          ? Promise.reject(new TypeError('other side closed'))
          : fetch(input, init),
    });
    expect(await dropping.put(share, 'mine', { ifMatch: etag })).toMatchObject({ ok: true, status: 'written' });
    const auth = `Basic ${Buffer.from(`${apache.user}:${apache.password}`).toString('base64')}`;
    // Left locked, the next writer would be refused (423) for the lock's 20 s.
    const plain = await fetch(share.url, { method: 'PUT', body: 'plain', headers: { Authorization: auth } });
    expect(plain.status).toBe(204);
    expect(apache.readFile(name)?.toString()).toBe('plain');
  });

  it('writes with If-Match alone to a server that does not do locks', async () => {
    const { name, share } = newShare();
    const etag = await settledFile(name, share);
    const methods: string[] = [];
    // Apache here, but answering LOCK as a server without locks does (405).
    const noLocks = createWebDavClient({
      fetch: async (input, init) => {
        methods.push(init?.method ?? 'GET');
        return init?.method === 'LOCK' ? new Response(null, { status: 405 }) : fetch(input, init);
      },
    });
    expect(await noLocks.put(share, 'mine', { ifMatch: etag })).toMatchObject({ ok: true, status: 'written' });
    expect(await noLocks.put(share, 'stale', { ifMatch: etag })).toEqual({ ok: true, status: 'conflict' });
    expect(methods).toEqual(['LOCK', 'PUT', 'LOCK', 'PUT']);
    expect(apache.readFile(name)?.toString()).toBe('mine');
  });
});

describe('the weak-ETag trap', () => {
  it('Apache sends a weak ETag right after a write and refuses it in If-Match with 412', async () => {
    const { name, share } = newShare();
    await client.put(share, 'fresh', { create: true });
    const read = changed(await client.pull(share, null));
    expect(read.etag).toMatch(/^W\/"/);
    const auth = `Basic ${Buffer.from(`${apache.user}:${apache.password}`).toString('base64')}`;
    for (const ifMatch of [read.etag!, read.etag!.slice(2)]) {
      const trap = await fetch(share.url, {
        method: 'PUT',
        body: 'raw',
        headers: { 'If-Match': ifMatch, Authorization: auth },
      });
      expect(trap.status).toBe(412);
    }
    expect(apache.readFile(name)?.toString()).toBe('fresh');
  });

  it('the client refuses to send a weak If-Match rather than report a false conflict', async () => {
    const { name, share } = newShare();
    await client.put(share, 'fresh', { create: true });
    const read = changed(await client.pull(share, null));
    expect(failed(await client.put(share, 'mine', { ifMatch: read.etag! }))).toMatchObject({ code: 'weak-etag' });
    expect(apache.readFile(name)?.toString()).toBe('fresh');
  });
});

describe('credentials', () => {
  it('a wrong password gives the password reason and changes nothing on the server', async () => {
    const { name, share } = newShare();
    apache.writeFile(name, 'kept');
    const wrong = { ...share, credentials: { kind: 'password' as const, user: apache.user, password: 'SECRET-wrong' } };
    expect(failed(await client.pull(wrong, null))).toMatchObject({
      code: 'credentials',
      status: 401,
      message: 'the server refused the user name or password',
    });
    expect(failed(await client.put(wrong, 'overwritten', { create: true }))).toMatchObject({ code: 'credentials' });
    expect(apache.readFile(name)?.toString()).toBe('kept');
  });

  it('says so when the server wants credentials, or refuses a token', async () => {
    const none = newShare({ kind: 'none' }).share;
    expect(failed(await client.pull(none, null)).message).toBe(
      'the server asks for a user name and password (or a token) for this file',
    );
    const token = newShare({ kind: 'token', token: TOKEN }).share;
    expect(failed(await client.pull(token, null)).message).toBe('the server refused the token');
  });

  it('a read-only address serves the file to anyone and refuses writes', async () => {
    const { name } = newShare();
    apache.writeFile(name, 'public');
    const share: Share = { url: `${apache.publicUrl}${name}`, credentials: { kind: 'none' } };
    expect(changed(await client.pull(share, null)).text).toBe('public');
    expect(failed(await client.put(share, 'vandal', { create: true }))).toMatchObject({
      code: 'credentials',
      status: 403,
    });
    expect(apache.readFile(name)?.toString()).toBe('public');
  });
});

describe('failures', () => {
  it('a stopped server is "offline", and the same share works once it is back', async () => {
    const { share } = newShare();
    await client.put(share, 'before', { create: true });
    await apache.stopServer();
    try {
      expect(failed(await client.pull(share, null))).toMatchObject({ code: 'offline' });
      expect(failed(await client.put(share, 'during', { create: true }))).toMatchObject({ code: 'offline' });
    } finally {
      await apache.start();
    }
    expect(changed(await client.pull(share, null)).text).toBe('before');
  });

  it('refuses a redirect to another origin and sends it nothing', async () => {
    const share: Share = {
      url: `${apache.movedUrl}file.json`,
      credentials: { kind: 'password', user: apache.user, password: apache.password },
    };
    const before = other.received.length;
    const pulled = failed(await client.pull(share, null));
    expect(pulled).toMatchObject({ code: 'redirect', status: 307 });
    expect(pulled.message).toContain(other.origin);
    expect(failed(await client.put(share, 'text', { create: true }))).toMatchObject({ code: 'redirect' });
    expect(other.received.slice(before)).toEqual([]);
    // The recorder does hear a request that follows the redirect (fetch drops the header itself across origins).
    await fetch(share.url, { headers: { Authorization: 'Basic x' } });
    expect(other.received.slice(before)).toMatchObject([{ path: '/stolen/file.json', authorization: null }]);
  });

  it('gives up on a server that does not answer', async () => {
    const slow = createWebDavClient({ timeoutMs: 300 });
    const share: Share = { url: `${other.origin}/hang`, credentials: { kind: 'none' } };
    expect(failed(await slow.pull(share, null))).toMatchObject({ code: 'timeout' });
  });

  it('refuses a file over the cap by its Content-Length, and by its size when none is sent', async () => {
    const { name, share } = newShare();
    apache.writeFile(name, Buffer.alloc(MAX_SHARED_BYTES + 1, 0x20));
    expect(failed(await client.pull(share, null))).toMatchObject({ code: 'too-large' });
    const small = createWebDavClient({ maxBytes: 10_000 });
    const chunked: Share = { url: `${other.origin}/chunked/20000`, credentials: { kind: 'none' } };
    expect(failed(await small.pull(chunked, null))).toMatchObject({ code: 'too-large' });
    expect(changed(await small.pull({ ...chunked, url: `${other.origin}/chunked/9000` }, null)).text).toHaveLength(
      9000,
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    const { name, share } = newShare();
    apache.writeFile(name, Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(failed(await client.pull(share, null))).toMatchObject({ code: 'not-shared-file' });
  });

  it('sends nothing to an address it may not use', async () => {
    let requests = 0;
    const counting = createWebDavClient({ fetch: async () => (requests++, new Response('')) });
    const password = { kind: 'password' as const, user: 'ana', password: 'SECRET' };
    for (const url of ['http://example.com/f.json', 'ftp://127.0.0.1/f.json', 'not an address']) {
      expect(failed(await counting.pull({ url, credentials: password }, null))).toMatchObject({ code: 'address' });
    }
    const inUrl = { url: 'https://ana:SECRET@example.com/f.json', credentials: { kind: 'none' as const } };
    expect(failed(await counting.put(inUrl, 'x', { create: true }))).toMatchObject({ code: 'address' });
    const badToken = { url: 'https://example.com/f.json', credentials: { kind: 'token' as const, token: 'SECRET\nx' } };
    expect(failed(await counting.pull(badToken, null))).toMatchObject({ code: 'address' });
    expect(requests).toBe(0);
  });
});
