/**
 * Reads and writes the shared file with plain `fetch` (it runs in the MV3 service worker
 * and Firefox's background page): a conditional GET, and a PUT that never overwrites
 * blindly (If-Match with the version read, or If-None-Match: * to create). WebDAV servers
 * (Apache mod_dav, Nextcloud, ownCloud, SharePoint) all honour these headers on files.
 *
 * Privacy: a request goes to the share's address only, without cookies (`credentials:
 * 'omit'`), without a referrer, past the HTTP cache (`no-store`: the file must not linger
 * on disk, and a cache answering a conditional request itself would hide other writers).
 * Redirects are never followed (`redirect: 'manual'`): fetch would resend the
 * Authorization header to the new address when it is on the same origin, and a redirect
 * is also how a hostile or misconfigured server would pull the file or the password
 * elsewhere. Browsers hide a manual redirect's target (an "opaqueredirect"), so every
 * redirect is refused with the advice to enter the final address.
 */
import { MAX_SHARED_BYTES } from '../../domain/sharing/shared-file-schema';
import { authorization, checkShare, type Share, shareOrigin } from './share-address';
import { type Operation, type ShareFailure, shareFailure } from './share-failure';
import { refuseResponse } from './webdav-refusal';

export type PullResult =
  /** 304: the file is still the version `knownEtag` names; one request, no body. */
  | { ok: true; status: 'unchanged'; etag: string | null; serverDate: number | null }
  | { ok: true; status: 'changed'; text: string; etag: string | null; serverDate: number | null }
  | { ok: true; status: 'missing'; serverDate: number | null }
  | ShareFailure;

export type PutCondition = { readonly ifMatch: string } | { readonly create: true };

export type PutResult =
  /** `etag` is null when the server sends none (Apache does not, on PUT). */
  | { ok: true; status: 'written'; etag: string | null }
  /** 412: someone else wrote (or created) the file since it was read. */
  | { ok: true; status: 'conflict' }
  /** 423: someone else holds the file's write lock: they are writing it right now. */
  | { ok: true; status: 'locked' }
  | ShareFailure;

export interface WebDavClient {
  pull(share: Share, knownEtag: string | null): Promise<PullResult>;
  put(share: Share, text: string, condition: PutCondition): Promise<PutResult>;
  /** Creates the folder at `share`'s address (MKCOL); one already there is fine. */
  makeFolder(share: Share): Promise<{ ok: true } | ShareFailure>;
}

