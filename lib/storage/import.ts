/**
 * Importing a workspace file. The file is validated whole before anything is touched,
 * then applied in one transaction over every store: a bad file, or a failure half way,
 * changes nothing.
 *
 * - replace: the workspace becomes exactly the file (settings included).
 * - merge: each record of the file is written over the stored record with the same id
 *   (the file wins, whatever the dates); stored records the file lacks stay. The local
 *   settings stay too, except that the file's active tree is used when none is active.
 */
import { RECORD_KINDS, recordId, type ImportSummary, type RecordKind, type Workspace } from '../domain/types';
import { findIntegrityProblem, parseWorkspaceFile, problemPath } from '../domain/workspace-file';
import { invalid } from './errors';
import { everyChunk, touchedChunks } from './import-writes';
import { DB_STORES, SETTINGS_KEY, type DbStoreName, type LensDb } from './schema';
import { each, read, write } from './transaction';
import { readWorkspace } from './workspace';

export type ImportMode = 'replace' | 'merge';

/** What importing would add, change and remove, without changing anything. */
export async function previewImport(db: LensDb, raw: unknown, mode: ImportMode): Promise<ImportSummary> {
  const incoming = checkWorkspaceFile(raw);
  return read(db, [...DB_STORES], async (tx) => plan(await readWorkspace(tx), incoming, mode).summary);
}

/** What a file would do merged and replacing, from one read: the dashboard shows both before asking. */
export async function previewCheckedImport(db: LensDb, incoming: Workspace): Promise<ImportPreview> {
  return read(db, [...DB_STORES], async (tx) => {
    const current = await readWorkspace(tx);
    return { merge: plan(current, incoming, 'merge').summary, replace: plan(current, incoming, 'replace').summary };
  });
}

export interface ImportPreview {
  merge: ImportSummary;
  replace: ImportSummary;
}

export async function importWorkspace(db: LensDb, raw: unknown, mode: ImportMode): Promise<ImportSummary> {
  const incoming = checkWorkspaceFile(raw);
  return importCheckedWorkspace(db, incoming, mode);
}

/** `incoming` as `checkWorkspaceFile` answered it: planned again against what is stored when the write starts. */
export async function importCheckedWorkspace(
  db: LensDb,
  incoming: Workspace,
  mode: ImportMode,
): Promise<ImportSummary> {
  return write(db, [...DB_STORES], async (tx) => {
    const current = await readWorkspace(tx);
    const { result, summary } = plan(current, incoming, mode);
    await each(storesToClear(current, mode), (name) => tx.objectStore(name).clear());
    const chunks = mode === 'replace' ? everyChunk(result) : touchedChunks(current, incoming, result);
    const observationStore = tx.objectStore('observationChunks');
    await Promise.all([
      each(incoming.trees, (r) => tx.objectStore('trees').put(r)),
      each(incoming.metrics, (r) => tx.objectStore('metrics').put(r)),
      each(chunks.emptiedObservationChunks, (key) => observationStore.delete(key)),
      each(chunks.observations, (r) => observationStore.put(r)),
      each(chunks.items, (r) => tx.objectStore('itemChunks').put(r)),
      each(incoming.reviews, (r) => tx.objectStore('reviews').put(r)),
      each(incoming.history, (r) => tx.objectStore('history').put(r)),
      each(incoming.worksheets, (r) => tx.objectStore('worksheets').put(r)),
      each(incoming.keyResults, (r) => tx.objectStore('keyResults').put(r)),
      each(incoming.thresholds, (r) => tx.objectStore('thresholds').put(r)),
      each(incoming.shipments, (r) => tx.objectStore('shipments').put(r)),
      each(incoming.experiments, (r) => tx.objectStore('experiments').put(r)),
      each(incoming.reviewNotes, (r) => tx.objectStore('reviewNotes').put(r)),
    ]);
    await tx.objectStore('settings').put(result.settings, SETTINGS_KEY);
    return summary;
  });
}

const DB_STORE_OF: Record<RecordKind, DbStoreName> = {
  trees: 'trees',
  metrics: 'metrics',
  observations: 'observationChunks',
  items: 'itemChunks',
  reviews: 'reviews',
  history: 'history',
  worksheets: 'worksheets',
  keyResults: 'keyResults',
  thresholds: 'thresholds',
  shipments: 'shipments',
  experiments: 'experiments',
  reviewNotes: 'reviewNotes',
};

