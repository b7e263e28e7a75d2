/**
 * A shared tree's life in the background: start sharing it, join or subscribe to a file,
 * sync, leave. Each sync is three steps: read the share and the tree's records (one
 * transaction) and stamp what the person changed since the last sync; talk to the server
 * (share-sync.ts); then, in one transaction, stamp what changed meanwhile, store the new
 * state and write the tree's records as the merged view says. A worker stopped at any
 * point leaves the previous copy or the new one, whole.
 *
 * An unchanged file (304) with nothing changed here writes nothing at all: the time of
 * that check is kept in memory only. Once a sync has found the records and the file in
 * agreement, the next pull of an unchanged file reads nothing either (share-memory.ts).
 */
import { itemsNamed, localChanges, withLateChanges, withLocalChanges } from '../../domain/sharing/local-changes';
import { type ShareOutcome, type ShareStatus, shareStatus, type StoredShare } from '../../domain/sharing/share-record';
import type { Replica } from '../../domain/sharing/sync';
import { itemsAffected, type SharedView, sharedView } from '../../domain/sharing/view';
import type { SharedState } from '../../domain/sharing/state';
import type { Id } from '../../domain/types';
import * as store from '../../storage';
import { dropCopy, keepCopy, keptCopy, viewOf } from './share-copy';
import { type ShareFailure, shareFailure } from './share-failure';
import { editGeneration, forget, pullRemembered, recall, rememberAgreement } from './share-memory';
import {
  filesHold,
  type KnownFile,
  type KnownFiles,
  type RefreshResult,
  refreshSharedFile,
  type SyncOptions,
  type SyncResult,
  syncSharedFile,
  UNKNOWN_FILE,
} from './share-sync';
import { createWebDavClient } from './webdav-client';

type Db = store.LensDb;

/** Told after a sync committed: which of the tree's record kinds changed, and whether the status did. */
export type AfterSync = (db: Db, changed: store.TreeWrite) => void;

export interface LoopOptions extends SyncOptions {
  afterSync?: AfterSync;
  /** The derived copy's write bracket (workspace-cache.ts): a sync writes items like a request does. */
  writing?: (started: boolean) => void;
  newReplicaId?: () => string;
  /**
   * After a publish the server gave no ETag for (Apache never does): called so that the
   * file can be read back a little later, once its tag is strong, and that tag kept with
   * the bytes written (share-sync.ts); otherwise the next publish reads the file first.
   */
  afterPublish?: (treeId: Id) => void;
}

/** When each share's file was last found unchanged, without a write (see above). */
const checkedAt = new Map<Id, number>();
/** One sync per tree at a time in this worker: a second waits for the first. */
const running = new Map<Id, Promise<unknown>>();

function serial<T>(treeId: Id, work: () => Promise<T>): Promise<T> {
  const next = (running.get(treeId) ?? Promise.resolve()).catch(() => undefined).then(work);
  running.set(treeId, next);
  next
    .finally(() => {
      if (running.get(treeId) === next) running.delete(treeId);
    })
    .catch(() => undefined);
  return next;
}

export async function shareStatuses(db: Db): Promise<ShareStatus[]> {
  return (await store.listShares(db)).map(statusOf);
}

export function statusOf(share: StoredShare): ShareStatus {
  return withCheck(shareStatus(share));
}

function withCheck(status: ShareStatus): ShareStatus {
  const checked = checkedAt.get(status.treeId);
  if (checked === undefined || status.problem !== null || (status.syncedAt ?? 0) >= checked) return status;
  return { ...status, syncedAt: checked };
}

export async function leaveShare(db: Db, treeId: Id): Promise<boolean> {
  return serial(treeId, async () => {
    checkedAt.delete(treeId);
    forget(db, treeId);
    dropCopy(db, treeId);
    return store.deleteShare(db, treeId);
  });
}

/** The name others see beside this person's changes; published with the next sync. */
export async function setDisplayName(db: Db, treeId: Id, name: string, options: LoopOptions = {}) {
  return serial(treeId, async (): Promise<ShareOutcome> => {
    forget(db, treeId);
    const found = await store.getShareState(db, treeId, keptCopy(db, treeId));
    if (!found) return notShared();
    const { share: current, state } = found;
    const named = withLocalChanges(
      { clock: current.clock, state },
      [{ kind: 'set-name', name }],
      (options.now ?? Date.now)(),
    );
    const share = { ...current, displayName: name, clock: named.clock, pending: true };
    const written = await store.saveShare(db, async () => ({
      share,
      state: { before: state, after: named.state },
      view: null,
    }));
    const saved = written.share ?? share;
    const kept = keptCopy(db, treeId);
    keepCopy(db, treeId, { revision: saved.revision, state: named.state, files: kept?.files ?? null, covers: false });
    return { ok: true, status: statusOf(saved) };
  });
}

/**
 * Pulls the file and merges it; publishes too when `publish` is asked or this replica
 * has changes the file lacks (an editor only: a reader never writes).
 */
export function syncShare(db: Db, treeId: Id, publish: boolean, options: LoopOptions = {}): Promise<ShareOutcome> {
  return serial(treeId, () => syncOnce(db, treeId, publish, options));
}

