import type { Refusal } from '../../domain/sharing/shared-file';
import { PART_COUNT, toSharedParts } from '../../domain/sharing/shared-parts';
import type { RemoteCopy } from '../../domain/sharing/share-record';
import { joinShared, pullShared, type Replica, stampPublish } from '../../domain/sharing/sync';
import type { Share } from './share-address';
import { type ShareFailure, shareFailure } from './share-failure';
import {
  baseName,
  type FileCopy,
  filesHold,
  filesOf,
  type KnownFiles,
  readShare,
  sameTexts,
  weakGuard,
} from './share-files';
import { clockSkew, tooLargeToPublish, writeFiles } from './share-writes';
import { createWebDavClient, isWeakEtag, type PullResult, type WebDavClient } from './webdav-client';

export type { FileCopy, KnownFiles, RemoteCopy };
export { filesHold };

/**
 * What this replica knows of the file: the stored ETag of the copy at the address it last
 * merged or wrote (`remote`), each file's bytes and tag while this worker still holds them
 * (`files`, null after a restart), and whether those files hold everything the replica
 * holds (`covers`: false as soon as anything changed here since).
 */
export interface KnownFile {
  readonly remote: RemoteCopy | null;
  readonly files: KnownFiles | null;
  readonly covers: boolean;
}

export const UNKNOWN_FILE: KnownFile = { remote: null, files: null, covers: false };

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
      /** 'up-to-date': the files already held everything; nothing was written. */
      status: 'published' | 'up-to-date';
      replica: Replica;
      remote: RemoteCopy | null;
      /** The files the server now holds, as far as this replica knows them. */
      files: KnownFiles | null;
      attempts: number;
    }
  | ShareFailure;

export type RefreshResult =
  | {
      ok: true;
      /** 'unchanged': nothing new (a 304, or the very bytes last merged or written). */
      status: 'changed' | 'unchanged' | 'missing';
      replica: Replica;
      remote: RemoteCopy | null;
      files: KnownFiles | null;
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

/** Merges the files into `local` and writes back those it changes. */
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
  let whole = false;
  let weakReads = 0;
  // Once an attempt has written some files, the index must follow even if they now say it all.
  let wrote = false;
  for (let attempt = 1; ; attempt++) {
    // A 304 vouches for the copy only when the copy's own tag was strong.
    const rootEtag = known.remote !== null && !isWeakEtag(known.remote.etag) ? known.remote.etag : null;
    const read = await readShare(client, share, known.files, local.state, {
      rootEtag,
      forWrite: true,
      whole,
      covered: known.covers,
    });
    if (!read.ok) return 'refusal' in read ? refusedFile(read.refusal) : read;
    const merged =
      read.missing || read.body === null ? { ok: true as const, replica: local } : pullShared(local, read.body, now());
    if (!merged.ok) return refusedFile(merged);
    const pulled = merged.replica;
    const base = baseName(share);
    const count = read.missing ? PART_COUNT : (read.index?.parts.length ?? PART_COUNT);
    if (!read.missing && read.index && !wrote) {
      const rootCopy = read.root.etag === null ? null : { etag: read.root.etag, covers: true };
      const held = known.covers && read.body === null ? filesOf(read, null, null) : null;
      if (held)
        return { ok: true, status: 'up-to-date', replica: pulled, remote: rootCopy, files: held, attempts: attempt };
      const current = toSharedParts(pulled.state, base, count);
      if (sameTexts(current, read)) {
        const files = filesOf(read, current, null);
        return { ok: true, status: 'up-to-date', replica: pulled, remote: rootCopy, files, attempts: attempt };
      }
    }
    const skew = clockSkew(read.serverDate, now());
    if (skew) return skew;
    const stamped = stampPublish(pulled, read.missing, now());
    const texts = toSharedParts(stamped.state, base, count);
    const oversized = tooLargeToPublish(texts);
    if (oversized) return oversized;
    const server = read.missing ? null : read;
    const weak = weakGuard(texts, server);
    if (weak === 'no-etag') {
      return shareFailure(
        'weak-etag',
        'the server gives no version tag (ETag) for the file, so a write could erase ' +
          "another person's changes; North Star Lens does not write to it",
      );
    }
    if (weak === 'weak') {
      if (weakReads >= WEAK_REREADS) {
        return shareFailure(
          'weak-etag',
          'the server only gave weak version tags (W/...) for the file, which cannot protect a write; ' +
            'nothing was written',
        );
      }
      // Apache's tag is weak for a second after a write: read the files again, whole, once it is strong.
      weakReads++;
      whole = true;
      attempt--;
      await sleep(WEAK_WAIT_MS);
      continue;
    }
    const newPeople = server?.index
      ? [...stamped.state.people.keys()].some((id) => !server.index?.people.some((p) => p.replica === id))
      : false;
    const written = await writeFiles(client, share, texts, server, { indexFirst: newPeople });
    wrote = true;
    if (!written.ok) return written;
    if (written.status === 'written') {
      const rootEtag = written.rootEtag !== null && !isWeakEtag(written.rootEtag) ? written.rootEtag : null;
      const files = filesOf(server, texts, written.etags);
      const remote = rootEtag === null ? null : { etag: rootEtag, covers: true };
      return { ok: true, status: 'published', replica: stamped, remote, files, attempts: attempt };
    }
    // What was read stays known (each file is read again only if it changed); what this attempt wrote is read whole.
    known = {
      remote: rootEtag === null ? null : known.remote,
      files: server ? filesOf(server, null, null) : null,
      covers: false,
    };
    if (server?.root.etag && !isWeakEtag(server.root.etag))
      known = { ...known, remote: { etag: server.root.etag, covers: false } };
    whole = false;
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
    const backoff = BACKOFF_MS * 2 ** (attempt - 1);
    await sleep(backoff / 2 + random() * (backoff / 2));
  }
}

