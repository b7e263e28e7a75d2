import { describe, expect, it } from 'vitest';
import { parseAnalyticsExport } from '../../../lib/domain/import/analytics-export';
import { seriesOptions, valueSourceKey, valuesFor } from '../../../lib/domain/import/value-choice';
import { fixture as load } from './load';

const ga4 = parseAnalyticsExport(load('ga4-two-tables.csv'));

describe('valuesFor', () => {
  it('rolls a daily series up to the metric’s weeks, dated at each week’s Sunday', () => {
    expect(valuesFor(ga4, 'Active users', 'week', 'sum')).toEqual([
      { at: '2023-03-05', value: 6503, start: '2023-02-27', end: '2023-03-05', days: 5 },
      { at: '2023-03-12', value: 3208, start: '2023-03-06', end: '2023-03-12', days: 2 },
    ]);
    expect(valuesFor(ga4, 'Active users', 'month', 'max').map((v) => [v.at, v.value])).toEqual([['2023-03-31', 1620]]);
  });

  it('keeps each day as it is for a metric without a period, and leaves out days without a value', () => {
    const days = valuesFor(ga4, 'New users', null, 'sum');
    expect(days).toHaveLength(6);
    expect(days.some((d) => d.at === '2023-03-03')).toBe(false);
  });

  it('records a range total as one value at the range’s end', () => {
    const option = seriesOptions(ga4).find((o) => o.kind === 'total' && o.label.startsWith('Users · Organic'));
    expect(valuesFor(ga4, option!.label, 'week', 'sum')).toEqual([
      { at: '2023-03-07', value: 4210, start: '2023-03-01', end: '2023-03-07', days: 0 },
    ]);
  });
});

describe('valueSourceKey', () => {
  it('names the kind of file by its format and series, not its dates or values', () => {
    const later = parseAnalyticsExport(load('ga4-two-tables.csv').replaceAll('202303', '202304').replace('1204', '99'));
    expect(valueSourceKey(later)).toBe(valueSourceKey(ga4));
    expect(valueSourceKey(ga4)).toMatch(/^google-analytics:Active users\|/);
  });
});
