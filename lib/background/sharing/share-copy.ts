/**
 * The shared state this worker last read or wrote for each share, kept in memory with the
 * share's revision: while the stored share is at that revision, a sync uses it instead of
 * reading 10,000 records again, and a publish writes the file from its records' kept lines
 * (shared-parts.ts). With it, the bytes and tags of the files as last merged or written, so
 * a read that returns those very bytes is not parsed again (share-files.ts).
 *
 * Only ever a copy: every write of the state moves the revision (storage/shares.ts), so a
 * copy left behind is simply not used, and a restarted worker reads the store once.
 */
import type { SharedState } from '../../domain/sharing/state';
import { type SharedView, sharedView } from '../../domain/sharing/view';
import type { Id } from '../../domain/types';
import type { KnownState } from '../../storage';
import type { KnownFiles } from './share-files';
import { perDatabase } from './per-database';

export interface KeptCopy extends KnownState {
  /** The share's files as last merged or written, null when not known here. */
  readonly files: KnownFiles | null;
  /** That file holds everything `state` holds. */
  readonly covers: boolean;
}

const keptIn = perDatabase<KeptCopy>();
const views = new WeakMap<SharedState, SharedView>();

export function keepCopy(db: object, treeId: Id, copy: KeptCopy): void {
  keptIn(db).set(treeId, copy);
}

/** The copy kept for the share at `revision`, or null when the share moved on or none is kept. */
export function keptCopy(db: object, treeId: Id, revision?: number): KeptCopy | null {
  const copy = keptIn(db).get(treeId) ?? null;
  return copy && (revision === undefined || copy.revision === revision) ? copy : null;
}

export function dropCopy(db: object, treeId: Id): void {
  keptIn(db).delete(treeId);
}

/** The view of a state, built once per state: a sync compares the records with it and writes from it. */
export function viewOf(state: SharedState): SharedView {
  let view = views.get(state);
  if (!view) {
    view = sharedView(state);
    views.set(state, view);
  }
  return view;
}
