/**
 * The shared state of one tree: what every replica holds and what the shared file carries.
 *
 * Why a hand-written map of last-writer-wins registers and not a CRDT library such as
 * Yjs: the file on the team's WebDAV server must be readable and versioned (a person can
 * open it, docs/sharing.md describes every field), and equal states must serialise to
 * identical bytes so that replicas can tell "nothing changed" by comparing text. Yjs
 * stores an opaque, history-dependent update encoding; a register per field gives both
 * properties with a merge small enough to read in one sitting (merge.ts).
 *
 * Every field of a tree, metric and item is a register: its value and the HLC stamp of
 * the change that set it (the stamp names the replica, and `people` names the person).
 * Sets (an item's page links, a metric's chart URLs) are a register per element, so two
 * people adding different links both keep theirs. Deleted records leave a tombstone.
 */
import type { Game, Id, ItemStatus, MetricRole, NsmCategory, Period } from '../types';
import type { Hlc } from './hlc';

export interface TreeFields {
  name: string;
  game: Game | null;
}

export interface MetricFields {
  role: MetricRole;
  parentId: Id | null;
  name: string;
  definition: string;
  unit: string;
  period: Period | null;
  category: NsmCategory | null;
  ownerTeam: string;
  leverage: number;
  target: number | null;
}

/** The RICE inputs are four registers, so a reach and an effort typed by two people both stay. */
export interface ItemFields {
  title: string;
  inputMetricId: Id | null;
  reach: number | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
  status: ItemStatus;
  notes: string;
}

export const TREE_FIELDS = ['name', 'game'] as const satisfies readonly (keyof TreeFields)[];
export const METRIC_FIELDS = [
  'role',
  'parentId',
  'name',
  'definition',
  'unit',
  'period',
  'category',
  'ownerTeam',
  'leverage',
  'target',
] as const satisfies readonly (keyof MetricFields)[];
export const ITEM_FIELDS = [
  'title',
  'inputMetricId',
  'reach',
  'impact',
  'confidence',
  'effort',
  'status',
  'notes',
] as const satisfies readonly (keyof ItemFields)[];

/** One element of a set: its value (an item link's URL, a chart URL) or null once removed. */
export interface SetEntry {
  readonly value: string | null;
  readonly at: Hlc;
}

export type SetRegister = ReadonlyMap<string, SetEntry>;

export interface SharedRecord<F, S extends string = never> {
  readonly id: Id;
  /** The creation's stamp: `createdAt` in the views, and what a stale replica's copy is judged by. */
  readonly created: Hlc;
  readonly fields: Readonly<F>;
  readonly stamps: { readonly [K in keyof F]: Hlc };
  readonly sets: { readonly [K in S]: SetRegister };
}

export type SharedTree = SharedRecord<TreeFields>;
export type SharedMetric = SharedRecord<MetricFields, 'sourceUrls'>;
/** `links` is keyed by linkKey (`site:key`), so one page entity is one element. */
export type SharedItem = SharedRecord<ItemFields, 'links'>;

export interface Tombstone {
  /** When the record was deleted, and by whom. */
  readonly at: Hlc;
  /**
   * The stamp of the publish that first carried the tombstone to the shared file, null
   * until then. Pruning goes by this stamp, not by `at`: a deletion made offline long ago
   * reaches the others only when it is published.
   */
  readonly published: Hlc | null;
  /** The record's name or title when it was deleted, for the note on what pointed at it. */
  readonly label: string;
}

export interface Person {
  /** The display name the person chose; `named` is the stamp of that choice. */
  readonly name: string;
  readonly named: Hlc;
  /** The stamp of this replica's last publish, null before its first. */
  readonly seen: Hlc | null;
}

export interface SharedState {
  readonly tree: SharedTree;
  readonly metrics: ReadonlyMap<Id, SharedMetric>;
  readonly items: ReadonlyMap<Id, SharedItem>;
  readonly deletedMetrics: ReadonlyMap<Id, Tombstone>;
  readonly deletedItems: ReadonlyMap<Id, Tombstone>;
  /** By replica id: one entry per browser that ever published. */
  readonly people: ReadonlyMap<string, Person>;
  /** Tombstones published at or before this stamp have been pruned (prune.ts); null if none. */
  readonly prunedThrough: Hlc | null;
}

/** Tombstones stay at least this long after they were published. */
export const TOMBSTONE_KEEP_MS = 90 * 24 * 60 * 60 * 1000;