async function syncOnce(db: Db, treeId: Id, publish: boolean, options: LoopOptions): Promise<ShareOutcome> {
  const now = options.now ?? Date.now;
  const generation = editGeneration();
  const quick = await pullRemembered(db, treeId, publish, options.client ?? createWebDavClient());
  if (quick?.unchanged) {
    checkedAt.set(treeId, now());
    return { ok: true, status: withCheck(quick.known.status) };
  }
  // Records found in agreement with the state, no edit since: there is no change in them to find.
  const agreed = recall(db, treeId);
  const read = await store.readShareAndTree(db, treeId, keptCopy(db, treeId), agreed?.revision ?? null);
  const { share, state: stored, records } = read;
  if (!share || !stored) return notShared();
  const editor = share.mode === 'editor';
  // A reader's own edits are not shared: the records are written back from the shared copy.
  const drift = records ? localChanges(viewOf(stored), records) : [];
  const own = editor ? drift : [];
  const local = withLocalChanges({ clock: share.clock, state: stored }, own, now());
  const pending = share.pending || own.length > 0;
  const target = { url: share.url, credentials: share.credentials };
  const kept = keptCopy(db, treeId, share.revision);
  const known: KnownFile = {
    remote: share.remote,
    files: kept?.files ?? null,
    covers: !pending && (kept?.covers ?? share.remote?.covers ?? false),
  };
  const answered = quick && share.remote?.etag === quick.known.etag ? quick.answered : null;
  let result: SyncResult | RefreshResult =
    editor && (publish || pending)
      ? await syncSharedFile(target, local, known, options)
      : await refreshSharedFile(target, local, known, options, answered);
  if (editor && result.ok && 'status' in result && result.status === 'missing') {
    result = await syncSharedFile(target, local, UNKNOWN_FILE, options);
  }
  const sameRemote = result.ok && result.remote?.etag === share.remote?.etag;
  if (result.ok && result.status === 'unchanged' && sameRemote && drift.length === 0 && share.problem === null) {
    checkedAt.set(treeId, now());
    // The parts' tags this read learned (a part read back after this replica wrote it).
    if (kept) keepCopy(db, treeId, { ...kept, files: result.files });
    rememberAgreement(db, share, generation);
    return { ok: true, status: statusOf(share) };
  }
  const at = now();
  const failure = failureOf(result);
  const merged = result.ok ? result.replica : local;
  // Only the items whose record changed, or that differ here, can need writing (all when a metric changed).
  const affected = itemsAffected(stored, merged.state);
  const only = affected && new Set([...affected, ...itemsNamed(drift)]);
  let saved: StoredShare | null = null;
  let final: Replica = merged;
  const written = await bracketed(options, () =>
    store.saveShare(db, async (tx) => {
      const current = await tx.objectStore('shares').get(treeId);
      // Left while the server answered: the local copy stays as it was.
      if (!current) return { share: null, view: null };
      const before = await store.readTreeRecordsOf(tx, treeId, only);
      // Edits committed meanwhile to items this write touches; others stay for the next sync to
      // find. Stamped against the state the records were written from (withLateChanges).
      const late = editor ? localChanges(viewWithin(local.state, only), before, only) : [];
      final = withLateChanges(merged, local, late, at);
      const published = result.ok && (result.status === 'published' || result.status === 'up-to-date');
      const remote = result.ok ? result.remote : current.remote;
      saved = {
        ...current,
        clock: final.clock,
        remote: remote && { etag: remote.etag, covers: remote.covers && late.length === 0 },
        pending: published ? late.length > 0 : pending || late.length > 0,
        syncedAt: failure ? current.syncedAt : at,
        problem: failure ? { code: failure.code, message: failure.message, at } : null,
      };
      return {
        share: saved,
        state: { before: stored, after: final.state },
        view: viewWithin(final.state, only),
        before,
        only,
      };
    }),
  );
  if (failure) checkedAt.delete(treeId);
  options.afterSync?.(db, written);
  if (!written.share) return notShared();
  saved = written.share as StoredShare;
  keepCopy(db, treeId, { revision: saved.revision, state: final.state, ...filesAfter(result, kept, saved, final) });
  if (result.ok && result.status === 'published' && result.remote === null) options.afterPublish?.(treeId);
  rememberAgreement(db, saved, generation);
  return { ok: true, status: statusOf(saved) };
}

/** The view of `state`, or of just the items `only` names (not kept: a later sync may need them all). */
function viewWithin(state: SharedState, only: ReadonlySet<Id> | null): SharedView {
  return only === null ? viewOf(state) : sharedView(state, only);
}

/**
 * The files as this replica now knows them. Files pulled that held all but this replica's
 * changes are compared once with the merged state: the next "Sync now" then knows whether
 * there is anything to publish without reading them again. A file of version 1 never holds
 * it all: the next publish upgrades it.
 */
function filesAfter(
  result: SyncResult | RefreshResult,
  kept: { files: KnownFiles | null; covers: boolean } | null,
  saved: StoredShare,
  final: Replica,
): { files: KnownFiles | null; covers: boolean } {
  if (!result.ok) return { files: kept?.files ?? null, covers: false };
  if (saved.pending) return { files: result.files, covers: false };
  const { status, files } = result;
  if (status === 'published' || status === 'up-to-date') return { files, covers: true };
  if (status === 'unchanged') return { files, covers: kept?.covers ?? saved.remote?.covers ?? false };
  // Only an editor publishes, so only an editor needs to know.
  return { files, covers: saved.mode === 'editor' && filesHold(saved, files, final.state) };
}

export async function bracketed<T>(options: LoopOptions, work: () => Promise<T>): Promise<T> {
  options.writing?.(true);
  try {
    return await work();
  } finally {
    options.writing?.(false);
  }
}

function failureOf(result: SyncResult | RefreshResult): ShareFailure | null {
  if (!result.ok) return result;
  if (result.status === 'missing') {
    return shareFailure('unexpected', 'there is no shared file at this address (any more)', 404);
  }
  return null;
}

export function refused(failure: ShareFailure): ShareOutcome {
  return { ok: false, code: failure.code, message: failure.message };
}

export function notShared(): ShareOutcome {
  return { ok: false, code: 'not-found', message: 'this tree is not shared' };
}
