/**
 * The entry points the background's WebDAV client calls: start sharing a tree, join a
 * shared file, pull one, and publish. Each takes the file's text as the server sent it
 * and the physical time, and returns the new local replica; nothing here does I/O.
 *
 * Clock skew: a file holding a stamp more than MAX_CLOCK_AHEAD_MS ahead of `now` is
 * refused, naming the stamp and the person whose clock made it. Accepting it would pull
 * every clock forward and make each concurrent edit lose to that person's for as long.
 * The person with the wrong clock publishes such a file without noticing (their `now`
 * is the wrong one), so the client should compare `now` with the server's `Date` header
 * before publishing and refuse to publish while they differ by more than that bound.
 */
import { applyChanges, type LocalChange } from './edits';
import { compareHlc, type Hlc, initialHlc, MAX_CLOCK_AHEAD_MS, receive, tick } from './hlc';
import { prune } from './prune';
import { safeMerge } from './safe-merge';
import { findStamp, parseSharedFile, type Refusal, readSharedFile, toSharedFile } from './shared-file';
import type { SharedBody } from './shared-file-schema';
import type { SharedState, Tombstone } from './state';
import type { Item, Metric, Tree } from '../types';

/** One browser's copy: its clock (whose replica id is this browser's) and its shared state. */
export interface Replica {
  readonly clock: Hlc;
  readonly state: SharedState;
}

export type ReplicaResult = { ok: true; replica: Replica } | Refusal;
/** `text` is what to write to the server, null when the file already says it all. */
export type PublishResult = { ok: true; replica: Replica; text: string | null } | Refusal;

/** Turns a local tree into a shared one: every field stamped by this replica now. */
export function startSharing(
  records: { tree: Tree; metrics: readonly Metric[]; items: readonly Item[] },
  replicaId: string,
  name: string,
  now: number,
): Replica {
  const created = tick(initialHlc(replicaId), now);
  const { tree } = records;
  const state: SharedState = {
    tree: {
      id: tree.id,
      created,
      fields: { name: tree.name, game: tree.game },
      stamps: { name: created, game: created },
      sets: {},
    },
    metrics: new Map(),
    items: new Map(),
    deletedMetrics: new Map(),
    deletedItems: new Map(),
    people: new Map(),
    prunedThrough: null,
  };
  const changes: LocalChange[] = [
    { kind: 'set-name', name },
    ...records.metrics.map((metric): LocalChange => ({ kind: 'put-metric', metric })),
    ...records.items.map((item): LocalChange => ({ kind: 'put-item', item })),
  ];
  const result = applyChanges(state, created, changes, now);
  if (!result.ok) throw new Error(`cannot share the tree: change ${result.index}: ${result.message}`);
  return { clock: result.clock, state: result.state };
}

/** A replica whose state is the file's, with this person's name set. */
export function joinSharedFile(text: string, replicaId: string, name: string, now: number): ReplicaResult {
  const parsed = parseSharedFile(text);
  return parsed.ok ? joinShared(parsed.file, replicaId, name, now) : parsed;
}

/** `joinSharedFile` for a tree already checked (a version-1 file, or an index with its parts). */
export function joinShared(body: SharedBody, replicaId: string, name: string, now: number): ReplicaResult {
  const read = checkClocks(body, now);
  if (!read.ok) return read;
  const clock = receive(initialHlc(replicaId), read.newest, now);
  const named = applyChanges(read.state, clock, [{ kind: 'set-name', name }], now);
  if (!named.ok) return { ok: false, path: '', message: named.message };
  return { ok: true, replica: { clock: named.clock, state: named.state } };
}

/** `local` with the file's changes merged in; what the bench times. */
export function pullSharedFile(local: Replica, text: string, now: number): ReplicaResult {
  const parsed = parseSharedFile(text);
  return parsed.ok ? pullShared(local, parsed.file, now) : parsed;
}

/**
 * `local` with a checked tree merged in: a whole file, or an index with some of its parts
 * (a part not read adds nothing; see share-sync.ts for when every part must be read).
 */
