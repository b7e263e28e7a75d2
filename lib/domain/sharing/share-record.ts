/**
 * A share as this browser keeps it: where the tree's file lives, how to sign in, this
 * replica's clock and shared state, and how the last sync went. The credentials live in
 * this record only (the `shares` store): the status a view gets (ShareStatus) leaves
 * them out, and so do exports, messages and change notices.
 */
import type { Id } from '../types';
import type { Hlc } from './hlc';
import type { Person, SharedState, SharedTree } from './state';
import type { ChangeMark } from './view';

export type ShareCredentials =
  | { readonly kind: 'none' }
  /** An app password, sent as HTTP Basic (Nextcloud, ownCloud, Apache). */
  | { readonly kind: 'password'; readonly user: string; readonly password: string }
  | { readonly kind: 'token'; readonly token: string };

export type CredentialsKind = ShareCredentials['kind'];

/** An editor publishes its changes; a reader only pulls (a reviewer's subscription). */
export type ShareMode = 'editor' | 'reader';

/** Why the last sync failed, as share-failure.ts words it (never holding a secret). */
export interface ShareProblem {
  readonly code: string;
  readonly message: string;
  readonly at: number;
}

export interface StoredShare {
  readonly treeId: Id;
  readonly url: string;
  readonly mode: ShareMode;
  readonly credentials: ShareCredentials;
  /** This browser's replica id in the file, made at random when it started or joined. */
  readonly replicaId: string;
  /** The name others see beside this person's changes. */
  readonly displayName: string;
  readonly clock: Hlc;
  /**
   * The small parts of the shared state; its metrics, items and tombstones are records of
   * their own (the `shareRecords` store, since version 9), so a sync writes only those
   * that changed.
   */
  readonly head: SharedHead;
  /** Moves with every write of the state, so a copy of it kept in memory knows it is current. */
  readonly revision: number;
  /** The file as last read or written, for a conditional GET (304) and a guarded PUT. */
  readonly remote: RemoteCopy | null;
  /** Local changes the file does not hold yet. */
  readonly pending: boolean;
  /** When the file was last read or written without a problem. */
  readonly syncedAt: number | null;
  readonly problem: ShareProblem | null;
}

export interface SharedHead {
  readonly tree: SharedTree;
  readonly people: ReadonlyMap<string, Person>;
  readonly prunedThrough: Hlc | null;
}

/**
 * The version of the file this replica last merged in full or wrote itself: a 304 for
 * `etag` means the server holds nothing this replica lacks. `covers`: that file also holds
 * everything the stored state holds, so with no local change since there is nothing to publish.
 */
export interface RemoteCopy {
  readonly etag: string;
  readonly covers: boolean;
}

export function headOf(state: SharedState): SharedHead {
  return { tree: state.tree, people: state.people, prunedThrough: state.prunedThrough };
}

/** What a view may know of a share: everything but the credentials and the state. */
export interface ShareStatus {
  treeId: Id;
  /** Scheme, host, port and path: the query is left out (a token is sometimes put there). */
  address: string;
  origin: string;
  mode: ShareMode;
  credentialsKind: CredentialsKind;
  displayName: string;
  pending: boolean;
  syncedAt: number | null;
  problem: ShareProblem | null;
  /** How many people have taken part (named in the file). */
  people: number;
}

/** A share request's result: the share's status, or why the server or the file was refused. */
export type ShareOutcome = { ok: true; status: ShareStatus } | { ok: false; code: string; message: string };

/** Who last changed an item, and who set its metric link (null: not since it was shared). */
export interface ItemMarks {
  changed: ChangeMark;
  tagged: ChangeMark | null;
}

export function shareStatus(share: StoredShare): ShareStatus {
  return {
    treeId: share.treeId,
    address: addressOf(share.url),
    origin: originOf(share.url),
    mode: share.mode,
    credentialsKind: share.credentials.kind,
    displayName: share.displayName,
    pending: share.pending,
    syncedAt: share.syncedAt,
    problem: share.problem,
    people: share.head.people.size,
  };
}

function addressOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
