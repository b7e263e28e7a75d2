/**
 * The shared file: reading and writing it (format in docs/sharing.md). A file comes from
 * a server and from whoever can write there, so it is checked like an import before
 * anything is applied: size, header, every field against its schema, ids unique, set
 * elements well formed, every stamp naming a listed replica. The first problem is
 * reported with the path of the field. References between records are not refused:
 * concurrent edits make them dangle legitimately, and view.ts repairs them.
 */
import * as v from 'valibot';
import { issuePath, UrlSchema } from '../schemas';
import { SITE_IDS } from '../types';
import { APP_NAME } from '../workspace-file';
import { canonicalDocument, canonicalJson } from './canonical-json';
import type { Hlc } from './hlc';
import {
  MAX_SHARED_BYTES,
  MAX_SHARED_RECORDS,
  SHARED_FORMAT_VERSION,
  SHARED_KIND,
  SHARED_PARTS_VERSION,
  type SharedBody,
  type SharedBodySchema,
  type SharedFile,
  SharedFileSchema,
} from './shared-file-schema';
import {
  describeIssue,
  fromSharedFile,
  itemDocument,
  metricDocument,
  sortedValues,
  toSharedDocument,
} from './shared-document';
import type { SharedState } from './state';

export type Refusal = { ok: false; path: string; message: string };
export type ParsedSharedFile = { ok: true; file: SharedFile } | Refusal;

/**
 * Each metric's and item's line in the file, by record: records are immutable and a merge
 * or an edit replaces only the records it changes, so writing the file after changing one
 * item of 10,000 writes one line and joins the others (docs/benchmarks.md, round 11).
 */
const recordLines = new WeakMap<object, string>();

export function lineOf<R extends object>(record: R, document: (record: R) => object): string {
  let line = recordLines.get(record);
  if (line === undefined) {
    line = canonicalJson(document(record));
    recordLines.set(record, line);
  }
  return line;
}

/** The file's text; equal states give identical text. */
export function toSharedFile(state: SharedState): string {
  const none = new Map();
  const head = toSharedDocument({ ...state, metrics: none, items: none }) as unknown as Record<string, unknown>;
  return canonicalDocument(head, {
    metrics: sortedValues(state.metrics).map((metric) => lineOf(metric, metricDocument)),
    items: sortedValues(state.items).map((item) => lineOf(item, itemDocument)),
  });
}

export function parseSharedFile(text: string): ParsedSharedFile {
  if (text.length > MAX_SHARED_BYTES) {
    return refuse('', `the shared file is larger than ${MAX_SHARED_BYTES / 1024 / 1024} MiB`);
  }
  const value = parseJson(text);
  return value === undefined ? refuse('', 'the shared file is not valid JSON') : checkSharedFile(value);
}

/** The JSON value of `text` (a byte order mark allowed), undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** A version-1 file's parsed JSON, checked. */
export function checkSharedFile(value: unknown): ParsedSharedFile {
  const header = checkHeader(value);
  if (header) return header;
  const checked = checkSharedBody(value, SharedFileSchema);
  return checked.ok ? { ok: true, file: checked.file as SharedFile } : checked;
}

/**
 * Everything but the header, against `schema` (a whole version-1 file, or a version-2 part
 * joined with its index's header): record counts, every field, then ids, sets and stamps.
 */
export function checkSharedBody(
  value: unknown,
  schema: typeof SharedFileSchema | typeof SharedBodySchema,
): { ok: true; file: SharedBody } | Refusal {
  for (const [store, max] of Object.entries(MAX_SHARED_RECORDS)) {
    const records = (value as Record<string, unknown>)[store];
    if (Array.isArray(records) && records.length > max) {
      return refuse(store, `has ${records.length} records; a shared file holds at most ${max}`);
    }
  }
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return refuse(issuePath(issue), describeIssue(issue));
  }
  return findProblem(parsed.output) ?? { ok: true, file: parsed.output };
}

/** The state a checked file describes. */
export function readSharedFile(file: SharedBody): SharedState {
  return fromSharedFile(file);
}

/** The first stamp of `file` for which `test` holds, with its path; null when none does. */
export function findStamp(file: SharedBody, test: (stamp: Hlc) => boolean): { path: string; stamp: Hlc } | null {
  const hit = (path: string, stamp: Hlc) => ({ path, stamp });
  if (test(file.tree.created)) return hit('tree.created', file.tree.created);
  for (const [key, stamp] of Object.entries(file.tree.stamps)) if (test(stamp)) return hit(`tree.stamps.${key}`, stamp);
  if (file.prunedThrough !== null && test(file.prunedThrough)) return hit('prunedThrough', file.prunedThrough);
  for (const store of ['metrics', 'items'] as const) {
    const records: readonly SharedFileRecord[] = file[store];
    for (let index = 0; index < records.length; index++) {
      const record = records[index]!;
      if (test(record.created)) return hit(`${store}[${index}].created`, record.created);
      const stamps = record.stamps as Record<string, Hlc>;
      for (const key in stamps) if (test(stamps[key]!)) return hit(`${store}[${index}].stamps.${key}`, stamps[key]!);
      const name = 'links' in record ? 'links' : 'sourceUrls';
      const entries = 'links' in record ? record.links : record.sourceUrls;
      for (let at = 0; at < entries.length; at++) {
        if (test(entries[at]!.at)) return hit(`${store}[${index}].${name}[${at}].at`, entries[at]!.at);
      }
    }
  }
  for (const store of ['deletedMetrics', 'deletedItems'] as const) {
    for (const [index, { at, published }] of file[store].entries()) {
      if (test(at)) return hit(`${store}[${index}].at`, at);
      if (published !== null && test(published)) return hit(`${store}[${index}].published`, published);
    }
  }
  for (const [index, { named, seen }] of file.people.entries()) {
    if (test(named)) return hit(`people[${index}].named`, named);
    if (seen !== null && test(seen)) return hit(`people[${index}].seen`, seen);
  }
  return null;
}

