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
import { localChanges, withLateChanges, withLocalChanges } from '../../domain/sharing/local-changes';
import {
  type ShareCredentials,
  type ShareMode,
  type ShareOutcome,
  type ShareStatus,
  shareStatus,
  type StoredShare,
} from '../../domain/sharing/share-record';
import { type Replica, startSharing } from '../../domain/sharing/sync';
import { sharedView } from '../../domain/sharing/view';
import type { Id } from '../../domain/types';
import * as store from '../../storage';
import { checkShare } from './share-address';
import { type ShareFailure, shareFailure } from './share-failure';
import { editGeneration, forget, pullRemembered, rememberAgreement } from './share-memory';
import {
  joinShare,
  type RefreshResult,
  refreshSharedFile,
  type SyncOptions,
  type SyncResult,
  syncSharedFile,
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

function statusOf(share: StoredShare): ShareStatus {
  return withCheck(shareStatus(share));
}

function withCheck(status: ShareStatus): ShareStatus {
  const checked = checkedAt.get(status.treeId);
  if (checked === undefined || status.problem !== null || (status.syncedAt ?? 0) >= checked) return status;
  return { ...status, syncedAt: checked };
}

/** Shares a local tree: publishes it to `url` (merging a file already there for the same tree). */
export async function startShare(
  db: Db,
  input: { treeId: Id; url: string; credentials: ShareCredentials; displayName: string },
  options: LoopOptions = {},
): Promise<ShareOutcome> {
  const target = { url: input.url, credentials: input.credentials };
  const checked = checkShare(target);
  if (!checked.ok) return refused(checked);
  const { share, records } = await store.readShareAndTree(db, input.treeId);
  if (share) return { ok: false, code: 'already-shared', message: 'this tree is already shared' };
  if (!records.tree) return { ok: false, code: 'not-found', message: 'there is no such tree' };
  const now = (options.now ?? Date.now)();
  const replicaId = (options.newReplicaId ?? newReplicaId)();
  const replica = startSharing(
    { tree: records.tree, metrics: records.metrics, items: records.items },
    replicaId,
    input.displayName,
    now,
  );
  const result = await syncSharedFile(target, replica, null, options);
  if (!result.ok) return refused(result);
  const stored: StoredShare = {
    treeId: input.treeId,
    url: input.url,
    mode: 'editor',
    credentials: input.credentials,
    replicaId,
    displayName: input.displayName,
    clock: result.replica.clock,
    state: result.replica.state,
    remote: result.remote,
    pending: false,
    syncedAt: now,
    problem: null,
  };
  return save(db, stored, result.replica, options);
}

/** Joins (editor) or subscribes to (reader) the file at `url`: its tree becomes a local tree. */
export async function joinShareFile(
  db: Db,
  input: { url: string; credentials: ShareCredentials; displayName: string; mode: ShareMode },
  options: LoopOptions = {},
): Promise<ShareOutcome> {
  const target = { url: input.url, credentials: input.credentials };
  const replicaId = (options.newReplicaId ?? newReplicaId)();
  const joined = await joinShare(target, replicaId, input.displayName, options);
  if (!joined.ok) return refused(joined);
  const treeId = joined.replica.state.tree.id;
  const { share, records } = await store.readShareAndTree(db, treeId);
  if (share) return { ok: false, code: 'already-shared', message: 'you already take part in this shared tree' };
  if (records.tree) {
    return {
      ok: false,
      code: 'already-here',
      message: `the tree "${records.tree.name}" is already in your workspace; delete it first, or share it from here`,
    };
  }
  const stored: StoredShare = {
    treeId,
    url: input.url,
    mode: input.mode,
    credentials: input.credentials,
    replicaId,
    displayName: input.displayName,
    clock: joined.replica.clock,
    state: joined.replica.state,
    remote: joined.remote,
    // An editor's name goes into the file with its first publish.
    pending: input.mode === 'editor',
    syncedAt: (options.now ?? Date.now)(),
    problem: null,
  };
  return save(db, stored, joined.replica, options);
}

async function save(db: Db, share: StoredShare, replica: Replica, options: LoopOptions): Promise<ShareOutcome> {
  const written = await bracketed(options, () =>
    store.saveShare(db, async (tx) => {
      const before = await store.readTreeRecords(
        tx.objectStore('trees'),
        tx.objectStore('metrics'),
        tx.objectStore('itemChunks'),
        share.treeId,
      );
      return { share, view: sharedView(replica.state), before };
    }),
  );
  options.afterSync?.(db, written);
  return { ok: true, status: statusOf(share) };
}

export async function leaveShare(db: Db, treeId: Id): Promise<boolean> {
  return serial(treeId, async () => {
    checkedAt.delete(treeId);
    forget(db, treeId);
    return store.deleteShare(db, treeId);
  });
}

/** The name others see beside this person's changes; published with the next sync. */
export async function setDisplayName(db: Db, treeId: Id, name: string, options: LoopOptions = {}) {
  return serial(treeId, async (): Promise<ShareOutcome> => {
    forget(db, treeId);
    const current = await store.getShare(db, treeId);
    if (!current) return notShared();
    const named = withLocalChanges(current, [{ kind: 'set-name', name }], (options.now ?? Date.now)());
    const share = { ...current, displayName: name, clock: named.clock, state: named.state, pending: true };
    await store.saveShare(db, async () => ({ share, view: null }));
    return { ok: true, status: statusOf(share) };
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
  const { share, records } = await store.readShareAndTree(db, treeId);
  if (!share) return notShared();
  const editor = share.mode === 'editor';
  // A reader's own edits are not shared: the records are written back from the shared copy.
  const drift = localChanges(sharedView(share.state), records);
  const own = editor ? drift : [];
  const local = withLocalChanges(share, own, now());
  const pending = share.pending || own.length > 0;
  const target = { url: share.url, credentials: share.credentials };
  const answered = quick && share.remote?.etag === quick.known.etag ? quick.answered : null;
  let result: SyncResult | RefreshResult =
    editor && (publish || pending)
      ? await syncSharedFile(target, local, share.remote, options)
      : await refreshSharedFile(target, local, share.remote, options, answered);
  if (editor && result.ok && 'status' in result && result.status === 'missing') {
    result = await syncSharedFile(target, local, null, options);
  }
  if (result.ok && result.status === 'unchanged' && drift.length === 0 && share.problem === null) {
    checkedAt.set(treeId, now());
    rememberAgreement(db, share, generation);
    return { ok: true, status: statusOf(share) };
  }
  const at = now();
  const failure = failureOf(result);
  let saved: StoredShare | null = null;
  const written = await bracketed(options, () =>
    store.saveShare(db, async (tx) => {
      const current = await tx.objectStore('shares').get(treeId);
      // Left while the server answered: the local copy stays as it was.
      if (!current) return { share: null, view: null };
      const before = await store.readTreeRecords(
        tx.objectStore('trees'),
        tx.objectStore('metrics'),
        tx.objectStore('itemChunks'),
        treeId,
      );
      const late = editor ? localChanges(sharedView(local.state), before) : [];
      const next = withLateChanges(result.ok ? result.replica : local, local, late, at);
      const published = result.ok && (result.status === 'published' || result.status === 'up-to-date');
      saved = {
        ...current,
        clock: next.clock,
        state: next.state,
        remote: result.ok ? result.remote : current.remote,
        pending: published ? late.length > 0 : pending || late.length > 0,
        syncedAt: failure ? current.syncedAt : at,
        problem: failure ? { code: failure.code, message: failure.message, at } : null,
      };
      return { share: saved, view: sharedView(next.state), before };
    }),
  );
  if (failure) checkedAt.delete(treeId);
  options.afterSync?.(db, written);
  if (!saved) return notShared();
  rememberAgreement(db, saved, generation);
  return { ok: true, status: statusOf(saved) };
}

async function bracketed<T>(options: LoopOptions, work: () => Promise<T>): Promise<T> {
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

function refused(failure: ShareFailure): ShareOutcome {
  return { ok: false, code: failure.code, message: failure.message };
}

function notShared(): ShareOutcome {
  return { ok: false, code: 'not-found', message: 'this tree is not shared' };
}

/** Letters and digits, as the file's replica ids allow (1 to 64 of them). */
function newReplicaId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}
