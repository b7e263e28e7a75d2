/**
 * Merging across a prune. Tombstones do not live forever (prune.ts): once every active
 * replica has seen one for 90 days it is dropped. A replica that was away longer, or a
 * copy of the file restored from an old backup, may still hold the deleted record, and a
 * plain merge would bring it back. Such a side is stale: it has not seen the latest
 * publish the other side's pruning relied on. Before merging, a stale side forgets what
 * it can no longer be trusted about: records the other side lacks that it did not create
 * after the prune horizon (they were deleted and pruned), and its registers stamped at or
 * before the horizon (the other side's are the newer truth, or the change was never
 * published in 90 days). Its later changes are merged as usual.
 */
import type { Id } from '../types';
import { compareHlc, type Hlc } from './hlc';
import { merge } from './merge';
import type { SetEntry, SetRegister, SharedRecord, SharedState, Tombstone } from './state';

/** `merge`, after forgetting on a stale side; only one of two sides can be stale. */
export function safeMerge(a: SharedState, b: SharedState): SharedState {
  if (b.prunedThrough !== null && isStale(a, b.prunedThrough)) return merge(forgetBefore(a, b, b.prunedThrough), b);
  if (a.prunedThrough !== null && isStale(b, a.prunedThrough)) return merge(a, forgetBefore(b, a, a.prunedThrough));
  return merge(a, b);
}

/** The stamp of the latest publish this state has taken in, null if it has seen none. */
export function latestPublish(state: SharedState): Hlc | null {
  let latest: Hlc | null = null;
  for (const person of state.people.values()) {
    if (person.seen !== null && (latest === null || compareHlc(person.seen, latest) > 0)) latest = person.seen;
  }
  return latest;
}

export function isStale(state: SharedState, prunedThrough: Hlc): boolean {
  const latest = latestPublish(state);
  return latest === null || compareHlc(latest, prunedThrough) < 0;
}

/** What of `stale` can be merged into `fresh`, which pruned through `horizon`. */
export function forgetBefore(stale: SharedState, fresh: SharedState, horizon: Hlc): SharedState {
  return {
    ...stale,
    tree: stale.tree.id === fresh.tree.id ? forgetFields(stale.tree, fresh.tree, horizon) : stale.tree,
    metrics: forgetRecords(stale.metrics, fresh.metrics, fresh.deletedMetrics, horizon),
    items: forgetRecords(stale.items, fresh.items, fresh.deletedItems, horizon),
  };
}

function forgetRecords<F, S extends string>(
  stale: ReadonlyMap<Id, SharedRecord<F, S>>,
  fresh: ReadonlyMap<Id, SharedRecord<F, S>>,
  freshDeleted: ReadonlyMap<Id, Tombstone>,
  horizon: Hlc,
): Map<Id, SharedRecord<F, S>> {
  const out = new Map<Id, SharedRecord<F, S>>();
  for (const [id, record] of stale) {
    const current = fresh.get(id);
    if (current) out.set(id, forgetFields(record, current, horizon));
    else if (freshDeleted.has(id) || compareHlc(record.created, horizon) > 0) out.set(id, record);
  }
  return out;
}

/** `stale` with every register stamped at or before `horizon` replaced by `fresh`'s. */
function forgetFields<F, S extends string>(
  stale: SharedRecord<F, S>,
  fresh: SharedRecord<F, S>,
  horizon: Hlc,
): SharedRecord<F, S> {
  const fields = { ...stale.fields } as F;
  const stamps = { ...stale.stamps } as { [K in keyof F]: Hlc };
  for (const key of Object.keys(stale.stamps) as (keyof F)[]) {
    if (compareHlc(stale.stamps[key], horizon) <= 0) {
      fields[key] = fresh.fields[key];
      stamps[key] = fresh.stamps[key];
    }
  }
  const sets = { ...stale.sets } as { [K in S]: SetRegister };
  for (const name of Object.keys(stale.sets) as S[]) {
    const kept = new Map<string, SetEntry>();
    for (const [key, entry] of stale.sets[name]) {
      const current = fresh.sets[name].get(key);
      if (compareHlc(entry.at, horizon) > 0) kept.set(key, entry);
      else if (current) kept.set(key, current);
    }
    sets[name] = kept;
  }
  return { id: stale.id, created: fresh.created, fields, stamps, sets };
}
