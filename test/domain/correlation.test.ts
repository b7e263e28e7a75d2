import { describe, expect, it } from 'vitest';
import {
  MIN_PAIRS,
  bucketByPeriod,
  leadLagCorrelation,
  pearson,
  periodIndex,
  periodKey,
} from '../../lib/domain/correlation';
import { PERIODS } from '../../lib/domain/types';
import { months, observation } from './builders';

describe('pearson', () => {
  it('is 1 for a perfect rising line and -1 for a falling one', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
  });

  it('matches a value computed by hand', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6 / √60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it('is undefined (null) with fewer than 2 points', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });

  it('is undefined (null) when either series is constant, even with awkward floats', () => {
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [0.1, 0.1, 0.1])).toBeNull();
  });

  it('stays within [-1, 1] for values near the largest float', () => {
    const r = pearson([1e308, -1e308, 1.5e308], [1, 2, 3]);
    expect(r).not.toBeNull();
    expect(Math.abs(r as number)).toBeLessThanOrEqual(1);
  });

  it('refuses series of different lengths', () => {
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
  });
});

describe('periodKey', () => {
  it('labels a month, a quarter, a year and a day', () => {
    expect(periodKey('2024-02-29', 'month')).toBe('2024-02');
    expect(periodKey('2024-02-29', 'quarter')).toBe('2024-Q1');
    expect(periodKey('2024-12-31', 'quarter')).toBe('2024-Q4');
    expect(periodKey('2024-07-01', 'quarter')).toBe('2024-Q3');
    expect(periodKey('2024-02-29', 'year')).toBe('2024');
    expect(periodKey('2024-02-29', 'day')).toBe('2024-02-29');
  });

  it('labels ISO weeks, including weeks that straddle a new year', () => {
    expect(periodKey('2024-01-01', 'week')).toBe('2024-W01');
    expect(periodKey('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodKey('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodKey('2026-01-01', 'week')).toBe('2026-W01');
    expect(periodKey('2027-01-01', 'week')).toBe('2026-W53');
    expect(periodKey('2024-06-16', 'week')).toBe('2024-W24');
    expect(periodKey('2024-06-17', 'week')).toBe('2024-W25');
  });

  it('rejects something that is not a real date', () => {
    expect(() => periodKey('2023-02-29', 'month')).toThrow(/YYYY-MM-DD/);
    expect(() => periodKey('15/01/2024', 'month')).toThrow(RangeError);
  });
});

describe('periodIndex', () => {
  it('counts consecutive periods one apart, across year ends', () => {
    expect(periodIndex('2025-01-10', 'month') - periodIndex('2024-12-31', 'month')).toBe(1);
    expect(periodIndex('2025-01-01', 'quarter') - periodIndex('2024-12-31', 'quarter')).toBe(1);
    expect(periodIndex('2025-06-01', 'year') - periodIndex('2024-01-01', 'year')).toBe(1);
    expect(periodIndex('2025-01-01', 'day') - periodIndex('2024-12-31', 'day')).toBe(1);
    expect(periodIndex('2024-12-30', 'week') - periodIndex('2024-12-29', 'week')).toBe(1);
  });

  it('gives every day of an ISO week the same week, Monday to Sunday', () => {
    const week = ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05'];
    expect(new Set(week.map((d) => periodIndex(d, 'week'))).size).toBe(1);
    expect(Number.isInteger(periodIndex('1969-12-29', 'week'))).toBe(true);
  });

  it('agrees with periodKey: same key, same index', () => {
    const days = Array.from({ length: 800 }, (_, i) =>
      new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    for (const period of PERIODS) {
      const keyToIndex = new Map<string, number>();
      for (const day of days) {
        const key = periodKey(day, period);
        const index = periodIndex(day, period);
        expect(keyToIndex.get(key) ?? index).toBe(index);
        keyToIndex.set(key, index);
      }
      const indexes = [...keyToIndex.values()];
      expect(new Set(indexes).size).toBe(indexes.length);
    }
  });
});

describe('bucketByPeriod', () => {
  it('averages the observations of each period, in chronological order', () => {
    const buckets = bucketByPeriod(
      [
        observation('m', '2024-03-02', 30),
        observation('m', '2024-01-10', 10),
        observation('m', '2024-01-20', 20),
        observation('m', '2023-12-31', 5),
      ],
      'month',
    );
    expect([...buckets]).toEqual([
      ['2023-12', 5],
      ['2024-01', 15],
      ['2024-03', 30],
    ]);
  });

  it('is empty without observations', () => {
    expect(bucketByPeriod([], 'week').size).toBe(0);
  });
});

describe('leadLagCorrelation', () => {
  const dates = months('2023-01', 24);
  const nsmValues = [5, 9, 2, 8, 3, 7, 1, 6, 4, 9, 2, 8, 5, 3, 7, 1, 6, 2, 9, 4, 8, 3, 6, 5];
  const nsm = dates.map((d, i) => observation('nsm', d, nsmValues[i] as number));

  /** Revenue that follows the NSM `lag` months later. */
  function revenueLagging(lag: number) {
    return dates.slice(lag).map((d, i) => observation('mrr', d, 1000 + 100 * (nsmValues[i] as number)));
  }

  it('finds the lag at which the NSM leads revenue', () => {
    const result = leadLagCorrelation(nsm, revenueLagging(2), 'month');
    expect(result.enoughData).toBe(true);
    expect(result.best).toMatchObject({ lag: 2, pairs: 22 });
    expect(result.best?.r).toBeCloseTo(1, 10);
    expect(result.message).toBe('r = 1.00 with the North Star leading by 2 months (22 paired periods)');
  });

  it('reports every lag from 0 to 6 with its pairs', () => {
    const result = leadLagCorrelation(nsm, revenueLagging(0), 'month');
    expect(result.byLag.map((l) => l.lag)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(result.byLag.map((l) => l.pairs)).toEqual([24, 23, 22, 21, 20, 19, 18]);
    expect(result.best?.lag).toBe(0);
    expect(result.message).toMatch(/in the same month \(24 paired periods\)/);
  });

  it('never lets revenue lead the NSM: a reversed relation is not found at a positive lag', () => {
    const revenueFirst = dates.slice(0, 22).map((d, i) => observation('mrr', d, nsmValues[i + 2] as number));
    const result = leadLagCorrelation(nsm, revenueFirst, 'month');
    expect(result.byLag.every((l) => l.r === null || l.r < 0.99)).toBe(true);
  });

  it('pairs real consecutive periods, not array neighbours, when months are missing', () => {
    const gappy = revenueLagging(1).filter((_, i) => i % 5 !== 3);
    const result = leadLagCorrelation(nsm, gappy, 'month');
    expect(result.best?.lag).toBe(1);
    expect(result.best?.r).toBeCloseTo(1, 10);
    expect(result.byLag[1]?.pairs).toBe(gappy.length);
  });

  it('averages several observations in the same period before pairing', () => {
    const doubled = revenueLagging(1).flatMap((o) => [
      { ...o, id: `${o.id}a`, value: o.value - 50 },
      { ...o, id: `${o.id}b`, at: o.at.replace(/15$/, '20'), value: o.value + 50 },
    ]);
    expect(leadLagCorrelation(nsm, doubled, 'month').best?.r).toBeCloseTo(1, 10);
  });

  it(`says there is not enough data under ${MIN_PAIRS} paired periods at every lag`, () => {
    const short = nsm.slice(0, 11);
    const result = leadLagCorrelation(short, revenueLagging(0).slice(0, 11), 'month');
    expect(result.enoughData).toBe(false);
    expect(result.best).toBeNull();
    expect(result.message).toBe('Not enough data: 11 paired periods, 12 needed');
    expect(result.byLag[0]?.r).not.toBeNull();
  });

  it('counts exactly 12 paired periods as enough', () => {
    const result = leadLagCorrelation(nsm.slice(0, 12), revenueLagging(0).slice(0, 12), 'month');
    expect(result.enoughData).toBe(true);
    expect(result.best).toMatchObject({ lag: 0, pairs: 12 });
  });

  it('only picks a best lag among lags with enough pairs', () => {
    // 14 months of NSM: lag 3 leaves 11 pairs, too few however well they correlate.
    const result = leadLagCorrelation(nsm.slice(0, 14), revenueLagging(3).slice(0, 11), 'month');
    expect(result.byLag[3]?.pairs).toBe(11);
    expect(result.byLag[3]?.r).toBeCloseTo(1, 10);
    expect(result.enoughData).toBe(false);
  });

  it('has no best lag when the values never vary', () => {
    const flat = dates.map((d) => observation('mrr', d, 100));
    const result = leadLagCorrelation(nsm, flat, 'month');
    expect(result.enoughData).toBe(true);
    expect(result.best).toBeNull();
    expect(result.message).toMatch(/do not vary/);
  });

  it('works by ISO week across a year end', () => {
    const mondays = Array.from({ length: 20 }, (_, i) =>
      new Date(Date.UTC(2024, 10, 4) + i * 7 * 86_400_000).toISOString().slice(0, 10),
    );
    const weeklyNsm = mondays.map((d, i) => observation('nsm', d, nsmValues[i] as number));
    const weeklyRevenue = mondays.slice(1).map((d, i) => observation('mrr', d, nsmValues[i] as number));
    const result = leadLagCorrelation(weeklyNsm, weeklyRevenue, 'week', 3);
    expect(result.byLag).toHaveLength(4);
    expect(result.best).toMatchObject({ lag: 1, pairs: 19 });
    expect(result.message).toMatch(/leading by 1 week \(/);
  });
});
