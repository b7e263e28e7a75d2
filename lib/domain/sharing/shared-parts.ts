/**
 * Version 2 of the shared file (docs/sharing.md): the address a person gives holds a small
 * index (the tree's header, the people, the prune horizon and the names of the parts), and
 * every metric, item and tombstone lives in exactly one part, chosen by a stable hash of its
 * id. Publishing one tag of a 10,000-item tree writes one part of about a 32nd of the tree
 * (and the index, which carries the publisher's new `seen` stamp) instead of the whole
 * 7.7 MB file (docs/benchmarks.md, round 11). Each part is checked like an import, with its
 * index's people and header, and a record filed in the wrong part is refused: that keeps
 * every record in one place, so parts merge independently and in any order.
 */
import * as v from 'valibot';
import { APP_NAME } from '../workspace-file';
import { canonicalDocument } from './canonical-json';
import {
  MAX_SHARED_RECORDS,
  PersonSchema,
  SHARED_KIND,
  SHARED_PART_KIND,
  SHARED_PARTS_VERSION,
  type SharedBody,
  SharedBodySchema,
  SharedTreeSchema,
} from './shared-file-schema';
import { HlcSchema } from './shared-file-schema';
import { describeIssue, itemDocument, metricDocument, toSharedDocument, tombstonesDocument } from './shared-document';
import { checkHeader, checkSharedBody, checkSharedFile, lineOf, parseJson, type Refusal, refuse } from './shared-file';
import type { SharedFile } from './shared-file-schema';
import { issuePath } from '../schemas';
import type { SharedState, Tombstone } from './state';

/** About 250 KB a part for 10,000 items; fixed per file (the index says how many). */
export const PART_COUNT = 32;
export const MAX_PARTS = 256;
/** A part or an index is refused above this, before it is parsed (the whole tree's cap is MAX_SHARED_BYTES). */
export const MAX_PART_BYTES = 4 * 1024 * 1024;

const PART_NAME = /^[^/\\?#:]{1,255}\.parts\/(\d{2,3})\.json$/;

const IndexSchema = v.strictObject({
  app: v.literal(APP_NAME),
  kind: v.literal(SHARED_KIND),
  formatVersion: v.literal(SHARED_PARTS_VERSION),
  tree: SharedTreeSchema,
  people: v.array(PersonSchema),
  prunedThrough: v.nullable(HlcSchema),
  parts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.minLength(1), v.maxLength(MAX_PARTS)),
});

export type SharedIndex = v.InferOutput<typeof IndexSchema>;

/** What the address holds: a whole version-1 file, or a version-2 index. */
export type SharedRoot = { ok: true; file: SharedFile; index: null } | { ok: true; file: null; index: SharedIndex };

/** FNV-1a over the id's UTF-16 code units: the same part on every replica, in every version of the code. */
export function partOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Part `part`'s name relative to the index, whose last path segment is `base` (e.g. `acme.json`). */
export function partName(base: string, part: number, count = PART_COUNT): string {
  return `${base}.parts/${String(part).padStart(count > 100 ? 3 : 2, '0')}.json`;
}

/** The text at the share's address, version 1 or 2; `label` names the file in a refusal. */
export function parseSharedRoot(text: string, label: string): SharedRoot | Refusal {
  if (text.length > 32 * 1024 * 1024) return refuse(label, 'the shared file is larger than 32 MiB');
  const value = parseJson(text);
  if (value === undefined) return refuse(label, 'the shared file is not valid JSON');
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== SHARED_PARTS_VERSION) {
    const file = checkSharedFile(value);
    return file.ok ? { ok: true, file: file.file, index: null } : named(label, file);
  }
  if (text.length > MAX_PART_BYTES)
    return refuse(label, `the index is larger than ${MAX_PART_BYTES / 1024 / 1024} MiB`);
  const header = checkHeader(value, SHARED_PARTS_VERSION);
  if (header) return named(label, header);
  const parsed = v.safeParse(IndexSchema, value, { abortEarly: true });
  if (!parsed.success) return named(label, refuse(issuePath(parsed.issues[0]), describeIssue(parsed.issues[0])));
  const index = parsed.output;
  const body = checkSharedBody(
    { ...bodyOf(index), metrics: [], items: [], deletedMetrics: [], deletedItems: [] },
    SharedBodySchema,
  );
  if (!body.ok) return named(label, body);
  for (const [part, name] of index.parts.entries()) {
    const match = PART_NAME.exec(name);
    if (!match || Number(match[1]) !== part) {
      return named(label, refuse(`parts[${part}]`, `must be a part's name next to the index, "….parts/${part}.json"`));
    }
  }
  return { ok: true, file: null, index };
}