/**
 * Rankings derive from the items and metrics being replaced: rebuilt when next read.
 * A merge clears nothing else: it writes the chunks its records touch over the stored
 * ones (import-writes.ts). A store the transaction has just read as empty is not
 * cleared: Chromium took about 200 ms to clear the six empty ones of a cleared workspace.
 */
function storesToClear(current: Workspace, mode: ImportMode): DbStoreName[] {
  const holding = (stores: readonly RecordKind[]) =>
    stores.filter((store) => current[store].length > 0).map((store) => DB_STORE_OF[store]);
  return mode === 'replace' ? ['settings', 'rankings', ...holding(RECORD_KINDS)] : ['rankings'];
}

/** The file checked whole (schemas, caps, references), or the refusal naming the first bad field. */
export function checkWorkspaceFile(raw: unknown): Workspace {
  const parsed = parseWorkspaceFile(raw);
  if (!parsed.ok) throw invalid(parsed.path, parsed.message);
  return parsed.workspace;
}

interface Plan {
  result: Workspace;
  summary: ImportSummary;
}

/** The workspace after the import, checked for integrity, and how it differs from now. */
function plan(current: Workspace, incoming: Workspace, mode: ImportMode): Plan {
  const result = mode === 'replace' ? incoming : merge(current, incoming);
  if (mode === 'merge') checkMerged(result, incoming);
  return { result, summary: summarise(current, result) };
}

/** The file's records come first, so a problem's index within them is its index in the file. */
function merge(current: Workspace, incoming: Workspace): Workspace {
  const pick = <R extends Workspace[RecordKind][number]>(fromFile: R[], stored: R[]): R[] => {
    const ids = new Set(fromFile.map(recordId));
    return [...fromFile, ...stored.filter((r) => !ids.has(recordId(r)))];
  };
  return {
    trees: pick(incoming.trees, current.trees),
    metrics: pick(incoming.metrics, current.metrics),
    observations: pick(incoming.observations, current.observations),
    items: pick(incoming.items, current.items),
    reviews: pick(incoming.reviews, current.reviews),
    history: pick(incoming.history, current.history),
    worksheets: pick(incoming.worksheets, current.worksheets),
    keyResults: pick(incoming.keyResults, current.keyResults),
    thresholds: pick(incoming.thresholds, current.thresholds),
    shipments: pick(incoming.shipments, current.shipments),
    experiments: pick(incoming.experiments, current.experiments),
    reviewNotes: pick(incoming.reviewNotes, current.reviewNotes),
    settings: { ...current.settings, activeTreeId: current.settings.activeTreeId ?? incoming.settings.activeTreeId },
  };
}

function checkMerged(result: Workspace, incoming: Workspace): void {
  const problem = findIntegrityProblem(result);
  if (!problem) return;
  if (problem.store === 'settings' || problem.index < incoming[problem.store].length) {
    throw invalid(problemPath(problem), problem.message);
  }
  const record = result[problem.store][problem.index];
  throw invalid(
    '',
    `merging would break data already stored: ${problem.store} "${record ? recordId(record) : ''}" ${problem.field} ${problem.message}. Nothing was imported.`,
  );
}

function summarise(before: Workspace, after: Workspace): ImportSummary {
  const summary: ImportSummary = { added: counts(), updated: counts(), removed: counts() };
  for (const store of RECORD_KINDS) {
    // Into an empty store (an import into a new browser) everything is added: no ids to match.
    if (before[store].length === 0) {
      summary.added[store] = after[store].length;
      continue;
    }
    const old = new Map<string, unknown>(before[store].map((r) => [recordId(r), r]));
    const kept = new Set<string>();
    for (const record of after[store]) {
      kept.add(recordId(record));
      const previous = old.get(recordId(record));
      if (previous === undefined) summary.added[store] += 1;
      else if (!sameContent(previous, record)) summary.updated[store] += 1;
    }
    summary.removed[store] = before[store].filter((r) => !kept.has(recordId(r))).length;
  }
  return summary;
}

function counts(): Record<RecordKind, number> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
}

/**
 * Equal as JSON would say, whatever the key order: records that differ only in key order
 * are the same record. Compared in place rather than by writing both out as sorted JSON,
 * which took most of an import's time with 10,000 stored items.
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, index) => sameContent(value, other[index]));
  }
  const left = definedEntries(a as Record<string, unknown>);
  const right = b as Record<string, unknown>;
  if (left.length !== definedEntries(right).length) return false;
  return left.every(([key, value]) => Object.hasOwn(right, key) && sameContent(value, right[key]));
}

/** JSON leaves out undefined fields, so they do not count. */
function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}
