/**
 * The shared state as the file's JSON document and back. The document sorts every list
 * (records and tombstones by id, set elements by key, people by replica id) so that the
 * text depends only on the state, never on the order changes arrived in.
 */
import type * as v from 'valibot';
import { issueText } from '../issue-text';
import type { Id } from '../types';
import type { Hlc } from './hlc';
import { SHARED_FORMAT_VERSION, SHARED_KIND, type SharedBody, type SharedFile } from './shared-file-schema';
import type { SetEntry, SetRegister, SharedItem, SharedMetric, SharedRecord, SharedState, Tombstone } from './state';
import { APP_NAME } from '../workspace-file';

type SetElement = { key: string; value: string | null; at: Hlc };

export function toSharedDocument(state: SharedState): SharedFile {
  const { tree } = state;
  return {
    app: APP_NAME,
    kind: SHARED_KIND,
    formatVersion: SHARED_FORMAT_VERSION,
    tree: { id: tree.id, created: tree.created, fields: tree.fields, stamps: tree.stamps },
    metrics: sortedValues(state.metrics).map(metricDocument),
    items: sortedValues(state.items).map(itemDocument),
    deletedMetrics: tombstonesDocument(state.deletedMetrics),
    deletedItems: tombstonesDocument(state.deletedItems),
    people: [...state.people]
      .sort(([a], [b]) => byText(a, b))
      .map(([replica, person]) => ({ replica, name: person.name, named: person.named, seen: person.seen })),
    prunedThrough: state.prunedThrough,
  } as SharedFile;
}

export function metricDocument(metric: SharedMetric) {
  return { ...recordDocument(metric), sourceUrls: setDocument(metric.sets.sourceUrls) };
}

export function itemDocument(item: SharedItem) {
  return { ...recordDocument(item), links: setDocument(item.sets.links) };
}

export function fromSharedFile(file: SharedBody): SharedState {
  return {
    tree: {
      id: file.tree.id,
      created: file.tree.created,
      fields: file.tree.fields,
      stamps: file.tree.stamps,
      sets: {},
    },
    metrics: new Map(
      file.metrics.map((m) => [m.id, { ...recordState(m), sets: { sourceUrls: setState(m.sourceUrls) } }]),
    ),
    items: new Map(file.items.map((i) => [i.id, { ...recordState(i), sets: { links: setState(i.links) } }])),
    deletedMetrics: tombstonesState(file.deletedMetrics),
    deletedItems: tombstonesState(file.deletedItems),
    people: new Map(file.people.map(({ replica, name, named, seen }) => [replica, { name, named, seen }])),
    prunedThrough: file.prunedThrough,
  };
}

/** Valibot's wording for the cases a hand-edited file hits most, said plainly (as for imports). */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.expected === 'never') return 'is not a known field';
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'is missing';
  return issueText(issue).replace(/^Invalid type: Expected (.*) but received (.*)$/, 'must be $1, not $2');
}

function recordDocument<F, S extends string>(record: SharedRecord<F, S>) {
  return { id: record.id, created: record.created, fields: record.fields, stamps: record.stamps };
}

function recordState<F>(record: { id: Id; created: Hlc; fields: F; stamps: { [K in keyof F]: Hlc } }) {
  return { id: record.id, created: record.created, fields: record.fields, stamps: record.stamps };
}

function setDocument(set: SetRegister): SetElement[] {
  return [...set].sort(([a], [b]) => byText(a, b)).map(([key, { value, at }]) => ({ key, value, at }));
}

function setState(elements: readonly SetElement[]): Map<string, SetEntry> {
  return new Map(elements.map(({ key, value, at }) => [key, { value, at }]));
}

export function tombstonesDocument(tombstones: ReadonlyMap<Id, Tombstone>) {
  return [...tombstones]
    .sort(([a], [b]) => byText(a, b))
    .map(([id, { at, published, label }]) => ({ id, at, published, label }));
}

function tombstonesState(elements: SharedBody['deletedItems']): Map<Id, Tombstone> {
  return new Map(elements.map(({ id, at, published, label }) => [id, { at, published, label }]));
}

export function sortedValues<R>(records: ReadonlyMap<Id, R>): R[] {
  return [...records].sort(([a], [b]) => byText(a, b)).map(([, record]) => record);
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
