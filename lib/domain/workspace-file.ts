/**
 * The export file: a whole workspace as one JSON document (docs/export-format.md).
 * Reading one is the riskiest input the extension takes, so a file is accepted only
 * whole: every record matches its schema, ids are unique, and every reference points at
 * a record of the file. The first problem found is reported with the path of the field.
 */
import type * as v from 'valibot';
import { issueText } from './issue-text';
import { findLoopProblem } from './loop-integrity';
import { jsonBreak } from './workspace-file-parts';
import { APP_NAME, FORMAT_VERSION, upgradeFile } from './workspace-file-versions';
import { checkFileSchemas } from './workspace-file-schema';
import { issuePath } from './schemas';
import {
  RECORD_KINDS,
  recordId,
  type Id,
  type Metric,
  type RecordKind,
  type Workspace,
  type WorkspacePart,
} from './types';

export { APP_NAME, FORMAT_VERSION };

/**
 * Above this a file is refused before it is read: it bounds what the worker holds while
 * it checks one. A workspace at the record caps exports as about 141 MiB (90 MiB without
 * indentation); the file crosses to the worker in parts (workspace-file-parts.ts).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Upper bounds per store, checked before any record is looked at. */
export const MAX_RECORDS: Record<RecordKind, number> = {
  trees: 1_000,
  metrics: 20_000,
  observations: 500_000,
  items: 100_000,
  reviews: 10_000,
  history: 10_000,
  worksheets: 1_000,
  keyResults: 20_000,
  thresholds: 20_000,
  shipments: 100_000,
  experiments: 20_000,
  reviewNotes: 20_000,
};

export interface WorkspaceFile extends Workspace {
  formatVersion: typeof FORMAT_VERSION;
  exportedAt: string;
  app: typeof APP_NAME;
}

export type ParsedWorkspaceFile = { ok: true; workspace: Workspace } | { ok: false; path: string; message: string };

/** A broken reference inside a workspace: `index` is the record's position in its store. */
export interface IntegrityProblem {
  store: WorkspacePart;
  index: number;
  field: string;
  message: string;
}

export function toWorkspaceFile(ws: Workspace, exportedAt: Date): WorkspaceFile {
  return {
    formatVersion: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    app: APP_NAME,
    trees: ws.trees,
    metrics: ws.metrics,
    observations: ws.observations,
    items: ws.items,
    reviews: ws.reviews,
    history: ws.history,
    worksheets: ws.worksheets,
    keyResults: ws.keyResults,
    thresholds: ws.thresholds,
    shipments: ws.shipments,
    experiments: ws.experiments,
    reviewNotes: ws.reviewNotes,
    settings: ws.settings,
  };
}

/** Accepts the parsed JSON value, or the file's text. */
export function parseWorkspaceFile(raw: unknown): ParsedWorkspaceFile {
  const document = typeof raw === 'string' ? parseJsonText(raw) : { ok: true as const, value: raw };
  if (!document.ok) return document;
  let value = document.value;

  const header = checkHeader(value);
  if (header) return header;
  const upgraded = upgradeFile(value as Record<string, unknown>);
  if (!upgraded.ok) return upgraded;
  value = upgraded.value;

  const oversized = checkStoreSizes(value as Record<string, unknown>);
  if (oversized) return oversized;

  const parsed = checkFileSchemas(value as Record<string, unknown>);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return fail(issuePath(issue), describeIssue(issue));
  }
  const { formatVersion: _version, exportedAt: _at, app: _app, ...workspace } = parsed.output;

  const problem = findIntegrityProblem(workspace);
  if (problem) return fail(problemPath(problem), problem.message);
  return { ok: true, workspace };
}

export function problemPath(problem: IntegrityProblem): string {
  return problem.store === 'settings'
    ? `settings.${problem.field}`
    : `${problem.store}[${problem.index}].${problem.field}`;
}

/**
 * The first reference in `ws` that points nowhere, or across trees, or at the wrong kind
 * of metric; also duplicate ids and loops in the metric tree. The same rules the storage
 * layer enforces on each write, applied to a whole workspace at once.
 */