export interface WebDavClientOptions {
  fetch?: typeof fetch;
  /** Per request, body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

// A 32 MiB file over a slow link takes a while; a server silent for this long is not coming back.
export const REQUEST_TIMEOUT_MS = 20_000;
/** As long as one write may take: a lock its writer never released stops others no longer. */
const LOCK_TIMEOUT = `Second-${REQUEST_TIMEOUT_MS / 1000}`;
const UNLOCK_TRIES = 3;
const LOCK_BODY =
  '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>' +
  '<D:locktype><D:write/></D:locktype><D:owner>North Star Lens</D:owner></D:lockinfo>';

/** A weak ETag (`W/"..."`) never matches in If-Match (RFC 9110 §13.1.1 compares strongly). */
export function isWeakEtag(etag: string): boolean {
  return etag.startsWith('W/');
}

export function createWebDavClient(options: WebDavClientOptions = {}): WebDavClient {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_SHARED_BYTES;

  /** One request, with the timeout covering the body too: `use` reads the response before the timer stops. */
  async function exchange<T>(
    share: Share,
    operation: Operation,
    init: { method: string; headers: Record<string, string>; body?: string },
    use: (response: Response) => Promise<T | ShareFailure>,
  ): Promise<T | ShareFailure> {
    const checked = checkShare(share);
    if (!checked.ok) return checked;
    const headers = { ...init.headers };
    const auth = authorization(share.credentials);
    if (auth !== null) headers.Authorization = auth;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(checked.url.href, {
        ...init,
        headers,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      const refused = refuseResponse(share, checked.url, response, operation);
      if (refused) {
        await discard(response);
        return refused;
      }
      return await use(response);
    } catch {
      // The error's own text may quote the address; the reason is all a person needs.
      return controller.signal.aborted
        ? shareFailure('timeout', `the server did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s`)
        : shareFailure('offline', `could not reach ${shareOrigin(share)}: offline, or the server is down`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function readText(response: Response): Promise<{ ok: true; text: string } | ShareFailure> {
    const tooLarge = shareFailure(
      'too-large',
      `the shared file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, the most a shared tree may hold`,
    );
    const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
    if (declared > maxBytes) {
      await discard(response);
      return tooLarge;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      size += next.value.byteLength;
      // Counted as it arrives: a server may send no Content-Length, or a wrong one.
      if (size > maxBytes) {
        await reader?.cancel();
        return tooLarge;
      }
      chunks.push(next.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return shareFailure('not-shared-file', 'the file is not a North Star Lens shared file: it is not UTF-8 text');
    }
  }

  const client: WebDavClient = {
    pull(share, knownEtag) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (knownEtag !== null) headers['If-None-Match'] = knownEtag;
      return exchange(share, 'read', { method: 'GET', headers }, async (response): Promise<PullResult> => {
        const serverDate = dateOf(response);
        if (response.status === 304) {
          await discard(response);
          return { ok: true, status: 'unchanged', etag: response.headers.get('ETag') ?? knownEtag, serverDate };
        }
        if (response.status === 404 || response.status === 410) {
          await discard(response);
          return { ok: true, status: 'missing', serverDate };
        }
        if (response.status !== 200) return unexpected(response, 'read');
        const body = await readText(response);
        if (!body.ok) return body;
        return { ok: true, status: 'changed', text: body.text, etag: response.headers.get('ETag'), serverDate };
      });
    },

    async put(share, text, condition) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
      if (!('ifMatch' in condition)) {
        headers['If-None-Match'] = '*';
        return write(share, text, headers);
      }
      // Sent anyway it would get a 412 and be taken for another writer (see share-sync.ts).
      if (isWeakEtag(condition.ifMatch)) {
        return shareFailure('weak-etag', 'a weak ETag cannot guard a write; read the file again first');
      }
      headers['If-Match'] = condition.ifMatch;
      const lock = await takeLock(share, condition.ifMatch);
      if (lock !== null && 'ok' in lock) return lock;
      if (lock === null) return write(share, text, headers);
      try {
        return await write(share, text, { ...headers, If: `(${lock.token})` });
      } finally {
        await releaseLock(share, lock.token);
      }
    },

    makeFolder(share) {
      return exchange(share, 'folder', { method: 'MKCOL', headers: {} }, async (response) => {
        await discard(response);
        // 405: the folder exists already (RFC 4918 §9.3.1).
        if (response.status === 201 || response.status === 405) return { ok: true } as const;
        return shareFailure(
          'unexpected',
          `the server answered ${response.status} to creating the parts' folder`,
          response.status,
        );
      });
    },
  };

  /**
   * An exclusive write lock on the file, taken only if it is still the version read
   * (If-Match): Apache checks a PUT's If-Match and writes the file without holding
   * anything in between, so two PUTs guarded by the same ETag that arrive together both
   * succeed and the second erases the first (measured: 8 of 10 such pairs, 2026-12-07).
   * A lock makes the check and the write one step for every writer that locks. Null when
   * the server does not do locks (405, 501, 400): the write is then guarded by If-Match
   * alone, as before. A newer version (412) is a conflict and someone else's lock (423)
   * says they are writing now: either way the caller reads again and retries.
   */
  async function takeLock(
    share: Share,
    etag: string,
  ): Promise<{ token: string } | { ok: true; status: 'conflict' | 'locked' } | ShareFailure | null> {
    const headers = { 'Content-Type': 'application/xml; charset=utf-8', Timeout: LOCK_TIMEOUT, Depth: '0' };
    return exchange(
      share,
      'lock',
      { method: 'LOCK', headers: { ...headers, 'If-Match': etag }, body: LOCK_BODY },
      async (response) => {
        await discard(response);
        if (response.status === 423) return { ok: true, status: 'locked' } as const;
        if (response.status === 412 || response.status === 404) return { ok: true, status: 'conflict' } as const;
        const token = response.headers.get('Lock-Token');
        if (response.status === 200 && token) return { token };
        if (response.status === 405 || response.status === 501 || response.status === 400) return null;
        return shareFailure(
          'unexpected',
          `the server answered ${response.status} to locking the file`,
          response.status,
        );
      },
    );
  }

  /**
   * Sent again when it is lost on the way (a keep-alive connection the server closed as it
   * went out, which the sharing tests met under load): left behind, the lock refuses every
   * writer, this one too, until LOCK_TIMEOUT. A lock a stopped worker leaves ends then too.
   */
  async function releaseLock(share: Share, token: string): Promise<void> {
    for (let tries = 0; tries < UNLOCK_TRIES; tries++) {
      const init = { method: 'UNLOCK', headers: { 'Lock-Token': token } };
      const released = await exchange(share, 'lock', init, async (response) => {
        await discard(response);
        return null;
      });
      if (released === null) return;
    }
  }

  function write(share: Share, text: string, headers: Record<string, string>): Promise<PutResult> {
    return exchange(share, 'write', { method: 'PUT', headers, body: text }, async (response): Promise<PutResult> => {
      if (response.status === 412 || response.status === 423) {
        await discard(response);
        return { ok: true, status: response.status === 412 ? 'conflict' : 'locked' };
      }
      if (response.status !== 200 && response.status !== 201 && response.status !== 204) {
        return unexpected(response, 'write');
      }
      await discard(response);
      return { ok: true, status: 'written', etag: response.headers.get('ETag') };
    });
  }

  return client;
}

async function unexpected(response: Response, operation: Operation): Promise<ShareFailure> {
  await discard(response);
  return shareFailure(
    'unexpected',
    `the server answered ${response.status} to ${operation === 'read' ? 'reading' : 'writing'} the file`,
    response.status,
  );
}

/** Frees the connection: an unread body keeps it busy. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already closed or aborted: nothing left to free.
  }
}

function dateOf(response: Response): number | null {
  const date = Date.parse(response.headers.get('Date') ?? '');
  return Number.isNaN(date) ? null : date;
}
