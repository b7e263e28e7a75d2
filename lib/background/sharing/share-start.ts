/**
 * A share begins: a local tree is shared (published to a new file, or merged into the file
 * of the same tree already there), or a file is joined (editor) or subscribed to (reader)
 * and its tree becomes a local tree. Either way the state, the share and the tree's
 * records are stored in one transaction (share-loop.ts syncs it from then on).
 */
import type {
  RemoteCopy,
  ShareCredentials,
  ShareMode,
  ShareOutcome,
  StoredShare,
} from '../../domain/sharing/share-record';
import { headOf } from '../../domain/sharing/share-record';
import { type Replica, startSharing } from '../../domain/sharing/sync';
import type { Id } from '../../domain/types';
import * as store from '../../storage';
import { checkShare } from './share-address';
import { keepCopy, viewOf } from './share-copy';
import { bracketed, type LoopOptions, notShared, refused, statusOf } from './share-loop';
import { joinShare, type KnownFiles, syncSharedFile, UNKNOWN_FILE } from './share-sync';

type Db = store.LensDb;

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
  const result = await syncSharedFile(target, replica, UNKNOWN_FILE, options);
  if (!result.ok) return refused(result);
  const stored = newStoredShare({ ...input, mode: 'editor', replicaId }, result, false, now);
  return save(db, stored, result.replica, result.files, options);
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
  // An editor's name goes into the file with its first publish.
  const pending = input.mode === 'editor';
  const stored = newStoredShare({ ...input, treeId, replicaId }, joined, pending, (options.now ?? Date.now)());
  return save(db, stored, joined.replica, joined.files, options);
}

/** Who takes part where, as a share is started or joined. */
interface Participation {
  treeId: Id;
  url: string;
  mode: ShareMode;
  credentials: ShareCredentials;
  replicaId: string;
  displayName: string;
}

/**
 * The share as first stored, after its first exchange with the server (`synced`) at `at`;
 * its state's head is added as it is saved.
 */
function newStoredShare(
  { treeId, url, mode, credentials, replicaId, displayName }: Participation,
  synced: { replica: Replica; remote: RemoteCopy | null },
  pending: boolean,
  at: number,
): Omit<StoredShare, 'head'> {
  const { clock } = synced.replica;
  return {
    treeId,
    url,
    mode,
    credentials,
    replicaId,
    displayName,
    clock,
    remote: synced.remote,
    pending,
    syncedAt: at,
    problem: null,
    revision: 0,
  };
}

async function save(
  db: Db,
  share: Omit<StoredShare, 'head'>,
  replica: Replica,
  files: KnownFiles | null,
  options: LoopOptions,
): Promise<ShareOutcome> {
  const written = await bracketed(options, () =>
    store.saveShare(db, async (tx) => {
      const before = await store.readTreeRecordsOf(tx, share.treeId, null);
      const state = { before: null, after: replica.state };
      return { share: { ...share, head: headOf(replica.state) }, state, view: viewOf(replica.state), before };
    }),
  );
  options.afterSync?.(db, written);
  if (!written.share) return notShared();
  const covers = share.remote?.covers ?? false;
  keepCopy(db, share.treeId, { revision: written.share.revision, state: replica.state, files, covers });
  return { ok: true, status: statusOf(written.share) };
}

/** Letters and digits, as the file's replica ids allow (1 to 64 of them). */
function newReplicaId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}
