/**
 * One entry point for metric values from a file: the text of a CSV export in, series,
 * range totals and problems out. It recognises which tool wrote the file from its shape;
 * anything else is read as a plain table with a date column (one row per date) or date
 * columns (one row per series) — which is also how Mixpanel's report CSVs read.
 */
import { isBlankRow, readCsv, type CsvRow, type Delimiter } from './csv-reader';
import { checkImportText } from './file-checks';
import { readGoogleAnalytics } from './google-analytics';
import { findDateColumn, readLongTable, type TableResult } from './long-table';
import { isAmplitudeHeader, readAmplitude } from './amplitude';
import type { AnalyticsFormat, AnalyticsImport } from './metric-series';
import { isPostHogRetention, isPostHogTrends, readPostHogRetention, readPostHogTrends } from './posthog';
import { isCommentRow, splitSections, type Section } from './sections';
import { dateColumns, readWideTable } from './wide-table';

/** How far down a title block may push Amplitude's header row. */
const HEADER_SEARCH_ROWS = 20;

export function detectAnalyticsFormat(rows: readonly CsvRow[]): AnalyticsFormat {
  const first = rows.find((row) => !isBlankRow(row));
  if (!first) return 'table';
  if (isCommentRow(first)) return 'google-analytics';
  if (isPostHogTrends(first)) return 'posthog-trends';
  if (isPostHogRetention(first)) return 'posthog-retention';
  if (rows.slice(0, HEADER_SEARCH_ROWS).some(isAmplitudeHeader)) return 'amplitude';
  return 'table';
}

function failed(message: string, line = 0): AnalyticsImport {
  return { format: 'table', series: [], totals: [], problems: [{ line, column: 0, message }] };
}

/** A plain table: wide when its header holds dates, else long around its date column. */
function readPlainTables(sections: readonly Section[]): AnalyticsImport {
  const result: AnalyticsImport = { format: 'table', series: [], totals: [], problems: [] };
  for (const table of sections) {
    let part: TableResult;
    if (dateColumns(table.header).length > 0) {
      part = readWideTable(table);
    } else {
      const dateColumn = findDateColumn(table);
      if (dateColumn === -1) {
        const message = 'no column of dates was found: a table needs a date column, or dates as its column headers';
        result.problems.push({ line: table.header.line, column: 0, message });
        continue;
      }
      part = readLongTable(table, { dateColumn });
    }
    result.series.push(...part.series);
    result.totals.push(...part.totals);
    result.problems.push(...part.problems);
  }
  return result;
}

/** `sections`: the rows split into tables, when the caller has split them already. */
export function readAnalyticsRows(
  rows: readonly CsvRow[],
  delimiter: Delimiter,
  sections: readonly Section[] = splitSections(rows, delimiter),
): AnalyticsImport {
  const format = detectAnalyticsFormat(rows);
  if (format === 'google-analytics') return readGoogleAnalytics(rows, delimiter);
  if (format === 'amplitude') return readAmplitude(rows, delimiter);
  const [table] = sections;
  if (!table) return failed('The file has no table in it.');
  if (format === 'posthog-trends') return readPostHogTrends(table);
  if (format === 'posthog-retention') return readPostHogRetention(table);
  return readPlainTables(sections);
}

/** The whole file's text (File.text()) to series; a file that cannot be read says why in problems. */
export function parseAnalyticsExport(text: string): AnalyticsImport {
  const refusal = checkImportText(text);
  if (refusal) return failed(refusal.message);
  const csv = readCsv(text);
  const tables = splitSections(csv.rows, csv.delimiter);
  if (tables.length > 0 && tables.every((table) => table.rows.length === 0)) {
    return failed('The file has a header row but no data rows.', tables[0]!.header.line);
  }
  const result = readAnalyticsRows(csv.rows, csv.delimiter, tables);
  result.problems.unshift(...csv.problems);
  if (result.series.length === 0 && result.totals.length === 0 && result.problems.length === 0) {
    result.problems.push({ line: 0, column: 0, message: 'No dated values were found in the file.' });
  }
  return result;
}
