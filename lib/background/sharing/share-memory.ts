/**
 * What this worker remembers of a share after a sync that left the tree's records and the
 * shared state in agreement, so that the next pull of an unchanged file is one conditional
 * GET and no database read at all. Reading the share's state and the tree's records and
 * comparing them costs seconds for a 10,000-item tree on a loaded machine (docs/benchmarks.md),
 * against a budget of 50 ms for a pull that finds nothing new.
 *
 * It is valid only while nothing can have changed the records since: every committed local
 * edit moves the edit generation (share-schedule.ts calls recordsEdited), every write of the
 * share outside a sync forgets it, and a restarted worker remembers nothing, so the first
 * sync after any of these compares everything as before. The address and credentials stay
 * in the worker's memory as they do during any sync; nothing here is stored or sent.
 */
import { type ShareStatus, shareStatus, type StoredShare } from '../../domain/sharing/share-record';
import type { Id } from '../../domain/types';
import { perDatabase } from './per-database';
import type { Share } from './share-address';
import type { PullResult, WebDavClient } from './webdav-client';

export interface RememberedShare {
  readonly target: Share;
  /** The ETag of the copy the records agree with; a 304 for it means nothing is new. */
  readonly etag: string;
  /** The status the share had then, without its time (the caller adds when it checked). */
  readonly status: ShareStatus;
  readonly generation: number;
  /** The share's revision then: its stored state is the one the records agree with while it stays. */
  readonly revision: number;
}

let generation = 0;
const rememberedIn = perDatabase<RememberedShare>();

/** A local edit committed: whatever was remembered may no longer agree with the records. */
export function recordsEdited(): void {
  generation++;
}

export function editGeneration(): number {
  return generation;
}

/** After a sync that left the records as the state says; `seenAt` is the edit generation as it began. */
export function rememberAgreement(db: object, share: StoredShare, seenAt: number): void {
  const remembered = rememberedIn(db);
  remembered.delete(share.treeId);
  if (share.problem !== null || share.pending || share.remote === null) return;
  remembered.set(share.treeId, {
    target: { url: share.url, credentials: share.credentials },
    etag: share.remote.etag,
    status: shareStatus(share),
    generation: seenAt,
    revision: share.revision,
  });
}

/** The share as last found in agreement, or null when an edit (or a restart) came since. */
export function recall(db: object, treeId: Id): RememberedShare | null {
  const known = rememberedIn(db).get(treeId);
  return known && known.generation === generation ? known : null;
}

/**
 * For a pull (a reader's sync is always one), the GET conditional on the remembered copy:
 * `unchanged` when the server answered 304 and no edit came meanwhile. Otherwise the
 * caller does the whole sync, and may use `answered` as the answer to its own first GET
 * when that is conditional on the same ETag. Null when nothing is remembered.
 */
export async function pullRemembered(
  db: object,
  treeId: Id,
  publish: boolean,
  client: WebDavClient,
): Promise<{ known: RememberedShare; answered: PullResult; unchanged: boolean } | null> {
  const known = recall(db, treeId);
  if (!known || (publish && known.status.mode === 'editor')) return null;
  const answered = await client.pull(known.target, known.etag);
  const unchanged = answered.ok && answered.status === 'unchanged' && recall(db, treeId) === known;
  return { known, answered, unchanged };
}

export function forget(db: object, treeId: Id): void {
  rememberedIn(db).delete(treeId);
}
