/**
 * The neutral shape every tracker export becomes: one row per ticket with its canonical
 * link (built by the site's own adapter, so it matches what the panel and badges see),
 * title, status, labels and the extra fields RICE may be read from.
 */
import type { EntityLink, ItemStatus } from '../types';
import { isBlankRow, readCsv, type CsvRow, type ImportProblem } from './csv-reader';
import { checkImportText } from './file-checks';

export interface TrackerRow {
  /** Line (CSV) or position (JSON, 1-based) the ticket came from. */
  line: number;
  link: EntityLink;
  title: string;
  status: ItemStatus;
  /** The tracker's own status name, kept so the preview can show what was mapped. */
  statusText: string;
  labels: string[];
  /** Estimates and custom fields by the name the tracker gives them ("Story Points", "Reach"). */
  fields: Record<string, string>;
}

export type TrackerSource = 'jira' | 'linear' | 'github-issues' | 'github-project' | 'asana' | 'trello';

export interface TrackerImport {
  source: TrackerSource;
  rows: TrackerRow[];
  problems: ImportProblem[];
}

export function failedImport(source: TrackerSource, message: string, line = 0): TrackerImport {
  return { source, rows: [], problems: [{ line, column: 0, message }] };
}

export interface TrackerTable {
  header: string[];
  rows: CsvRow[];
  problems: ImportProblem[];
}

/** The text of a CSV export as its header and data rows, or the reason it holds none. */
export function readTrackerTable(text: string): TrackerTable | { refusal: ImportProblem } {
  const refusal = checkImportText(text);
  if (refusal) return { refusal: { line: 0, column: 0, message: refusal.message } };
  const csv = readCsv(text);
  const rows = csv.rows.filter((row) => !isBlankRow(row));
  const [header, ...data] = rows;
  if (!header) return { refusal: { line: 0, column: 0, message: 'The file is empty.' } };
  if (data.length === 0) {
    return { refusal: { line: header.line, column: 0, message: 'The file has a header row but no data rows.' } };
  }
  return { header: header.cells.map((cell) => cell.trim()), rows: data, problems: csv.problems };
}

/** Every column with this name, case-insensitively: Jira repeats "Labels" and "Sprint" once per value. */
export function columnsNamed(header: readonly string[], name: string): number[] {
  const wanted = name.toLowerCase();
  return header.flatMap((cell, i) => (cell.toLowerCase() === wanted ? [i] : []));
}

export function cell(row: CsvRow, column: number | undefined): string {
  return column === undefined || column < 0 ? '' : (row.cells[column] ?? '').trim();
}

/** The first column of any of these names, or -1. */
export function column(header: readonly string[], ...names: string[]): number {
  for (const name of names) {
    const [found] = columnsNamed(header, name);
    if (found !== undefined) return found;
  }
  return -1;
}

/** "a, b,c" as ["a", "b", "c"], empty parts dropped. */
export function splitList(text: string, separator: string | RegExp = ','): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A URL the adapter can read, or null when the text is not one (never throws). */
export function urlOf(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
