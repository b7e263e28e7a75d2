/**
 * A share as this browser keeps it: where the tree's file lives, how to sign in, this
 * replica's clock and shared state, and how the last sync went. The credentials live in
 * this record only (the `shares` store): the status a view gets (ShareStatus) leaves
 * them out, and so do exports, messages and change notices.
 */
import type { Id } from '../types';
import type { Hlc } from './hlc';
import type { SharedState } from './state';
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
  readonly state: SharedState;
  /** The file as last read, for a conditional GET (304) and a guarded PUT. */
  readonly remote: { readonly text: string; readonly etag: string } | null;
  /** Local changes the file does not hold yet. */
  readonly pending: boolean;
  /** When the file was last read or written without a problem. */
  readonly syncedAt: number | null;
  readonly problem: ShareProblem | null;
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
    people: share.state.people.size,
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
