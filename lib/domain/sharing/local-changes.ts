/**
 * What a person changed in a shared tree since its records were last written from the
 * shared state. The views edit the ordinary records (trees, metrics, items in IndexedDB)
 * through the ordinary requests; before each sync the background compares those records
 * with the view of the replica's state and turns the differences into local changes,
 * which edits.ts stamps field by field. Derived times (createdAt, updatedAt) are not
 * compared: the stamps are the shared file's times.
 */
import { linkKey } from '../link-key';
import type { Id, Item, Metric, Tree } from '../types';
import { applyChanges, itemFields, type LocalChange, metricFields } from './edits';
import { merge } from './merge';
import type { SharedState } from './state';
import type { Replica } from './sync';
import type { SharedView } from './view';

export interface LocalRecords {
  tree: Tree | null;
  metrics: readonly Metric[];
  items: readonly Item[];
}

/**
 * The changes that make `view` say what `local` says; empty when they agree. With `only`,
 * `local` holds just those items (the others are not compared, and not taken as deleted).
 */
export function localChanges(
  view: SharedView,
  local: LocalRecords,
  only: ReadonlySet<Id> | null = null,
): LocalChange[] {
  const changes: LocalChange[] = [];
  if (local.tree && (local.tree.name !== view.tree.name || local.tree.game !== view.tree.game)) {
    changes.push({ kind: 'put-tree', tree: { name: local.tree.name, game: local.tree.game } });
  }
  const viewMetrics = new Map(view.metrics.map((metric) => [metric.id, metric]));
  const localMetricIds = new Set<Id>();
  for (const metric of local.metrics) {
    localMetricIds.add(metric.id);
    const shown = viewMetrics.get(metric.id);
    if (!shown || !sameMetric(shown, metric)) changes.push({ kind: 'put-metric', metric });
  }
  const viewItems = new Map(view.items.map((item) => [item.id, item]));
  const localItemIds = new Set<Id>();
  for (const item of local.items) {
    localItemIds.add(item.id);
    const shown = viewItems.get(item.id);
    if (!shown || !sameItem(shown, item)) changes.push({ kind: 'put-item', item });
  }
  // Items go before metrics: an item deleted with its metric keeps its own tombstone.
  for (const item of view.items) {
    if (!localItemIds.has(item.id) && (only === null || only.has(item.id))) {
      changes.push({ kind: 'delete-item', id: item.id });
    }
  }
  for (const metric of view.metrics) {
    if (!localMetricIds.has(metric.id)) changes.push({ kind: 'delete-metric', id: metric.id });
  }
  return changes;
}

/**
 * `replica` with `changes` stamped in. A change to a record the replica has meanwhile
 * learnt was deleted (someone else's deletion arrived during the sync) is dropped: delete
 * wins (docs/sharing.md), and the next write of the view removes the record here too.
 */
export function withLocalChanges(replica: Replica, changes: readonly LocalChange[], now: number): Replica {
  const { deletedItems, deletedMetrics } = replica.state;
  const applicable = changes.filter(
    (change) =>
      !(change.kind === 'put-item' && deletedItems.has(change.item.id)) &&
      !(change.kind === 'put-metric' && deletedMetrics.has(change.metric.id)),
  );
  if (applicable.length === 0) return replica;
  const result = applyChanges(replica.state, replica.clock, applicable, now);
  // The records were checked when they were stored; a refusal here is a bug, not input.
  if (!result.ok) throw new Error(`a local change could not be shared: ${result.message}`);
  return { clock: result.clock, state: result.state };
}

/**
 * `merged`, what a sync made of `base` and the file, with the changes a person made while
 * that sync was on the network. They were made on records written from `base`, which do
 * not show what the file brought, so they are stamped against `base` (a field the person
 * did not touch is no change) and then merged in. Stamped against `merged`, every field
 * of an edited record that a teammate changed meanwhile would differ, be stamped as this
 * person's, and erase the teammate's change for everyone.
 */
export function withLateChanges(merged: Replica, base: Replica, changes: readonly LocalChange[], now: number): Replica {
  if (changes.length === 0) return merged;
  // The merged clock has seen the file's stamps, so these are later than all of them.
  const stamped = withLocalChanges({ clock: merged.clock, state: base.state }, changes, now);
  return { clock: stamped.clock, state: merge(merged.state, changedSince(base.state, stamped.state)) };
}

/**
 * `after` with only the records that differ from `before` (records are immutable, so an
 * unchanged one is the same object): merging it brings the late changes and nothing else,
 * not `base`'s other records again, which the merge with the file may have replaced or
 * forgotten (safe-merge.ts).
 */
function changedSince(before: SharedState, after: SharedState): SharedState {
  return {
    ...after,
    metrics: changedEntries(before.metrics, after.metrics),
    items: changedEntries(before.items, after.items),
    deletedMetrics: changedEntries(before.deletedMetrics, after.deletedMetrics),
    deletedItems: changedEntries(before.deletedItems, after.deletedItems),
  };
}

function changedEntries<V>(before: ReadonlyMap<Id, V>, after: ReadonlyMap<Id, V>): Map<Id, V> {
  const out = new Map<Id, V>();
  for (const [id, value] of after) if (before.get(id) !== value) out.set(id, value);
  return out;
}

/** The items a list of changes names. */
export function itemsNamed(changes: readonly LocalChange[]): Id[] {
  const ids: Id[] = [];
  for (const change of changes) {
    if (change.kind === 'put-item') ids.push(change.item.id);
    else if (change.kind === 'delete-item') ids.push(change.id);
  }
  return ids;
}

function sameMetric(a: Metric, b: Metric): boolean {
  return sameFields(metricFields(a), metricFields(b)) && sameList([...a.sourceUrls], [...b.sourceUrls]);
}

function sameItem(a: Item, b: Item): boolean {
  const links = (item: Item) => item.links.map((link) => `${linkKey(link)} ${link.url}`);
  return sameFields(itemFields(a), itemFields(b)) && sameList(links(a), links(b));
}

function sameFields<F extends object>(a: F, b: F): boolean {
  return (Object.keys(a) as (keyof F)[]).every((key) => a[key] === b[key]);
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  a.sort();
  b.sort();
  return a.every((value, index) => value === b[index]);
}