export function findIntegrityProblem(ws: Workspace): IntegrityProblem | null {
  for (const store of RECORD_KINDS) {
    const duplicate = findDuplicateId(ws[store]);
    if (duplicate === null) continue;
    if (store === 'thresholds') {
      return { store, index: duplicate, field: 'metricId', message: 'the metric already has thresholds' };
    }
    return { store, index: duplicate, field: 'id', message: 'the same id appears twice' };
  }
  const treeIds = new Set(ws.trees.map((t) => t.id));
  const metrics = new Map(ws.metrics.map((m) => [m.id, m]));

  for (const [index, metric] of ws.metrics.entries()) {
    if (!treeIds.has(metric.treeId)) return missing('metrics', index, 'treeId', 'tree');
    if (metric.parentId === null) continue;
    const parent = metrics.get(metric.parentId);
    if (!parent) return missing('metrics', index, 'parentId', 'metric');
    if (parent.treeId !== metric.treeId) {
      return { store: 'metrics', index, field: 'parentId', message: 'the parent metric belongs to another tree' };
    }
    if (leadsBackTo(metric.id, parent, metrics)) {
      return { store: 'metrics', index, field: 'parentId', message: 'the metric would be its own ancestor' };
    }
  }
  for (const [index, item] of ws.items.entries()) {
    if (!treeIds.has(item.treeId)) return missing('items', index, 'treeId', 'tree');
    if (item.inputMetricId === null) continue;
    const metric = metrics.get(item.inputMetricId);
    if (!metric) return missing('items', index, 'inputMetricId', 'metric');
    const wrong = wrongInputMetric(metric, item.treeId);
    if (wrong) return { store: 'items', index, field: 'inputMetricId', message: wrong };
  }
  for (const [index, observation] of ws.observations.entries()) {
    if (!metrics.has(observation.metricId)) return missing('observations', index, 'metricId', 'metric');
  }
  for (const store of ['reviews', 'history'] as const) {
    for (const [index, record] of ws[store].entries()) {
      if (!treeIds.has(record.treeId)) return missing(store, index, 'treeId', 'tree');
    }
  }
  // Only shipments and experiments point at items: without them, no map of 100,000 items.
  const itemsPointedAt = ws.shipments.length + ws.experiments.length > 0;
  const items = new Map(itemsPointedAt ? ws.items.map((i) => [i.id, i]) : []);
  const loop = findLoopProblem(ws, { treeIds, metrics, items });
  if (loop) return loop;
  const active = ws.settings.activeTreeId;
  if (active !== null && !treeIds.has(active)) return missing('settings', 0, 'activeTreeId', 'tree');
  return null;
}

/** Why `metric` cannot be the input metric of an item in `treeId`, or null when it can. */
export function wrongInputMetric(metric: Metric, treeId: Id): string | null {
  if (metric.treeId !== treeId) return 'the metric belongs to another tree';
  if (metric.role !== 'input' && metric.role !== 'team') {
    return `an item can only move an input or team metric, not a metric of role "${metric.role}"`;
  }
  return null;
}

/** True when following parents up from `start` reaches `id`: making `start` the parent of `id` would close a loop. */
export function leadsBackTo(id: Id, start: Metric, metrics: ReadonlyMap<Id, Metric>): boolean {
  const seen = new Set<Id>();
  let current: Metric | undefined = start;
  while (current) {
    if (current.id === id) return true;
    if (seen.has(current.id)) return false;
    seen.add(current.id);
    current = current.parentId === null ? undefined : metrics.get(current.parentId);
  }
  return false;
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; path: string; message: string } {
  if (text.length > MAX_IMPORT_BYTES) return fail('', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (failure) {
    return fail('', jsonBreak(json, failure));
  }
}

function checkHeader(value: unknown): { ok: false; path: string; message: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'this is not a North Star Lens export: expected a JSON object');
  }
  const { formatVersion, app } = value as Record<string, unknown>;
  if (app !== APP_NAME) return fail('app', `this is not a North Star Lens export: expected "${APP_NAME}"`);
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > FORMAT_VERSION) {
    return fail(
      'formatVersion',
      `this file was made by a newer version of North Star Lens (format ${formatVersion}); update the extension to import it`,
    );
  }
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return fail('formatVersion', `must be a format version from 1 to ${FORMAT_VERSION}`);
  }
  return null;
}

function checkStoreSizes(value: Record<string, unknown>): { ok: false; path: string; message: string } | null {
  for (const store of RECORD_KINDS) {
    const records = value[store];
    if (Array.isArray(records) && records.length > MAX_RECORDS[store]) {
      return fail(store, `has ${records.length} records; at most ${MAX_RECORDS[store]} can be imported`);
    }
  }
  return null;
}

/** Valibot's wording for the cases a hand-edited file hits most, said plainly. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object')) {
    if (issue.expected === 'never') return 'is not a known field';
    if (issue.received === 'undefined') return 'is missing';
  }
  if (issue.type === 'literal' && issue.received === 'undefined') return 'is missing';
  return issueText(issue).replace(/^Invalid type: Expected (.*) but received (.*)$/, 'must be $1, not $2');
}

function findDuplicateId(records: readonly Workspace[RecordKind][number][]): number | null {
  // An indexed loop: the iterator and its [index, record] pairs cost a third of this scan
  // over a file's 600,000 records.
  const seen = new Set<Id>();
  for (let index = 0; index < records.length; index++) {
    const id = recordId(records[index]!);
    if (seen.has(id)) return index;
    seen.add(id);
  }
  return null;
}

function missing(
  store: IntegrityProblem['store'],
  index: number,
  field: string,
  what: 'tree' | 'metric',
): IntegrityProblem {
  return { store, index, field, message: `points at a ${what} that does not exist` };
}

function fail(path: string, message: string): { ok: false; path: string; message: string } {
  return { ok: false, path, message };
}
