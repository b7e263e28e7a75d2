/**
 * What the views show: plain Tree, Metric and Item records derived from the shared state,
 * with references repaired. Concurrent edits can leave a reference dangling (an item
 * tagged to a metric someone else deleted), wrong (a metric turned into an output metric
 * while someone tagged an item to it) or circular (two people moving metrics under each
 * other). The shared state keeps such registers as they are, so the repair is a function
 * of the converged state and comes out the same on every replica; each repair carries a
 * sentence saying why, for the view to show beside the field.
 */
import { wrongInputMetric } from '../workspace-file';
import type { Id, Item, Metric, Tree } from '../types';
import { compareHlc, type Hlc } from './hlc';
import type { SetRegister, SharedItem, SharedMetric, SharedRecord, SharedState, Tombstone } from './state';

export interface Repair {
  store: 'metrics' | 'items';
  id: Id;
  field: 'parentId' | 'inputMetricId';
  message: string;
}

export interface SharedView {
  tree: Tree;
  /** Sorted by id, so equal states give equal views. */
  metrics: Metric[];
  items: Item[];
  repairs: Repair[];
}

/** Who made a change and when (epoch ms; a clock running ahead can put it in the future). */
export interface ChangeMark {
  by: string;
  at: number;
}

/**
 * With `only`, the view holds just those items (the tree and every metric all the same):
 * a sync that changed 1,000 items of 10,000 builds and compares those.
 */
export function sharedView(state: SharedState, only: ReadonlySet<Id> | null = null): SharedView {
  const repairs: Repair[] = [];
  const treeId = state.tree.id;
  const tree: Tree = {
    id: treeId,
    name: state.tree.fields.name,
    game: state.tree.fields.game,
    createdAt: state.tree.created[0],
    updatedAt: newestStamp(state.tree)[0],
  };
  const metrics = new Map<Id, Metric>();
  for (const record of sortedById(state.metrics)) metrics.set(record.id, toMetric(record, treeId));
  for (const metric of metrics.values()) {
    const parentId = metric.parentId;
    if (parentId === null || metrics.has(parentId)) continue;
    metric.parentId = null;
    repairs.push({ store: 'metrics', id: metric.id, field: 'parentId', message: goneText(state, parentId, 'parent') });
  }
  for (const metric of breakLoops(metrics, state.metrics)) {
    repairs.push({
      store: 'metrics',
      id: metric.id,
      field: 'parentId',
      message: 'its parent was undone: concurrent moves would have made the metric its own ancestor',
    });
  }
  const items: Item[] = [];
  for (const record of sortedById(only === null ? state.items : picked(state.items, only))) {
    const item = toItem(record, treeId);
    const metricId = item.inputMetricId;
    if (metricId !== null) {
      const metric = metrics.get(metricId);
      const problem = metric ? wrongInputMetric(metric, treeId) : goneText(state, metricId, 'input');
      if (problem !== null) {
        item.inputMetricId = null;
        repairs.push({ store: 'items', id: item.id, field: 'inputMetricId', message: `unlinked: ${problem}` });
      }
    }
    items.push(item);
  }
  return { tree, metrics: [...metrics.values()], items, repairs };
}

/**
 * The items whose view can differ between two states of a tree: those whose record was
 * replaced, added or removed (records are immutable, so an unchanged one is the same
 * object). Null when a metric changed: an item's view also depends on its metric (repairs).
 */
export function itemsAffected(before: SharedState, after: SharedState): Set<Id> | null {
  if (before.tree.id !== after.tree.id || !sameEntries(before.metrics, after.metrics)) return null;
  const ids = new Set<Id>();
  for (const [id, record] of after.items) if (before.items.get(id) !== record) ids.add(id);
  for (const id of before.items.keys()) if (!after.items.has(id)) ids.add(id);
  return ids;
}

function sameEntries<V>(a: ReadonlyMap<Id, V>, b: ReadonlyMap<Id, V>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, value] of a) if (b.get(id) !== value) return false;
  return true;
}

