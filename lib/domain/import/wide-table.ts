/**
 * A table with one row per series and one column per date ("wide" layout): PostHog's
 * trends ("series,21-Mar-2023,22-Mar-2023,..."), Amplitude's chart downloads, and
 * spreadsheets laid out the same way. Columns before the dates name the series; a
 * "total" column after them is a value over the whole range.
 */
import type { CsvRow, ImportProblem } from './csv-reader';
import { readDateCell, readNumberCell } from './cell-values';
import { rangeTotal, SeriesCollector, type RangeTotal } from './metric-series';
import type { Table, TableResult } from './long-table';

export interface WideTableOptions {
  /** Names a row's series from its label cells (the cells left of the first date column). */
  nameOf?: (labels: string[], row: CsvRow) => { name: string; breakdown?: string } | null;
  /** Problems for rows nameOf turned down. */
  skipped?: (row: CsvRow) => ImportProblem | null;
}

/** Columns whose header is a date, or an empty list when fewer than two are (then it is not wide). */
export function dateColumns(header: CsvRow): { column: number; date: string }[] {
  const found = header.cells
    .map((cell, column) => ({ column, date: readDateCell(cell) }))
    .filter((entry): entry is { column: number; date: string } => entry.date !== null);
  return found.length >= 2 ? found : [];
}

function defaultName(labels: string[]): { name: string; breakdown?: string } | null {
  const filled = labels.map((label) => label.trim()).filter((label) => label !== '');
  if (filled.length === 0) return null;
  const [name, ...rest] = filled as [string, ...string[]];
  return rest.length > 0 ? { name, breakdown: rest.join(' / ') } : { name };
}

const TOTAL_HEADER = /^total(?: count)?$/i;

export function readWideTable(table: Table, options: WideTableOptions = {}): TableResult {
  const dates = dateColumns(table.header);
  const problems: ImportProblem[] = [];
  if (dates.length === 0) return { series: [], totals: [], problems };
  const first = dates[0]!.column;
  const last = dates[dates.length - 1]!;
  const totalColumn = table.header.cells.findIndex(
    (cell, column) => column > last.column && TOTAL_HEADER.test(cell.trim()),
  );
  const collector = new SeriesCollector();
  const totals: RangeTotal[] = [];
  const nameOf = options.nameOf ?? defaultName;
  for (const row of table.rows) {
    const named = nameOf(row.cells.slice(0, first), row);
    if (!named) {
      const problem = options.skipped?.(row);
      if (problem) problems.push(problem);
      continue;
    }
    for (const { column, date } of dates) {
      const cell = readNumberCell(row.cells[column] ?? '');
      if (cell.kind === 'unreadable') {
        problems.push({ line: row.line, column: column + 1, message: `${cell.reason}; the cell is left out` });
        continue;
      }
      collector.add(named.name, named.breakdown, { date, value: cell.kind === 'number' ? cell.value : null });
    }
    if (totalColumn !== -1) {
      const cell = readNumberCell(row.cells[totalColumn] ?? '');
      if (cell.kind === 'number') {
        totals.push(rangeTotal(named.name, named.breakdown, { from: dates[0]!.date, to: last.date }, cell.value));
      }
    }
  }
  return { series: collector.series(), totals, problems };
}
