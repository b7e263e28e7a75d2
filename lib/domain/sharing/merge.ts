/**
 * The convergent merge of two shared states (state.ts). Per field, the register with the
 * larger HLC stamp wins; per set element likewise; a tombstone removes its record whatever
 * the record's stamps (see `mergeRecords`). Every choice depends only on the two states,
 * never on which is "local", so merge is commutative, associative and idempotent, and
 * replicas that have seen the same changes hold equal states whatever the order of pulls.
 * Linear in the number of records: maps by id, one pass each.
 */
import type { Id } from '../types';
import { compareHlc, type Hlc, maxOptionalHlc } from './hlc';
import type { Person, SetEntry, SetRegister, SharedRecord, SharedState, Tombstone } from './state';

export function merge(a: SharedState, b: SharedState): SharedState {
  if (a === b) return a;
  const prunedThrough = maxOptionalHlc(a.prunedThrough, b.prunedThrough);
  const deletedMetrics = mergeTombstones(a.deletedMetrics, b.deletedMetrics, prunedThrough);
  const deletedItems = mergeTombstones(a.deletedItems, b.deletedItems, prunedThrough);
  return {
    tree: pickTree(a.tree, b.tree),
    metrics: mergeRecords(a.metrics, b.metrics, deletedMetrics),
    items: mergeRecords(a.items, b.items, deletedItems),
    deletedMetrics,
    deletedItems,
    people: mergePeople(a.people, b.people),
    prunedThrough,
  };
}

/**
 * Delete wins, whatever the stamps: once a replica has seen a deletion the record is gone
 * from its views, so an edit stamped after the deletion can only come from a replica
 * that had not seen it yet, a concurrent edit, not a decision to keep the record.
 * Bringing a deleted item back means creating it again, under a new id.
 */
export function mergeRecords<F, S extends string>(
  a: ReadonlyMap<Id, SharedRecord<F, S>>,
  b: ReadonlyMap<Id, SharedRecord<F, S>>,
  deleted: ReadonlyMap<Id, Tombstone>,
): Map<Id, SharedRecord<F, S>> {
  const out = new Map<Id, SharedRecord<F, S>>();
  for (const [id, record] of a) {
    if (deleted.has(id)) continue;
    const other = b.get(id);
    out.set(id, other ? mergeRecord(record, other) : record);
  }
  for (const [id, record] of b) {
    if (!deleted.has(id) && !a.has(id)) out.set(id, record);
  }
  return out;
}

/** Field by field; returns `a` itself when `b` adds nothing, so an unchanged record stays shared. */
export function mergeRecord<F, S extends string>(a: SharedRecord<F, S>, b: SharedRecord<F, S>): SharedRecord<F, S> {
  if (a === b) return a;
  // Copies are made only once `b` wins something: most records of a pull are unchanged.
  let fields: F | null = null;
  let stamps: { [K in keyof F]: Hlc } | null = null;
  for (const key in b.stamps) {
    if (!laterRegister(b.stamps[key], b.fields[key], a.stamps[key], a.fields[key])) continue;
    fields ??= { ...a.fields } as F;
    stamps ??= { ...a.stamps };
    fields[key] = b.fields[key];
    stamps[key] = b.stamps[key];
  }
  let sets: { [K in S]: SetRegister } | null = null;
  for (const name in b.sets) {
    const merged = mergeSet(a.sets[name], b.sets[name]);
    if (merged === a.sets[name]) continue;
    sets ??= { ...a.sets };
    sets[name] = merged;
  }
  const earlier = compareHlc(b.created, a.created) < 0;
  if (!fields && !sets && !earlier) return a;
  return {
    id: a.id,
    created: earlier ? b.created : a.created,
    fields: fields ?? a.fields,
    stamps: stamps ?? a.stamps,
    sets: sets ?? a.sets,
  };
}

function mergeSet(a: SetRegister, b: SetRegister): SetRegister {
  let out: Map<string, SetEntry> | null = null;
  for (const [key, entry] of b) {
    const mine = a.get(key);
    if (mine && !laterRegister(entry.at, entry.value, mine.at, mine.value)) continue;
    out ??= new Map(a);
    out.set(key, entry);
  }
  return out ?? a;
}

/**
 * True when register (at, value) beats (otherAt, otherValue). Equal stamps mean the same
 * change and so the same value; a hand-made file could still pair one stamp with two
 * values, and the value's text then decides, so that even such a file converges.
 */
function laterRegister(at: Hlc, value: unknown, otherAt: Hlc | undefined, otherValue: unknown): boolean {
  if (otherAt === undefined) return true;
  const order = compareHlc(at, otherAt);
  if (order !== 0) return order > 0;
  return value !== otherValue && JSON.stringify(value) > JSON.stringify(otherValue);
}

/** Two files for different trees never meet (sync.ts refuses them); the older tree is kept should they. */
function pickTree(a: SharedState['tree'], b: SharedState['tree']): SharedState['tree'] {
  if (a.id === b.id) return mergeRecord(a, b);
  const order = compareHlc(a.created, b.created);
  return order < 0 || (order === 0 && a.id < b.id) ? a : b;
}

export function mergeTombstones(
  a: ReadonlyMap<Id, Tombstone>,
  b: ReadonlyMap<Id, Tombstone>,
  prunedThrough: Hlc | null,
): Map<Id, Tombstone> {
  const out = new Map<Id, Tombstone>();
  for (const [id, tombstone] of a) {
    const other = b.get(id);
    out.set(id, other ? mergeTombstone(tombstone, other) : tombstone);
  }
  for (const [id, tombstone] of b) if (!a.has(id)) out.set(id, tombstone);
  if (prunedThrough !== null) {
    for (const [id, tombstone] of out) if (isPruned(tombstone, prunedThrough)) out.delete(id);
  }
  return out;
}

export function isPruned(tombstone: Tombstone, prunedThrough: Hlc): boolean {
  return tombstone.published !== null && compareHlc(tombstone.published, prunedThrough) <= 0;
}

function mergeTombstone(a: Tombstone, b: Tombstone): Tombstone {
  const published = maxOptionalHlc(a.published, b.published);
  const latest = laterRegister(b.at, b.label, a.at, a.label) ? b : a;
  if (latest.published === published) return latest;
  return { at: latest.at, label: latest.label, published };
}

function mergePeople(a: ReadonlyMap<string, Person>, b: ReadonlyMap<string, Person>): Map<string, Person> {
  const out = new Map(a);
  for (const [replica, person] of b) {
    const mine = a.get(replica);
    if (!mine) {
      out.set(replica, person);
      continue;
    }
    const named = laterRegister(person.named, person.name, mine.named, mine.name) ? person : mine;
    const seen = maxOptionalHlc(mine.seen, person.seen);
    if (named.seen !== seen) out.set(replica, { name: named.name, named: named.named, seen });
    else out.set(replica, named);
  }
  return out;
}