/** Merges the files into `local` without writing: for read-only addresses and for polling. */
export async function refreshSharedFile(
  share: Share,
  local: Replica,
  last: KnownFile,
  options: Pick<SyncOptions, 'client' | 'now'> = {},
  /** The answer to the root's GET (conditional on `last`'s ETag), when the caller already sent it. */
  answered: PullResult | null = null,
): Promise<RefreshResult> {
  const client = options.client ?? createWebDavClient();
  const plan = { rootEtag: last.remote?.etag ?? null, forWrite: false, whole: false };
  const read = await readShare(client, share, last.files, local.state, plan, answered);
  if (!read.ok) return 'refusal' in read ? refusedFile(read.refusal) : read;
  if (read.missing) return { ok: true, status: 'missing', replica: local, remote: null, files: null };
  // A weak ETag still serves If-None-Match, which compares weakly.
  const remote = (covers: boolean) => (read.root.etag === null ? null : { etag: read.root.etag, covers });
  const files = filesOf(read, null, null);
  if (read.body === null) {
    const kept = read.root.fresh ? null : (last.remote ?? null);
    return { ok: true, status: 'unchanged', replica: local, remote: remote(last.covers) ?? kept, files };
  }
  const merged = pullShared(local, read.body, (options.now ?? Date.now)());
  if (!merged.ok) return refusedFile(merged);
  return { ok: true, status: 'changed', replica: merged.replica, remote: remote(false), files };
}

/** A new replica holding the files' tree, under this person's name. */
export async function joinShare(
  share: Share,
  replicaId: string,
  name: string,
  options: Pick<SyncOptions, 'client' | 'now'> = {},
): Promise<{ ok: true; replica: Replica; remote: RemoteCopy | null; files: KnownFiles } | ShareFailure> {
  const client = options.client ?? createWebDavClient();
  const read = await readShare(client, share, null, null, { rootEtag: null, forWrite: false, whole: true });
  if (!read.ok) return 'refusal' in read ? refusedFile(read.refusal) : read;
  if (read.missing || read.body === null) {
    return shareFailure('unexpected', 'there is no shared file at this address yet', 404);
  }
  const joined = joinShared(read.body, replicaId, name, (options.now ?? Date.now)());
  if (!joined.ok) return refusedFile(joined);
  // The joined state holds the file and this person's name, which the file lacks.
  const remote = read.root.etag === null ? null : { etag: read.root.etag, covers: false };
  return { ok: true, replica: joined.replica, remote, files: filesOf(read, null, null) };
}

function refusedFile(refusal: Refusal): ShareFailure {
  const where = refusal.path ? `${refusal.path}: ` : '';
  return shareFailure(
    'not-shared-file',
    `the shared file was refused and nothing was merged: ${where}${refusal.message}`,
  );
}
