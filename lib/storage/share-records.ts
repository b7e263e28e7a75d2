/**
 * The `shareRecords` store (since version 9): a shared tree's metrics, items and
 * tombstones, one record each, keyed by tree, kind and id. The share itself (shares.ts)
 * keeps the small rest of the state. Kept apart so that a sync reads and writes what
 * changed: a publish after retagging one item of 10,000 writes that item's record, not
 * the 11 MB the whole state was as one record (docs/benchmarks.md, round 11).
 */
import type { SharedHead } from '../domain/sharing/share-record';
import type { SharedItem, SharedMetric, SharedState, Tombstone } from '../domain/sharing/state';
import type { Id } from '../domain/types';
import type { Store } from './schema';
import { each } from './transaction';

export type ShareRecordKind = 'metric' | 'item' | 'deletedMetric' | 'deletedItem';

export type StoredShareRecord =
  | { treeId: Id; kind: 'metric'; id: Id; value: SharedMetric }
  | { treeId: Id; kind: 'item'; id: Id; value: SharedItem }
  | { treeId: Id; kind: 'deletedMetric' | 'deletedItem'; id: Id; value: Tombstone };

const MAPS = {
  metric: 'metrics',
  item: 'items',
  deletedMetric: 'deletedMetrics',
  deletedItem: 'deletedItems',
} as const satisfies Record<ShareRecordKind, keyof SharedState>;

const KINDS = Object.keys(MAPS) as ShareRecordKind[];

/** Every key of one tree's records: arrays sort after strings, so `[treeId, []]` bounds them. */
function treeRange(treeId: Id): IDBKeyRange {
  return IDBKeyRange.bound([treeId], [treeId, []]);
}

export function shareRecordsOf(treeId: Id, state: SharedState): StoredShareRecord[] {
  const out: StoredShareRecord[] = [];
  for (const kind of KINDS) {
    for (const [id, value] of state[MAPS[kind]]) out.push({ treeId, kind, id, value } as StoredShareRecord);
  }
  return out;
}

export function stateFrom(head: SharedHead, records: readonly StoredShareRecord[]): SharedState {
  const maps = { metrics: new Map(), items: new Map(), deletedMetrics: new Map(), deletedItems: new Map() };
  for (const record of records) maps[MAPS[record.kind]].set(record.id, record.value);
  return { ...head, ...maps };
}

export async function readShareState(store: Store<'shareRecords'>, head: SharedHead): Promise<SharedState> {
  return stateFrom(head, await store.getAll(treeRange(head.tree.id)));
}

export async function getSharedItem(store: Store<'shareRecords'>, treeId: Id, id: Id): Promise<SharedItem | null> {
  const record = await store.get([treeId, 'item', id]);
  return record?.kind === 'item' ? record.value : null;
}

/**
 * Makes the stored records say what `after` says, `before` being what they said (null:
 * unknown, so everything is written). Records are immutable and every change replaces
 * the record, so an unchanged one is the same object in both states and is skipped.
 */
export async function writeShareState(
  store: Store<'shareRecords', 'readwrite'>,
  before: SharedState | null,
  after: SharedState,
): Promise<void> {
  const treeId = after.tree.id;
  if (before === null) await store.delete(treeRange(treeId));
  const puts: StoredShareRecord[] = [];
  const gone: [Id, ShareRecordKind, Id][] = [];
  for (const kind of KINDS) {
    const next: ReadonlyMap<Id, unknown> = after[MAPS[kind]];
    const previous: ReadonlyMap<Id, unknown> | null = before?.[MAPS[kind]] ?? null;
    for (const [id, value] of next) {
      if (previous?.get(id) !== value) puts.push({ treeId, kind, id, value } as StoredShareRecord);
    }
    if (previous) for (const id of previous.keys()) if (!next.has(id)) gone.push([treeId, kind, id]);
  }
  await each(gone, (key) => store.delete(key));
  await each(puts, (record) => store.put(record));
}

export async function deleteShareRecords(store: Store<'shareRecords', 'readwrite'>, treeId: Id): Promise<void> {
  await store.delete(treeRange(treeId));
}
