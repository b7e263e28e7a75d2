/**
 * Sources of the saved exports (see test/fixtures/import/README.md):
 * - posthog-*.csv: PostHog/posthog posthog/tasks/exports/csv_exporter.py and its tests
 *   (test_csv_exporter.py, csv_renders/retention.json), partly verbatim.
 * - ga4-*.csv, ua-*.csv: layout of Google Analytics report downloads; browserslist/browserslist-ga-export
 *   (comment lines before the table in GA4 CSV exports).
 * - amplitude-segmentation.csv: the layout issue 18 describes (no public sample found).
 */
import { describe, expect, it } from 'vitest';
import { detectAnalyticsFormat, parseAnalyticsExport } from '../../../lib/domain/import/analytics-export';
import { readCsv } from '../../../lib/domain/import/csv-reader';
import type { MetricSeries } from '../../../lib/domain/import/metric-series';
import { fixture } from './load';

function named(series: MetricSeries[], name: string, breakdown?: string): MetricSeries {
  const found = series.find((s) => s.name === name && s.breakdown === breakdown);
  if (!found)
    throw new Error(`no series ${name} / ${breakdown}: ${series.map((s) => `${s.name}/${s.breakdown}`).join(', ')}`);
  return found;
}

describe('a Google Analytics 4 export', () => {
  const result = parseAnalyticsExport(fixture('ga4-two-tables.csv'));

  it('is recognised by its comment block', () => {
    expect(result.format).toBe('google-analytics');
    expect(result.problems).toEqual([]);
  });

  it('with two tables yields both: the daily series and the totals by channel', () => {
    expect(result.series.map((s) => s.name)).toEqual(['Active users', 'New users']);
    expect(named(result.series, 'Active users').points[0]).toEqual({ date: '2023-03-01', value: 1204 });
    expect(named(result.series, 'Active users').points).toHaveLength(7);
    expect(result.totals).toEqual([
      {
        name: 'Users',
        breakdown: 'Organic Search',
        from: '2023-03-01',
        to: '2023-03-07',
        at: '2023-03-07',
        value: 4210,
      },
      { name: 'Users', breakdown: 'Direct', from: '2023-03-01', to: '2023-03-07', at: '2023-03-07', value: 2105 },
      { name: 'Users', breakdown: 'Referral', from: '2023-03-01', to: '2023-03-07', at: '2023-03-07', value: 903 },
    ]);
  });

  it('reads an empty cell as no value, not zero', () => {
    expect(named(result.series, 'New users').points[2]).toEqual({ date: '2023-03-03', value: null });
  });

  it('dates an "Nth day" table from the start date in its comment block', () => {
    const nth = parseAnalyticsExport(fixture('ga4-nth-day.csv'));
    expect(nth.problems).toEqual([]);
    const points = named(nth.series, 'Average engagement time per active user').points;
    expect(points.map((p) => p.date)).toEqual([
      '2023-03-28',
      '2023-03-29',
      '2023-03-30',
      '2023-03-31',
      '2023-04-01',
      '2023-04-02',
    ]);
    expect(points[3]!.value).toBe(70.125);
    expect(points[4]!.value).toBeNull();
  });

  it('says what is missing when an "Nth day" table has no start date above it', () => {
    const result = parseAnalyticsExport('# Report\nNth day,Users\n0000,5\n');
    expect(result.series).toEqual([]);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 0 });
    expect(result.problems[0]!.message).toMatch(/no start and end date/);
  });
});

describe('a Universal Analytics export', () => {
  const result = parseAnalyticsExport(fixture('ua-audience-overview.csv'));

  it('reads M/D/YY dates, quoted thousands and percentages', () => {
    expect(result.problems).toEqual([]);
    expect(named(result.series, 'Users').points.slice(0, 2)).toEqual([
      { date: '2023-01-01', value: 1008 },
      { date: '2023-01-02', value: 1250 },
    ]);
    expect(named(result.series, 'Bounce Rate').points[3]).toEqual({ date: '2023-01-04', value: 11.63 });
  });

  it('keeps the totals row as totals over the range, not as a day', () => {
    expect(result.totals).toEqual([
      { name: 'Users', from: '2023-01-01', to: '2023-01-05', at: '2023-01-05', value: 5824 },
      { name: 'Bounce Rate', from: '2023-01-01', to: '2023-01-05', at: '2023-01-05', value: 41.8 },
    ]);
    expect(named(result.series, 'Users').points).toHaveLength(5);
  });
});

