/**
 * Synchronising one replica with its shared file: read, merge (lib/domain/sharing/sync.ts),
 * write back with If-Match, and on a 412 (someone wrote in between) read, merge and try
 * again after a growing pause, a bounded number of times.
 *
 * Weak ETags. A write must be guarded by a strong ETag that came with the very bytes that
 * were merged: If-Match compares strongly, so a weak one never matches. Apache (checked
 * 2026-12-07, 2.4.71) sends `W/"<size>-<mtime µs>"` while the file's mtime is less than a
 * second old and the same tag strong afterwards; If-Match with either form is refused with
 * 412 inside that second. So when a read gives a weak ETag, this waits just over a second
 * and reads the whole file again (at most WEAK_REREADS times), then merges what that read
 * returned. It does not re-read with HEAD or a conditional GET: their ETag would describe
 * whatever the file is by then, not the bytes merged, and a write guarded by it could
 * erase a change made in between. A server that only ever sends weak ETags (or none) is
 * not written to at all ('weak-etag'): without a strong tag nothing prevents overwriting
 * another person's publish. Nextcloud, ownCloud and SharePoint send strong ETags.
 *
 * Apache sends no ETag with a PUT's answer either, so after a write the next sync reads
 * the whole file once; reading the tag separately after the PUT could pick up another
 * writer's version and make a later 304 hide it. That read costs a download, not a merge:
 * bytes equal to the copy this replica last merged or wrote (`KnownFile.text`) are not
 * parsed again, and their ETag, having come with those very bytes, is kept.
 */
import { MAX_CLOCK_AHEAD_MS } from '../../domain/sharing/hlc';
import { MAX_SHARED_BYTES } from '../../domain/sharing/shared-file-schema';
import type { Refusal } from '../../domain/sharing/shared-file';
import type { RemoteCopy } from '../../domain/sharing/share-record';
import { joinSharedFile, type KeptCopy, publish, pullSharedFile, type Replica } from '../../domain/sharing/sync';
import type { Share } from './share-address';
import { type ShareFailure, shareFailure } from './share-failure';
import { createWebDavClient, isWeakEtag, type PullResult, type WebDavClient } from './webdav-client';

export type { RemoteCopy };

/**
 * What this replica knows of the file: the stored ETag of the copy it last merged or wrote
 * (`remote`), that copy's bytes while this worker still holds them (`text`, null after a
 * restart), and whether that copy holds everything the replica holds (`covers`: false as
 * soon as anything changed here since).
 */
export interface KnownFile {
  readonly remote: RemoteCopy | null;
  readonly text: string | null;
  readonly covers: boolean;
}

export const UNKNOWN_FILE: KnownFile = { remote: null, text: null, covers: false };

export interface SyncOptions {
  client?: WebDavClient;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** For the backoff's jitter, in [0, 1). */
  random?: () => number;
  /** Writes tried before giving up on a file that keeps changing. */
  maxAttempts?: number;
}

export type SyncResult =
  | {
      ok: true;
      /** 'up-to-date': the file already held everything; nothing was written. */
      status: 'published' | 'up-to-date';
      replica: Replica;
      remote: RemoteCopy | null;
      /** The bytes the server now holds, as far as this replica knows them. */
      text: string | null;
      attempts: number;
    }
  | ShareFailure;

export type RefreshResult =
  | {
      ok: true;
      /** 'unchanged': nothing new in the file (a 304, or the very bytes last merged or written). */
      status: 'changed' | 'unchanged' | 'missing';
      replica: Replica;
      remote: RemoteCopy | null;
      text: string | null;
    }
  | ShareFailure;

