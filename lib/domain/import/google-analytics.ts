/**
 * Google Analytics report downloads (Share this report > Download file > CSV).
 *
 * GA4 writes a "#" comment block before every table (report name, "Account: ...",
 * "Property: ...", "Start date: 20230301", "End date: 20230328"), dates as YYYYMMDD
 * (or "Nth day" counted from the start date), and may put several tables in one file,
 * separated by blank lines and comment blocks. Universal Analytics wrote the range as
 * "# 20230101-20230131", dates as M/D/YY, numbers quoted with thousands separators
 * ("1,234"), percentages ("11.63%"), and a totals row with an empty date cell.
 * A table with no date column (users by channel, say) holds totals over the whole range.
 *
 * Sources: browserslist/browserslist-ga-export (index.js and README: a GA4 CSV starts
 * with comment lines before its table; UA English (United States) exports differ); the
 * comment keys and UA layout as they appear in exports, see the fixtures' headers.
 */
import type { CsvRow, Delimiter, ImportProblem } from './csv-reader';
import { addDays, readDateCell } from './cell-values';
import { findDateColumn, readLongTable } from './long-table';
import type { AnalyticsImport, DateRange, MetricSeries, RangeTotal } from './metric-series';
import { splitSections, type Section } from './sections';

/** The date range a comment block names, GA4 style (two lines) or Universal Analytics style (one). */
export function rangeFromComments(comments: readonly string[]): DateRange | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const comment of comments) {
    const ua = /^(\d{8})\s*-\s*(\d{8})$/.exec(comment);
    const uaEnd = ua ? readDateCell(ua[2]!) : null;
    if (ua && uaEnd) return { from: readDateCell(ua[1]!), to: uaEnd };
    const start = /^start date:\s*(.+)$/i.exec(comment);
    const end = /^end date:\s*(.+)$/i.exec(comment);
    if (start) from = readDateCell(start[1]!);
    if (end) to = readDateCell(end[1]!);
  }
  return to === null ? null : { from, to };
}

/** GA4's "Nth day" column counts days from the range's first day, written 0000, 0001, ... */
function nthDayReader(range: DateRange | null): ((text: string) => string | null) | null {
  if (!range?.from) return null;
  const from = range.from;
  return (text) => (/^\d{1,5}$/.test(text.trim()) ? addDays(from, Number(text)) : null);
}

function readSection(
  section: Section,
  range: DateRange | null,
): {
  series: MetricSeries[];
  totals: RangeTotal[];
  problems: ImportProblem[];
} {
  const header = section.header.cells.map((cell) => cell.trim().toLowerCase());
  const nthDay = header.indexOf('nth day');
  if (nthDay !== -1) {
    const readDate = nthDayReader(range);
    if (readDate) return readLongTable(section, { dateColumn: nthDay, readDate, range: range ?? undefined });
    return { series: [], totals: [], problems: [noRange(section.header, 'an "Nth day" table')] };
  }
  const nthOther = header.findIndex((cell) => /^nth (week|month|hour|minute)$/.test(cell));
  if (nthOther !== -1) {
    const message = `a "${section.header.cells[nthOther]}" table is not imported: download the report by Date instead`;
    return { series: [], totals: [], problems: [{ line: section.header.line, column: nthOther + 1, message }] };
  }
  const dateColumn = findDateColumn(section);
  if (dateColumn !== -1) return readLongTable(section, { dateColumn, range: range ?? undefined });
  if (!range) return { series: [], totals: [], problems: [noRange(section.header, 'a table without a date column')] };
  // No date column: every row is a total over the report's range, split by its dimensions.
  return readLongTable(section, { dateColumn: -1, range });
}

function noRange(header: CsvRow, what: string): ImportProblem {
  const message = `${what}, and no start and end date above it: nothing to date its values by`;
  return { line: header.line, column: 0, message };
}

export function readGoogleAnalytics(rows: readonly CsvRow[], delimiter: Delimiter): AnalyticsImport {
  const result: AnalyticsImport = { format: 'google-analytics', series: [], totals: [], problems: [] };
  let range: DateRange | null = null;
  for (const section of splitSections(rows, delimiter)) {
    range = rangeFromComments(section.comments) ?? range;
    const part = readSection(section, range);
    result.series.push(...part.series);
    result.totals.push(...part.totals);
    result.problems.push(...part.problems);
  }
  return result;
}