type SharedFileRecord = SharedBody['metrics'][number] | SharedBody['items'][number];

/** Version 1 (one file) or, with `version` 2, an index or a part (shared-parts.ts). */
export function checkHeader(value: unknown, version = SHARED_FORMAT_VERSION, kind = SHARED_KIND): Refusal | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('', 'this is not a North Star Lens shared file: expected a JSON object');
  }
  const { app, kind: found, formatVersion } = value as Record<string, unknown>;
  if (app !== APP_NAME) return refuse('app', `this is not a North Star Lens file: expected "${APP_NAME}"`);
  if (found !== kind) {
    return refuse('kind', `this is not a shared tree: expected "${kind}" (an export is imported, not shared)`);
  }
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > SHARED_PARTS_VERSION) {
    return refuse(
      'formatVersion',
      `the shared file was written by a newer version of North Star Lens (format ${formatVersion}); ` +
        'update the extension to keep sharing',
    );
  }
  if (formatVersion !== version) return refuse('formatVersion', `must be ${version}`);
  return null;
}

const SITE_PATTERN = new RegExp(`^(${SITE_IDS.join('|')}):.{1,500}$`, 's');
const MAX_LIVE = { links: 50, sourceUrls: 100 } as const;

function findProblem(file: SharedBody): Refusal | null {
  const live = { metrics: new Set<string>(), items: new Set<string>() };
  for (const store of ['metrics', 'items'] as const) {
    for (const [index, record] of file[store].entries()) {
      if (live[store].has(record.id)) return refuse(`${store}[${index}].id`, 'the same id appears twice');
      live[store].add(record.id);
      const name = store === 'items' ? 'links' : 'sourceUrls';
      const entries = 'links' in record ? record.links : record.sourceUrls;
      const problem = findSetProblem(name, entries);
      if (problem) return refuse(`${store}[${index}].${name}${problem.path}`, problem.message);
    }
  }
  for (const [store, other] of [
    ['deletedMetrics', live.metrics],
    ['deletedItems', live.items],
  ] as const) {
    const seen = new Set<string>();
    for (const [index, tombstone] of file[store].entries()) {
      if (seen.has(tombstone.id)) return refuse(`${store}[${index}].id`, 'the same id appears twice');
      if (other.has(tombstone.id)) return refuse(`${store}[${index}].id`, 'the record is both present and deleted');
      seen.add(tombstone.id);
    }
  }
  const replicas = new Set<string>();
  for (const [index, person] of file.people.entries()) {
    if (replicas.has(person.replica)) return refuse(`people[${index}].replica`, 'the same replica appears twice');
    replicas.add(person.replica);
    if (person.named[2] !== person.replica) return refuse(`people[${index}].named`, "must be the replica's own stamp");
    if (person.seen && person.seen[2] !== person.replica) {
      return refuse(`people[${index}].seen`, "must be the replica's own stamp");
    }
  }
  const stranger = findStamp(file, (stamp) => !replicas.has(stamp[2]));
  if (stranger) return refuse(stranger.path, `names replica "${stranger.stamp[2]}", which is not listed in people`);
  return null;
}

function findSetProblem(
  name: 'links' | 'sourceUrls',
  entries: SharedBody['items'][number]['links'],
): { path: string; message: string } | null {
  const keys = new Set<string>();
  let present = 0;
  for (const [index, entry] of entries.entries()) {
    if (keys.has(entry.key)) return { path: `[${index}].key`, message: 'the same element appears twice' };
    keys.add(entry.key);
    if (entry.value !== null) present++;
    if (name === 'links' && !SITE_PATTERN.test(entry.key)) {
      return { path: `[${index}].key`, message: 'must be a site id, ":" and the key on that site' };
    }
    if (name === 'sourceUrls' && (!v.is(UrlSchema, entry.key) || (entry.value !== null && entry.value !== entry.key))) {
      return { path: `[${index}].key`, message: 'must be the URL itself' };
    }
  }
  if (present > MAX_LIVE[name]) return { path: '', message: `at most ${MAX_LIVE[name]} can be present` };
  return null;
}

export function refuse(path: string, message: string): Refusal {
  return { ok: false, path, message };
}