export const MAX_ATTEMPTS = 5;
// Apache weakens an ETag for one second after the file's mtime; the margin covers the
// gap between its clock reading and ours.
export const WEAK_WAIT_MS = 1_100;
export const WEAK_REREADS = 3;
const BACKOFF_MS = 250;
/** Longer than a lock's own timeout (webdav-client.ts), so a lock left by a stopped writer has ended. */
export const LOCKED_WAIT_MS = 25_000;

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Merges the file into `local` and writes the result back when it adds anything. */
export async function syncSharedFile(
  share: Share,
  local: Replica,
  last: KnownFile,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const client = options.client ?? createWebDavClient();
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  let known = last;
  let lockedSince: number | null = null;
  for (let attempt = 1; ; attempt++) {
    const read = await readForWrite(client, share, known, sleep);
    if (!read.ok) return read;
    const kept: KeptCopy | null = read.kept ? { kept: true, covers: known.covers } : null;
    const merged = publish(local, kept ?? read.text, now());
    if (!merged.ok) return refusedFile(merged);
    const remote = read.text === null && !read.kept ? null : { etag: read.etag, covers: true };
    const text = read.kept ? known.text : read.text;
    if (merged.text === null) {
      return { ok: true, status: 'up-to-date', replica: merged.replica, remote, text, attempts: attempt };
    }
    const skew = clockSkew(read.serverDate, now());
    if (skew) return skew;
    const oversized = tooLargeToPublish(merged.text);
    if (oversized) return oversized;
    const condition = remote === null ? { create: true as const } : { ifMatch: remote.etag };
    const written = await client.put(share, merged.text, condition);
    if (!written.ok) return written;
    if (written.status === 'written') {
      const etag = written.etag !== null && !isWeakEtag(written.etag) ? written.etag : null;
      const copy = etag === null ? null : { etag, covers: true };
      return {
        ok: true,
        status: 'published',
        replica: merged.replica,
        remote: copy,
        text: merged.text,
        attempts: attempt,
      };
    }
    known = UNKNOWN_FILE;
    if (written.status === 'locked') {
      // Someone is writing right now: wait for their write (a lock ends within its timeout)
      // rather than spend the attempts, which are for versions that keep changing.
      lockedSince ??= now();
      if (now() - lockedSince > LOCKED_WAIT_MS) {
        return shareFailure(
          'conflict',
          'someone else has been writing the shared file for over half a minute; ' +
            'your changes are kept here and will be published at the next try',
        );
      }
      attempt--;
      await sleep(BACKOFF_MS / 2 + random() * (BACKOFF_MS / 2));
      continue;
    }
    if (attempt >= maxAttempts) {
      return shareFailure(
        'conflict',
        `the shared file changed on the server during each of ${maxAttempts} attempts to publish; ` +
          'your changes are kept here and will be published at the next try',
      );
    }
    // Exponential with jitter, so two replicas that collided do not collide again in step.
    const base = BACKOFF_MS * 2 ** (attempt - 1);
    await sleep(base / 2 + random() * (base / 2));
  }
}

/** Merges the file into `local` without writing: for read-only addresses and for polling. */
export async function refreshSharedFile(
  share: Share,
  local: Replica,
  last: KnownFile,
  options: Pick<SyncOptions, 'client' | 'now'> = {},
  /** The answer to that very GET (conditional on `last`'s ETag), when the caller already sent it. */
  answered: PullResult | null = null,
): Promise<RefreshResult> {
  const client = options.client ?? createWebDavClient();
  const pulled = answered ?? (await client.pull(share, last.remote?.etag ?? null));
  if (!pulled.ok) return pulled;
  if (pulled.status === 'unchanged') {
    return { ok: true, status: 'unchanged', replica: local, remote: last.remote, text: last.text };
  }
  if (pulled.status === 'missing') return { ok: true, status: 'missing', replica: local, remote: null, text: null };
  // A weak ETag still serves If-None-Match, which compares weakly.
  const remote = (covers: boolean) => (pulled.etag === null ? null : { etag: pulled.etag, covers });
  if (pulled.text === last.text) {
    return { ok: true, status: 'unchanged', replica: local, remote: remote(last.covers), text: last.text };
  }
  const merged = pullSharedFile(local, pulled.text, (options.now ?? Date.now)());
  if (!merged.ok) return refusedFile(merged);
  return { ok: true, status: 'changed', replica: merged.replica, remote: remote(false), text: pulled.text };
}