describe('a PostHog trends export', () => {
  it('with compare-to-previous keeps the current series and leaves the previous ones out, saying why', () => {
    const result = parseAnalyticsExport(fixture('posthog-trends-compare.csv'));
    expect(result.format).toBe('posthog-trends');
    expect(result.series.map((s) => s.name)).toEqual(['Chrome', 'Firefox', 'Safari']);
    expect(named(result.series, 'Chrome').points.at(-1)).toEqual({ date: '2023-03-28', value: 3 });
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [5, 1],
      [6, 1],
      [7, 1],
    ]);
    expect(result.problems[0]!.message).toMatch(/compare to previous/);
  });

  it('with a breakdown column names each series by event and breakdown, and keeps its total', () => {
    const result = parseAnalyticsExport(fixture('posthog-trends-breakdown.csv'));
    expect(result.problems).toEqual([]);
    expect(named(result.series, '$pageview', 'Firefox').points).toEqual([
      { date: '2024-04-01', value: 40 },
      { date: '2024-04-02', value: 38 },
      { date: '2024-04-03', value: 45 },
    ]);
    expect(named(result.series, 'Weekly active teams').points[1]).toEqual({ date: '2024-04-02', value: null });
    expect(result.totals[0]).toEqual({
      name: '$pageview',
      breakdown: 'Chrome',
      from: '2024-04-01',
      to: '2024-04-03',
      at: '2024-04-03',
      value: 350,
    });
  });
});

describe('a PostHog retention export', () => {
  const result = parseAnalyticsExport(fixture('posthog-retention.csv'));

  it('yields one series per period, dated by cohort', () => {
    expect(result.format).toBe('posthog-retention');
    expect(result.problems).toEqual([]);
    expect(result.series.map((s) => s.name).slice(0, 3)).toEqual(['cohort size', 'Week 0', 'Week 1']);
    expect(named(result.series, 'Week 1').points[9]).toEqual({ date: '2022-07-03', value: 1 });
  });

  it('reads periods a cohort has not reached as no value, not zero', () => {
    const week10 = named(result.series, 'Week 10').points;
    expect(week10[0]).toEqual({ date: '2022-05-01', value: 0 });
    expect(week10.slice(1).every((p) => p.value === null)).toBe(true);
  });
});

describe('an Amplitude chart download', () => {
  it('skips the title and blank rows and reads each segment as a breakdown of the event', () => {
    const result = parseAnalyticsExport(fixture('amplitude-segmentation.csv'));
    expect(result.format).toBe('amplitude');
    expect(result.problems).toEqual([]);
    expect(named(result.series, 'Query Run', 'All Users').points).toEqual([
      { date: '2023-03-20', value: 2301 },
      { date: '2023-03-27', value: 2456 },
      { date: '2023-04-03', value: 2398 },
    ]);
    expect(named(result.series, 'Query Run', 'Paid Users').points[2]!.value).toBeNull();
  });
});

describe('a plain table', () => {
  it('with a date column (long layout) yields a series per value column', () => {
    const result = parseAnalyticsExport(fixture('table-long.csv'));
    expect(result.format).toBe('table');
    expect(named(result.series, 'Signups').points).toEqual([
      { date: '2023-03-21', value: 1234 },
      { date: '2023-03-22', value: null },
      { date: '2023-03-24', value: 1200 },
    ]);
    expect(named(result.series, 'Activation rate').points.map((p) => p.value)).toEqual([11.63, 12, 13.5, 14, 15]);
  });

  it('reports each unreadable cell with its line and column, and reads the rest', () => {
    const result = parseAnalyticsExport(fixture('table-long.csv'));
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 2],
      [5, 1],
      [7, 2],
    ]);
    expect(result.problems[0]!.message).toMatch(/formula, kept as text/);
    expect(result.problems[1]!.message).toMatch(/"2023-03-2x" is not a date/);
    expect(result.problems[2]!.message).toMatch(/"abc" is not a number/);
  });

  it('with dates as column headers (wide layout) yields a series per row', () => {
    const result = parseAnalyticsExport(fixture('table-wide.csv'));
    expect(result.problems).toEqual([]);
    expect(named(result.series, 'Messages sent').points).toEqual([
      { date: '2023-03-01', value: 12044 },
      { date: '2023-04-01', value: 13990 },
      { date: '2023-05-01', value: null },
    ]);
  });

  it('without any dates says so', () => {
    const result = parseAnalyticsExport('name,value\nfoo,1\n');
    expect(result.problems).toEqual([{ line: 1, column: 0, message: expect.stringMatching(/no column of dates/) }]);
  });
});

describe('files that hold nothing to import', () => {
  it('an empty file says it is empty', () => {
    expect(parseAnalyticsExport('').problems).toEqual([{ line: 0, column: 0, message: 'The file is empty.' }]);
  });

  it('a header-only file says it has no data rows', () => {
    expect(parseAnalyticsExport('Date,Users\r\n').problems).toEqual([
      { line: 1, column: 0, message: 'The file has a header row but no data rows.' },
    ]);
  });

  it('a binary file says it is not text', () => {
    expect(parseAnalyticsExport('\u0000\u0001\u0002ELF'.repeat(20)).problems[0]!.message).toMatch(/binary/);
  });
});

describe('detectAnalyticsFormat', () => {
  it.each([
    ['ga4-two-tables.csv', 'google-analytics'],
    ['ua-audience-overview.csv', 'google-analytics'],
    ['posthog-trends-compare.csv', 'posthog-trends'],
    ['posthog-retention.csv', 'posthog-retention'],
    ['amplitude-segmentation.csv', 'amplitude'],
    ['table-wide.csv', 'table'],
  ])('tells %s is %s', (name, format) => {
    expect(detectAnalyticsFormat(readCsv(fixture(name)).rows)).toBe(format);
  });
});
