/**
 * PostHog insight exports (an insight's "Export to CSV").
 *
 * Trends: one row per series, "series" first, then "custom name" and "breakdown" when
 * set, one column per interval labelled 21-Mar-2023, and a "total" column. With
 * "compare to previous" every series appears twice, "<label> - current" and
 * "<label> - previous"; the previous rows are labelled with the current period's dates,
 * so their real dates are not in the file and they are left out (with a note) rather
 * than imported on the wrong days.
 *
 * Retention: "cohort,cohort size,Week 0,Week 1,..." with one row per cohort (its start
 * date-time), and empty cells for periods the cohort has not reached: no value, not zero.
 *
 * Source: PostHog/posthog, posthog/tasks/exports/csv_exporter.py (_convert_response_to_csv_data),
 * posthog/tasks/exports/test/test_csv_exporter.py and test/csv_renders/retention.json.
 */
import type { CsvRow, ImportProblem } from './csv-reader';
import { readDateCell, readNumberCell } from './cell-values';
import type { Table } from './long-table';
import { SeriesCollector, type AnalyticsImport } from './metric-series';
import { readWideTable } from './wide-table';

const CURRENT = / - current$/;
const PREVIOUS = / - previous$/;

export function isPostHogTrends(header: CsvRow): boolean {
  return (header.cells[0] ?? '').trim().toLowerCase() === 'series';
}

export function isPostHogRetention(header: CsvRow): boolean {
  const [first = '', second = ''] = header.cells.map((cell) => cell.trim().toLowerCase());
  return first === 'cohort' && second === 'cohort size';
}

export function readPostHogTrends(table: Table): AnalyticsImport {
  const labels = table.header.cells.map((cell) => cell.trim().toLowerCase());
  const customName = labels.indexOf('custom name');
  const breakdownColumn = labels.indexOf('breakdown');
  const result = readWideTable(table, {
    nameOf: (cells) => {
      const label = (cells[0] ?? '').trim();
      if (label === '' || PREVIOUS.test(label)) return null;
      const name = (customName !== -1 && cells[customName]?.trim()) || label.replace(CURRENT, '');
      const breakdown = breakdownColumn !== -1 ? cells[breakdownColumn]?.trim() : undefined;
      return breakdown ? { name, breakdown } : { name };
    },
    skipped: (row) => ({
      line: row.line,
      column: 1,
      message: PREVIOUS.test((row.cells[0] ?? '').trim())
        ? 'a "compare to previous" series is left out: the file dates it with the current period'
        : 'a row without a series name is left out',
    }),
  });
  return { format: 'posthog-trends', ...result };
}

export function readPostHogRetention(table: Table): AnalyticsImport {
  const names = table.header.cells.map((cell) => cell.trim());
  const collector = new SeriesCollector();
  const problems: ImportProblem[] = [];
  for (const row of table.rows) {
    const cohort = (row.cells[0] ?? '').trim();
    const date = readDateCell(cohort);
    if (date === null) {
      problems.push({
        line: row.line,
        column: 1,
        message: `the cohort "${cohort}" is not a date; the row is left out`,
      });
      continue;
    }
    for (let column = 1; column < names.length; column++) {
      const cell = readNumberCell(row.cells[column] ?? '');
      if (cell.kind === 'unreadable') {
        problems.push({ line: row.line, column: column + 1, message: `${cell.reason}; the cell is left out` });
        continue;
      }
      collector.add(names[column]!, undefined, { date, value: cell.kind === 'number' ? cell.value : null });
    }
  }
  return { format: 'posthog-retention', series: collector.series(), totals: [], problems };
}