/** A new replica holding the file's tree, under this person's name. */
export async function joinShare(
  share: Share,
  replicaId: string,
  name: string,
  options: Pick<SyncOptions, 'client' | 'now'> = {},
): Promise<{ ok: true; replica: Replica; remote: RemoteCopy | null; text: string } | ShareFailure> {
  const client = options.client ?? createWebDavClient();
  const pulled = await client.pull(share, null);
  if (!pulled.ok) return pulled;
  if (pulled.status !== 'changed') {
    return shareFailure('unexpected', 'there is no shared file at this address yet', 404);
  }
  const joined = joinSharedFile(pulled.text, replicaId, name, (options.now ?? Date.now)());
  if (!joined.ok) return refusedFile(joined);
  // The joined state holds the file and this person's name, which the file lacks.
  const remote = pulled.etag === null ? null : { etag: pulled.etag, covers: false };
  return { ok: true, replica: joined.replica, remote, text: pulled.text };
}

type ReadForWrite =
  /** `kept`: the file is the copy last merged or written, `text` null (not read again, or equal). */
  | { ok: true; kept: boolean; text: string | null; etag: string; serverDate: number | null }
  | { ok: true; kept: false; text: null; serverDate: number | null }
  | ShareFailure;

/**
 * The file's bytes with a strong ETag that came with them, or null text when there is no
 * file; `kept` when those bytes are the copy `known` describes, which is then not parsed again.
 */
async function readForWrite(
  client: WebDavClient,
  share: Share,
  known: KnownFile,
  sleep: (ms: number) => Promise<void>,
): Promise<ReadForWrite> {
  // A 304 vouches for the copy only when the copy's own tag was strong.
  const conditional = known.remote !== null && !isWeakEtag(known.remote.etag) ? known.remote : null;
  for (let read = 0; read <= WEAK_REREADS; read++) {
    if (read > 0) await sleep(WEAK_WAIT_MS);
    const pulled = await client.pull(share, read === 0 && conditional ? conditional.etag : null);
    if (!pulled.ok) return pulled;
    if (pulled.status === 'missing') return { ok: true, kept: false, text: null, serverDate: pulled.serverDate };
    if (pulled.status === 'unchanged' && conditional) {
      return { ok: true, kept: true, text: null, etag: conditional.etag, serverDate: pulled.serverDate };
    }
    if (pulled.status === 'changed') {
      if (pulled.etag === null) {
        return shareFailure(
          'weak-etag',
          'the server gives no version tag (ETag) for the file, so a write could erase ' +
            "another person's changes; North Star Lens does not write to it",
        );
      }
      if (!isWeakEtag(pulled.etag)) {
        const kept = known.text !== null && pulled.text === known.text;
        const text = kept ? null : pulled.text;
        return { ok: true, kept, text, etag: pulled.etag, serverDate: pulled.serverDate };
      }
    }
  }
  return shareFailure(
    'weak-etag',
    'the server only gave weak version tags (W/...) for the file, which cannot protect a write; ' +
      'nothing was written',
  );
}

function clockSkew(serverDate: number | null, now: number): ShareFailure | null {
  if (serverDate === null || Math.abs(now - serverDate) <= MAX_CLOCK_AHEAD_MS) return null;
  const hours = Math.round(Math.abs(now - serverDate) / 3_600_000);
  return shareFailure(
    'clock',
    `this computer's clock is ${hours} hours ${now > serverDate ? 'ahead of' : 'behind'} the server's; ` +
      'nothing is published until it is set right, or every change would be dated wrong for the team',
  );
}

/**
 * Every reader refuses a file over MAX_SHARED_BYTES before parsing it, so writing one
 * would cut the whole team off until someone removed records. Refused before the PUT:
 * the changes stay in this browser and the file on the server stays as it was.
 */
function tooLargeToPublish(text: string): ShareFailure | null {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes <= MAX_SHARED_BYTES) return null;
  return shareFailure(
    'too-large',
    `the shared tree would be ${(bytes / 1024 / 1024).toFixed(1)} MiB, more than the ` +
      `${MAX_SHARED_BYTES / 1024 / 1024} MiB a shared file may hold, so it was not published and nothing here ` +
      'was lost; delete items or shorten long notes, then sync again',
  );
}

function refusedFile(refusal: Refusal): ShareFailure {
  const where = refusal.path ? `${refusal.path}: ` : '';
  return shareFailure(
    'not-shared-file',
    `the shared file was refused and nothing was merged: ${where}${refusal.message}`,
  );
}
