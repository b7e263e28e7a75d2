/**
 * A table with one row per date ("long" layout): a date column, value columns, and
 * perhaps dimension columns whose values split each value column into breakdowns.
 * GA4's "Date,Users", Universal Analytics' "Day Index,Users", a hand-made
 * "date,signups,activations" and Mixpanel's "Date,Event,Value" all read this way.
 */
import type { CsvRow, ImportProblem } from './csv-reader';
import { readDateCell, readNumberCell } from './cell-values';
import { rangeTotal, SeriesCollector, type DateRange, type MetricSeries, type RangeTotal } from './metric-series';

export interface Table {
  header: CsvRow;
  rows: CsvRow[];
}

export interface LongTableOptions {
  dateColumn: number;
  /** How the date cell is read; GA4's "Nth day" counts days from the range's start. */
  readDate?: (text: string) => string | null;
  /** The report's date range, for rows that total it. */
  range?: DateRange;
}

export interface TableResult {
  series: MetricSeries[];
  totals: RangeTotal[];
  problems: ImportProblem[];
}

const TOTAL_LABEL = /^(?:grand )?totals?$/i;

/** Value columns hold numbers in most filled cells; the others (channel, country, event) are dimensions. */
function valueColumns(table: Table, dateColumn: number): boolean[] {
  // A sample decides: a column of a 100,000-row file does not change its nature at row 50,000.
  const sample = table.rows.slice(0, 1000);
  return table.header.cells.map((_, column) => {
    if (column === dateColumn) return false;
    let numbers = 0;
    let filled = 0;
    for (const row of sample) {
      const cell = row.cells[column] ?? '';
      if (cell.trim() === '') continue;
      filled++;
      if (readNumberCell(cell).kind === 'number') numbers++;
    }
    return filled === 0 || numbers * 2 >= filled;
  });
}

export function readLongTable(table: Table, options: LongTableOptions): TableResult {
  const { dateColumn, range } = options;
  const readDate = options.readDate ?? readDateCell;
  const isValue = valueColumns(table, dateColumn);
  const names = table.header.cells.map((cell) => cell.trim());
  const dimensions = names.map((_, i) => i).filter((i) => i !== dateColumn && !isValue[i]);
  const collector = new SeriesCollector();
  const totals: RangeTotal[] = [];
  const problems: ImportProblem[] = [];
  for (const row of table.rows) {
    const dateText = (row.cells[dateColumn] ?? '').trim();
    const labels = dimensions.map((i) => (row.cells[i] ?? '').trim());
    const breakdown = labels.filter((t) => t !== '' && !TOTAL_LABEL.test(t)).join(' / ');
    const isTotalRow = dateText === '' || TOTAL_LABEL.test(dateText) || labels.some((t) => TOTAL_LABEL.test(t));
    const date = isTotalRow ? null : readDate(dateText);
    if (!isTotalRow && date === null) {
      const message = `"${dateText}" is not a date this import can read`;
      problems.push({ line: row.line, column: dateColumn + 1, message });
      continue;
    }
    if (isTotalRow && !range) {
      const message = 'a row without a date, and the file names no date range it could total';
      problems.push({ line: row.line, column: dateColumn + 1, message });
      continue;
    }
    names.forEach((name, column) => {
      if (!isValue[column]) return;
      const cell = readNumberCell(row.cells[column] ?? '');
      if (cell.kind === 'unreadable') {
        problems.push({ line: row.line, column: column + 1, message: `${cell.reason}; the cell is left out` });
      } else if (date !== null) {
        collector.add(name, breakdown || undefined, { date, value: cell.kind === 'number' ? cell.value : null });
      } else if (cell.kind === 'number' && range) {
        totals.push(rangeTotal(name, breakdown || undefined, range, cell.value));
      }
    });
  }
  return { series: collector.series(), totals, problems };
}

/**
 * The column that holds dates: named like one, or else the first whose filled cells read
 * as dates. Most, not all: one mistyped date must not hide the column (it is reported).
 */
export function findDateColumn(table: Table): number {
  const sample = table.rows.slice(0, 200);
  const mostlyDates = (column: number) => {
    const filled = sample
      .map((row) => (row.cells[column] ?? '').trim())
      .filter((t) => t !== '' && !TOTAL_LABEL.test(t));
    const dates = filled.filter((t) => readDateCell(t) !== null).length;
    return dates > 0 && dates * 5 >= filled.length * 4;
  };
  const named = table.header.cells.findIndex(
    (name, column) => /^(date|day|week|month|time|period|day index)\b/i.test(name.trim()) && mostlyDates(column),
  );
  return named !== -1 ? named : table.header.cells.findIndex((_, column) => mostlyDates(column));
}
