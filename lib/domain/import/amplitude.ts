/**
 * Amplitude chart downloads (a chart's "Export CSV"): a title line and blank rows, then
 * a header row whose label columns end with "Segment" and whose other columns are
 * dates; one row per segment (and per event or formula, when the chart has several).
 *
 * The layout is the one the brief for issue 18 describes; no public sample of a real
 * download was found to check it against, so the reader is deliberately lenient: any
 * label columns before the dates, any title rows before the header.
 */
import type { CsvRow, Delimiter } from './csv-reader';
import type { AnalyticsImport } from './metric-series';
import { splitSections } from './sections';
import { dateColumns, readWideTable } from './wide-table';

/** The header: a "Segment" label cell followed by date columns. */
export function isAmplitudeHeader(row: CsvRow): boolean {
  const dates = dateColumns(row);
  if (dates.length === 0) return false;
  return row.cells.slice(0, dates[0]!.column).some((cell) => cell.trim().toLowerCase() === 'segment');
}

export function readAmplitude(rows: readonly CsvRow[], delimiter: Delimiter): AnalyticsImport {
  const at = rows.findIndex(isAmplitudeHeader);
  const result: AnalyticsImport = { format: 'amplitude', series: [], totals: [], problems: [] };
  if (at === -1) return result;
  const [table] = splitSections(rows.slice(at), delimiter);
  if (!table) return result;
  const segment = table.header.cells.findIndex((cell) => cell.trim().toLowerCase() === 'segment');
  const part = readWideTable(table, {
    nameOf: (labels) => {
      const segmentName = (labels[segment] ?? '').trim();
      const other = labels.find((label, i) => i !== segment && label.trim() !== '')?.trim();
      if (other) return segmentName ? { name: other, breakdown: segmentName } : { name: other };
      return segmentName ? { name: segmentName } : null;
    },
    skipped: (row) => ({ line: row.line, column: segment + 1, message: 'a row without a segment name is left out' }),
  });
  return { ...result, ...part };
}