/** Part `part` of `index`, checked like an import with the index's header and people. */
export function parseSharedPart(
  text: string,
  index: SharedIndex,
  part: number,
): { ok: true; body: SharedBody } | Refusal {
  const label = index.parts[part] ?? `part ${part}`;
  if (text.length > MAX_PART_BYTES) return refuse(label, `the part is larger than ${MAX_PART_BYTES / 1024 / 1024} MiB`);
  const value = parseJson(text);
  if (value === undefined) return refuse(label, 'the part is not valid JSON');
  const header = checkHeader(value, SHARED_PARTS_VERSION, SHARED_PART_KIND);
  if (header) return named(label, header);
  const {
    app: _app,
    kind: _kind,
    formatVersion: _version,
    tree,
    part: at,
    of,
    ...records
  } = value as Record<string, unknown>;
  if (tree !== index.tree.id) return refuse(`${label} tree`, `must be the index's tree, "${index.tree.id}"`);
  if (at !== part) return refuse(`${label} part`, `must be ${part}`);
  if (of !== index.parts.length) return refuse(`${label} of`, `must be ${index.parts.length}`);
  for (const key of Object.keys(records)) {
    if (!RECORD_STORES.includes(key as RecordStore)) return refuse(`${label} ${key}`, 'is not a known field');
  }
  const body = checkSharedBody({ ...bodyOf(index), ...records }, SharedBodySchema);
  if (!body.ok) return named(label, body);
  for (const store of RECORD_STORES) {
    for (const [i, { id }] of body.file[store].entries()) {
      const home = partOf(id, index.parts.length);
      if (home !== part) return refuse(`${label} ${store}[${i}].id`, `belongs in part ${home}, not in this one`);
    }
  }
  return { ok: true, body: body.file };
}

/** The index's header with the records of the parts read; the same record is in one part only. */
export function combineParts(
  index: SharedIndex,
  parts: readonly SharedBody[],
): { ok: true; body: SharedBody } | Refusal {
  const body: SharedBody = { ...bodyOf(index), metrics: [], items: [], deletedMetrics: [], deletedItems: [] };
  for (const store of RECORD_STORES) {
    const all = parts.flatMap((p) => p[store] as SharedBody[typeof store][number][]);
    if (all.length > MAX_SHARED_RECORDS[store]) {
      return refuse(
        store,
        `the parts hold ${all.length} records; a shared tree holds at most ${MAX_SHARED_RECORDS[store]}`,
      );
    }
    (body as Record<RecordStore, unknown[]>)[store] = all;
  }
  return { ok: true, body };
}

export interface SharedTexts {
  readonly index: string;
  readonly parts: readonly string[];
}

/** The index and every part's text for `state`; equal states give identical texts. */
export function toSharedParts(state: SharedState, base: string, count = PART_COUNT): SharedTexts {
  const none = new Map();
  const document = toSharedDocument({ ...state, metrics: none, items: none, deletedMetrics: none, deletedItems: none });
  const parts = Array.from({ length: count }, (_, part) => partName(base, part, count));
  const index = canonicalDocument({
    app: APP_NAME,
    kind: SHARED_KIND,
    formatVersion: SHARED_PARTS_VERSION,
    tree: document.tree,
    people: document.people,
    prunedThrough: document.prunedThrough,
    parts,
  });
  return { index, parts: bucketsOf(state, count).map((bucket, part) => partText(state.tree.id, part, count, bucket)) };
}

type RecordStore = 'metrics' | 'items' | 'deletedMetrics' | 'deletedItems';
const RECORD_STORES: readonly RecordStore[] = ['metrics', 'items', 'deletedMetrics', 'deletedItems'];

type Bucket = { [K in RecordStore]: [string, object][] };

function bucketsOf(state: SharedState, count: number): Bucket[] {
  const buckets: Bucket[] = Array.from({ length: count }, () => ({
    metrics: [],
    items: [],
    deletedMetrics: [],
    deletedItems: [],
  }));
  for (const store of RECORD_STORES) {
    for (const entry of state[store] as ReadonlyMap<string, object>)
      buckets[partOf(entry[0], count)]![store].push(entry);
  }
  for (const bucket of buckets) for (const store of RECORD_STORES) bucket[store].sort(([a], [b]) => (a < b ? -1 : 1));
  return buckets;
}

/**
 * Each part's text, kept with the records it was written from: records are immutable and a
 * merge or an edit replaces only those it changes, so after one tag 31 of 32 parts are the
 * same records and their texts are reused, not joined again.
 */
const partTexts = new Map<string, { bucket: Bucket; text: string }>();

function partText(treeId: string, part: number, count: number, bucket: Bucket): string {
  const key = `${count}/${part}/${treeId}`;
  const kept = partTexts.get(key);
  if (kept && RECORD_STORES.every((store) => sameRecords(kept.bucket[store], bucket[store]))) return kept.text;
  const text = canonicalDocument(
    {
      app: APP_NAME,
      kind: SHARED_PART_KIND,
      formatVersion: SHARED_PARTS_VERSION,
      tree: treeId,
      part,
      of: count,
      metrics: [],
      items: [],
      deletedMetrics: tombstonesDocument(new Map(bucket.deletedMetrics as [string, Tombstone][])),
      deletedItems: tombstonesDocument(new Map(bucket.deletedItems as [string, Tombstone][])),
    },
    {
      metrics: bucket.metrics.map(([, metric]) => lineOf(metric as never, metricDocument)),
      items: bucket.items.map(([, item]) => lineOf(item as never, itemDocument)),
    },
  );
  partTexts.set(key, { bucket, text });
  return text;
}

function sameRecords(a: readonly [string, object][], b: readonly [string, object][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![1] !== b[i]![1]) return false;
  return true;
}

function bodyOf(index: SharedIndex) {
  return { tree: index.tree, people: index.people, prunedThrough: index.prunedThrough };
}

function named(label: string, refusal: Refusal): Refusal {
  return refuse(refusal.path ? `${label} ${refusal.path}` : label, refusal.message);
}
