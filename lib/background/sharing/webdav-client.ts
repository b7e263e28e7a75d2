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
import { failureForStatus, type Operation, type ShareFailure, shareFailure } from './share-failure';

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
  | ShareFailure;

export interface WebDavClient {
  pull(share: Share, knownEtag: string | null): Promise<PullResult>;
  put(share: Share, text: string, condition: PutCondition): Promise<PutResult>;
}

export interface WebDavClientOptions {
  fetch?: typeof fetch;
  /** Per request, body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

// A 32 MiB file over a slow link takes a while; a server silent for this long is not coming back.
export const REQUEST_TIMEOUT_MS = 20_000;

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

  return {
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
      if ('ifMatch' in condition) {
        // Sent anyway it would get a 412 and be taken for another writer (see share-sync.ts).
        if (isWeakEtag(condition.ifMatch)) {
          return shareFailure('weak-etag', 'a weak ETag cannot guard a write; read the file again first');
        }
        headers['If-Match'] = condition.ifMatch;
      } else {
        headers['If-None-Match'] = '*';
      }
      return exchange(share, 'write', { method: 'PUT', headers, body: text }, async (response): Promise<PutResult> => {
        if (response.status === 412) {
          await discard(response);
          return { ok: true, status: 'conflict' };
        }
        if (response.status !== 200 && response.status !== 201 && response.status !== 204) {
          return unexpected(response, 'write');
        }
        await discard(response);
        return { ok: true, status: 'written', etag: response.headers.get('ETag') };
      });
    },
  };
}

/** A response that must not be read as the file: a redirect, or any failure status. */
function refuseResponse(share: Share, url: URL, response: Response, operation: Operation): ShareFailure | null {
  const finalUrl = response.url ? new URL(response.url) : url;
  const redirected =
    response.type === 'opaqueredirect' ||
    (response.status >= 300 && response.status < 400 && response.status !== 304) ||
    finalUrl.origin !== url.origin;
  if (redirected) {
    const target = redirectTarget(response, url);
    const where = target && target !== url.origin ? ` to ${target}` : '';
    return shareFailure(
      'redirect',
      `the server redirected the request${where}; it was not followed, so nothing was sent there. ` +
        'If the file has moved, enter its new address.',
      response.status || undefined,
    );
  }
  return failureForStatus(response.status, operation, share.credentials.kind);
}

function redirectTarget(response: Response, base: URL): string | null {
  const location = response.headers.get('Location');
  if (!location) return null;
  try {
    return new URL(location, base).origin;
  } catch {
    return null;
  }
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
