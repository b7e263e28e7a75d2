/**
 * From a parsed tracker export to the rows the import sends: each ticket's labels turned
 * into an input metric through the label table (whose default comes from metricForLabels),
 * and the RICE estimates read from the columns the person picked, story points converted
 * to person-months at the rate they set. Rows left out, and values not taken, say why.
 */
import { parseNumberText } from '../number-text';
import { riceScore } from '../rice';
import type { Id, ItemStatus, Metric } from '../types';
import type { ImportProblem } from './csv-reader';
import type { ItemMapping, RiceColumnField } from './import-mappings';
import type { ImportedItemRow } from './item-plan';
import { itemStatusFrom } from './item-status';
import { metricForLabels } from './label-metrics';
import type { TrackerImport } from './tracker-rows';
import { linkKey } from '../link-key';

/** Every label of the file (lower case, first spelling kept) with the metric it maps to. */
export interface LabelChoice {
  label: string;
  metricId: Id | null;
  /** How many rows carry it. */
  rows: number;
}

export function labelChoices(parsed: TrackerImport, metrics: readonly Metric[], remembered: ItemMapping | undefined) {
  const taggable = new Set(metrics.filter((m) => m.role === 'input' || m.role === 'team').map((m) => m.id));
  const found = new Map<string, LabelChoice>();
  for (const row of parsed.rows) {
    for (const label of new Set(row.labels.map((l) => l.toLowerCase()))) {
      const known = found.get(label);
      if (known) {
        known.rows += 1;
        continue;
      }
      const kept = remembered?.labels[label];
      const guess = metricForLabels([label], metrics);
      const metricId =
        kept !== undefined && (kept === null || taggable.has(kept))
          ? kept
          : guess.kind === 'one'
            ? guess.metricId
            : null;
      found.set(label, { label, metricId, rows: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label));
}

/** Every status name of the file (first spelling kept) with the status it becomes. */
export interface StatusChoice {
  /** The name as the mapping keys it: lower case, trimmed. */
  key: string;
  /** As the file first spells it. */
  name: string;
  status: ItemStatus;
  rows: number;
  /** False when the import did not know the name and read it as an idea until someone maps it. */
  recognised: boolean;
}

function statusKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The status table: each name's default is what the import read it as (its first row's
 * status), a remembered choice wins over it. Rows without a status name keep their reading.
 */
export function statusChoices(parsed: TrackerImport, remembered: ItemMapping | undefined): StatusChoice[] {
  const found = new Map<string, StatusChoice>();
  for (const row of parsed.rows) {
    const key = statusKey(row.statusText);
    if (key === '') continue;
    const known = found.get(key);
    if (known) {
      known.rows += 1;
      continue;
    }
    const recognised = row.status !== 'idea' || itemStatusFrom(row.statusText) !== null;
    const status = remembered?.statuses?.[key] ?? row.status;
    found.set(key, { key, name: row.statusText.trim(), status, rows: 1, recognised });
  }
  return [...found.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key));
}

/** The fields the file's rows carry, for the RICE column pickers. */
export function fieldNames(parsed: TrackerImport): string[] {
  const names = new Set<string>();
  for (const row of parsed.rows) for (const name of Object.keys(row.fields)) names.add(name);
  return [...names].sort();
}

/** Why a typed conversion rate cannot be used, or null when it can. */
export function pointsRateProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const value = parseNumberText(text);
  if (value === null) return 'Type how many story points one person does in a month, e.g. 8';
  if (value <= 0) return 'Story points per person-month must be more than 0';
  return null;
}

function riceValue(field: RiceColumnField, text: string, pointsPerMonth: number | null): number | string | null {
  if (text.trim() === '') return null;
  let value = parseNumberText(text);
  if (value === null) return `"${text.slice(0, 40)}" is not a number`;
  if (field === 'confidence' && (text.includes('%') || value > 1)) value /= 100;
  if (field === 'effort' && pointsPerMonth !== null) value /= pointsPerMonth;
  const probe = riceScore({ reach: 1, impact: 1, confidence: 1, effort: 1, [field]: value });
  return probe.ok ? value : probe.message;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface MappedRows {
  rows: ImportedItemRow[];
  /** Rows left out, with the reason: the parser's refusals and tickets named twice. */
  skipped: SkippedRow[];
  /** Rows imported without some value, with the reason. */
  notes: ImportProblem[];
}

/** The parsers end the message of a row they drop with "left out"; a problem with line 0 is the whole file. */
function dropsRow(problem: ImportProblem): boolean {
  return problem.line === 0 || /left out$/.test(problem.message);
}

export function mapTrackerRows(parsed: TrackerImport, mapping: ItemMapping): MappedRows {
  const skipped: SkippedRow[] = parsed.problems.filter(dropsRow).map((p) => ({ line: p.line, reason: p.message }));
  const notes: ImportProblem[] = parsed.problems.filter((p) => !dropsRow(p));
  const seen = new Map<string, number>();
  const rows: ImportedItemRow[] = [];
  for (const row of parsed.rows) {
    const key = linkKey(row.link);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      skipped.push({ line: row.line, reason: `the same ticket as line ${earlier}; only the first is imported` });
      continue;
    }
    seen.set(key, row.line);
    const metricIds = new Set(
      row.labels.flatMap((label) => {
        const id = mapping.labels[label.toLowerCase()];
        return id ? [id] : [];
      }),
    );
    if (metricIds.size > 1) {
      notes.push({ line: row.line, column: 0, message: 'its labels name different metrics; imported unlinked' });
    }
    const rice: ImportedItemRow['rice'] = {};
    for (const [field, name] of Object.entries(mapping.rice) as [RiceColumnField, string][]) {
      const value = riceValue(field, row.fields[name] ?? '', mapping.pointsPerMonth);
      if (typeof value === 'number') rice[field] = value;
      else if (typeof value === 'string') notes.push({ line: row.line, column: 0, message: `${name}: ${value}` });
    }
    rows.push({
      link: row.link,
      title: (row.title || row.link.key).slice(0, 500),
      status: mapping.statuses?.[statusKey(row.statusText)] ?? row.status,
      inputMetricId: metricIds.size === 1 ? [...metricIds][0]! : null,
      rice,
    });
  }
  skipped.sort((a, b) => a.line - b.line);
  return { rows, skipped, notes };
}