export function pullShared(local: Replica, body: SharedBody, now: number): ReplicaResult {
  const read = checkClocks(body, now);
  if (!read.ok) return read;
  if (read.state.tree.id !== local.state.tree.id) {
    return {
      ok: false,
      path: 'tree.id',
      message: `the file shares the tree "${read.state.tree.fields.name}", not "${local.state.tree.fields.name}"`,
    };
  }
  const state = safeMerge(local.state, read.state);
  return { ok: true, replica: { clock: receive(local.clock, read.newest, now), state } };
}

/**
 * The file on the server is the very copy this replica last merged or wrote (a 304 for
 * its ETag, or the same bytes): nothing in it is new here, so it is neither parsed nor
 * merged again. `covers`: that copy already holds everything `local` holds.
 */
export interface KeptCopy {
  readonly kept: true;
  readonly covers: boolean;
}

/**
 * Pulls `remote` (null when the server has no file yet) and returns the text to put
 * back. Tombstones not yet published are stamped with this publish, and this replica's
 * `seen` too; prune.ts and safe-merge.ts rely on both. Keep the returned replica only
 * once the server accepted the text: a retry stamps them again, newer.
 */
export function publish(local: Replica, remote: string | KeptCopy | null, now: number): PublishResult {
  let pulled = local;
  if (typeof remote === 'string') {
    const result = pullSharedFile(local, remote, now);
    if (!result.ok) return result;
    pulled = result.replica;
    if (toSharedFile(pulled.state) === remote) return { ok: true, replica: pulled, text: null };
  } else if (remote?.covers) {
    return { ok: true, replica: pulled, text: null };
  }
  const replica = stampPublish(pulled, remote === null, now);
  return { ok: true, replica, text: toSharedFile(replica.state) };
}

/** The replica as one publish writes it (`fresh`: there is no file yet); see `publish`. */
export function stampPublish(pulled: Replica, fresh: boolean, now: number): Replica {
  const at = tick(pulled.clock, now);
  const me = pulled.state.people.get(at[2]);
  const stamped: SharedState = {
    ...pulled.state,
    deletedMetrics: stampUnpublished(pulled.state.deletedMetrics, at, fresh),
    deletedItems: stampUnpublished(pulled.state.deletedItems, at, fresh),
    people: new Map(pulled.state.people).set(at[2], { name: me?.name ?? '', named: me?.named ?? at, seen: at }),
  };
  return { clock: at, state: prune(stamped, now) };
}

/**
 * A tombstone the file already carries has a publish stamp: whoever wrote it there stamped
 * it, and merging keeps the larger one. So the unstamped ones are exactly those the file
 * lacks; with no file at all (`all`), every one is new to it.
 */
function stampUnpublished(
  tombstones: ReadonlyMap<string, Tombstone>,
  at: Hlc,
  all: boolean,
): ReadonlyMap<string, Tombstone> {
  let out: Map<string, Tombstone> | null = null;
  for (const [id, tombstone] of tombstones) {
    if (tombstone.published !== null && !all) continue;
    out ??= new Map(tombstones);
    out.set(id, { ...tombstone, published: at });
  }
  return out ?? tombstones;
}

function checkClocks(file: SharedBody, now: number): { ok: true; state: SharedState; newest: Hlc } | Refusal {
  const parsed = { file };
  const limit = now + MAX_CLOCK_AHEAD_MS;
  let newest: Hlc = initialHlc('');
  const ahead = findStamp(parsed.file, (stamp) => {
    if (compareHlc(stamp, newest) > 0) newest = stamp;
    return stamp[0] > limit;
  });
  if (ahead) {
    const person = parsed.file.people.find((p) => p.replica === ahead.stamp[2]);
    const hours = Math.round((ahead.stamp[0] - now) / 3_600_000);
    return {
      ok: false,
      path: ahead.path,
      message:
        `a change by ${person?.name || 'someone'} is dated ${hours} hours ahead of this computer's clock; ` +
        'one of the two clocks is wrong, and the file is not merged until it is fixed',
    };
  }
  return { ok: true, state: readSharedFile(parsed.file), newest };
}
