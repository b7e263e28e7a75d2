import { describe, expect, it } from 'vitest';
import { periodBounds, rollUp } from '../../../lib/domain/import/roll-up';
import type { SeriesPoint } from '../../../lib/domain/import/metric-series';

/** Monday 2023-03-20 to Sunday 2023-04-02, values 1..14, with Tuesday 2023-03-28 empty. */
const days: SeriesPoint[] = Array.from({ length: 14 }, (_, i) => ({
  date: new Date(Date.UTC(2023, 2, 20 + i)).toISOString().slice(0, 10),
  value: i === 8 ? null : i + 1,
}));

describe('periodBounds', () => {
  it.each([
    ['2023-03-22', 'week', '2023-03-20', '2023-03-26'],
    ['2023-03-26', 'week', '2023-03-20', '2023-03-26'],
    ['2023-01-01', 'week', '2022-12-26', '2023-01-01'],
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'],
    ['2023-11-30', 'quarter', '2023-10-01', '2023-12-31'],
    ['2023-05-15', 'quarter', '2023-04-01', '2023-06-30'],
    ['2023-07-04', 'year', '2023-01-01', '2023-12-31'],
    ['2023-07-04', 'day', '2023-07-04', '2023-07-04'],
  ] as const)('puts %s in the %s from %s to %s', (date, period, start, end) => {
    expect(periodBounds(date, period)).toEqual({ start, end });
  });
});

describe('rollUp', () => {
  it("sums daily points into ISO weeks, with each week's first and last day", () => {
    expect(rollUp(days, 'week', 'sum')).toEqual([
      { start: '2023-03-20', end: '2023-03-26', value: 28, days: 7 },
      { start: '2023-03-27', end: '2023-04-02', value: 8 + 10 + 11 + 12 + 13 + 14, days: 6 },
    ]);
  });

  it('averages over the days that have a value, not over empty ones', () => {
    expect(rollUp(days, 'week', 'mean')[1]!.value).toBe((8 + 10 + 11 + 12 + 13 + 14) / 6);
  });

  it('takes the latest day\'s value for "last" and the largest for "max", whatever the order given', () => {
    const shuffled = [...days].reverse();
    expect(rollUp(shuffled, 'month', 'last')).toEqual([
      { start: '2023-03-01', end: '2023-03-31', value: 12, days: 11 },
      { start: '2023-04-01', end: '2023-04-30', value: 14, days: 2 },
    ]);
    expect(rollUp(shuffled, 'quarter', 'max').map((p) => [p.start, p.value])).toEqual([
      ['2023-01-01', 12],
      ['2023-04-01', 14],
    ]);
  });

  it('gives a period with no values no value, not zero', () => {
    expect(rollUp([{ date: '2023-03-28', value: null }], 'week', 'sum')).toEqual([
      { start: '2023-03-27', end: '2023-04-02', value: null, days: 0 },
    ]);
  });
});