/** The last change of one field of a record, or of any field when `field` is left out. */
export function lastChange(
  state: SharedState,
  store: 'tree' | 'metrics' | 'items',
  id: Id,
  field?: string,
): ChangeMark | null {
  const record: SharedRecord<object, string> | undefined =
    store === 'tree' ? (state.tree.id === id ? state.tree : undefined) : state[store].get(id);
  if (!record) return null;
  const stamps = record.stamps as Record<string, Hlc>;
  const sets = record.sets as Record<string, SetRegister>;
  let stamp: Hlc | undefined;
  if (field === undefined) stamp = newestStamp(record);
  else if (sets[field]) stamp = newestInSet(sets[field], record.created);
  else stamp = stamps[field];
  return stamp ? markOf(state, stamp) : null;
}

export function markOf(state: SharedState, stamp: Hlc): ChangeMark {
  return { by: state.people.get(stamp[2])?.name || 'someone', at: stamp[0] };
}

function toMetric(record: SharedMetric, treeId: Id): Metric {
  return {
    id: record.id,
    treeId,
    ...record.fields,
    sourceUrls: presentValues(record.sets.sourceUrls).map(([url]) => url),
    updatedAt: newestStamp(record)[0],
  };
}

function toItem(record: SharedItem, treeId: Id): Item {
  const { title, inputMetricId, reach, impact, confidence, effort, status, notes } = record.fields;
  return {
    id: record.id,
    treeId,
    title,
    links: presentValues(record.sets.links).map(([key, url]) => {
      const colon = key.indexOf(':');
      return { site: key.slice(0, colon) as Item['links'][number]['site'], key: key.slice(colon + 1), url };
    }),
    inputMetricId,
    rice: { reach, impact, confidence, effort },
    status,
    notes,
    createdAt: record.created[0],
    updatedAt: newestStamp(record)[0],
  };
}

/**
 * Metrics have one parent each, so every loop is a ring; it is cut at the metric whose
 * parent was set last, the change that closed it. Returns the metrics cut loose.
 */
function breakLoops(metrics: Map<Id, Metric>, records: ReadonlyMap<Id, SharedMetric>): Metric[] {
  const cut: Metric[] = [];
  const done = new Set<Id>();
  for (const start of metrics.values()) {
    const path: Metric[] = [];
    const onPath = new Set<Id>();
    let current: Metric | undefined = start;
    while (current && !done.has(current.id) && !onPath.has(current.id)) {
      path.push(current);
      onPath.add(current.id);
      current = current.parentId === null ? undefined : metrics.get(current.parentId);
    }
    if (current && onPath.has(current.id)) {
      const ring = path.slice(path.indexOf(current));
      let latest = ring[0]!;
      for (const metric of ring) {
        const stamp = records.get(metric.id)!.stamps.parentId;
        if (compareHlc(stamp, records.get(latest.id)!.stamps.parentId) > 0) latest = metric;
      }
      latest.parentId = null;
      cut.push(latest);
    }
    for (const metric of path) done.add(metric.id);
  }
  return cut;
}

function goneText(state: SharedState, id: Id, what: 'parent' | 'input'): string {
  const tombstone: Tombstone | undefined = state.deletedMetrics.get(id);
  const noun = what === 'parent' ? 'its parent metric' : 'its metric';
  if (!tombstone) return `${noun} no longer exists`;
  const { by } = markOf(state, tombstone.at);
  const name = tombstone.label ? ` “${tombstone.label}”` : '';
  return `${noun}${name} was deleted by ${by}`;
}

function newestStamp(record: SharedRecord<object, string>): Hlc {
  let newest = record.created;
  for (const stamp of Object.values(record.stamps as Record<string, Hlc>)) {
    if (compareHlc(stamp, newest) > 0) newest = stamp;
  }
  for (const set of Object.values(record.sets as Record<string, SetRegister>)) newest = newestInSet(set, newest);
  return newest;
}

function newestInSet(set: SetRegister, floor: Hlc): Hlc {
  let newest = floor;
  for (const entry of set.values()) if (compareHlc(entry.at, newest) > 0) newest = entry.at;
  return newest;
}

function presentValues(set: SetRegister): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, entry] of set) if (entry.value !== null) out.push([key, entry.value]);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function picked<R>(records: ReadonlyMap<Id, R>, ids: ReadonlySet<Id>): R[] {
  const out: R[] = [];
  for (const id of ids) {
    const record = records.get(id);
    if (record) out.push(record);
  }
  return out;
}

function sortedById<R extends { id: Id }>(records: ReadonlyMap<Id, R> | R[]): R[] {
  return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
