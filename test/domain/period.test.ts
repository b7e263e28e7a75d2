import { describe, expect, it } from 'vitest';
import { periodIndex } from '../../lib/domain/correlation';
import {
  addDays,
  periodAround,
  periodLabel,
  periodEnd,
  periodKeyOf,
  periodSeries,
  periodStart,
  quarterBounds,
  quarterOf,
  shortDate,
} from '../../lib/domain/period';
import { PERIODS } from '../../lib/domain/types';
import { observation } from './builders';

describe('periodSeries', () => {
  it('averages each period and keeps a missing week missing', () => {
    const series = periodSeries(
      [
        observation('m', '2025-01-06', 10), // Monday of 2025-W02
        observation('m', '2025-01-12', 20), // Sunday of the same week
        observation('m', '2025-01-20', 40), // 2025-W04: W03 has no value
      ],
      'week',
    );
    expect(series.map((p) => [p.key, p.value, p.count])).toEqual([
      ['2025-W02', 15, 2],
      ['2025-W04', 40, 1],
    ]);
    expect(series[1]!.index - series[0]!.index).toBe(2);
  });

  it('sorts periods by time, whatever order the observations come in', () => {
    const series = periodSeries([observation('m', '2025-03-01', 3), observation('m', '2025-01-01', 1)], 'month');
    expect(series.map((p) => p.key)).toEqual(['2025-01', '2025-03']);
  });
});

describe('periodStart and periodEnd', () => {
  it('invert periodIndex for every period', () => {
    for (const period of PERIODS) {
      for (const date of ['2024-02-29', '2024-12-30', '2027-01-01', '2025-07-15']) {
        const index = periodIndex(date, period);
        expect(periodIndex(periodStart(index, period), period)).toBe(index);
        expect(periodIndex(periodEnd(index, period), period)).toBe(index);
        expect(periodIndex(addDays(periodEnd(index, period), 1), period)).toBe(index + 1);
      }
    }
  });

  it('starts a week on Monday and names a missing one', () => {
    const index = periodIndex('2025-01-15', 'week');
    expect(periodStart(index, 'week')).toBe('2025-01-13');
    expect(periodEnd(index, 'week')).toBe('2025-01-19');
    expect(periodKeyOf(index, 'week')).toBe('2025-W03');
  });
});

describe('quarters', () => {
  it('bounds a quarter and refuses other text', () => {
    expect(quarterBounds('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterBounds('2025-Q4')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(quarterBounds('2025-Q5')).toBeNull();
    expect(quarterBounds('Q1 2025')).toBeNull();
    expect(quarterOf('2025-05-31')).toBe('2025-Q2');
  });
});

describe('shortDate', () => {
  it('reads day and month, with the year when asked', () => {
    expect(shortDate('2025-03-31')).toBe('31 Mar');
    expect(shortDate('2025-01-05', true)).toBe('5 Jan 2025');
  });
});

describe('periodLabel: how a captured value names its period', () => {
  it('names a week by its Monday, a month and quarter and year by their names, a day by itself', () => {
    expect(periodLabel('2026-12-03', 'week')).toBe('the week of 30 Nov');
    expect(periodLabel('2026-11-30', 'week')).toBe('the week of 30 Nov');
    expect(periodLabel('2026-12-06', 'week')).toBe('the week of 30 Nov');
    expect(periodLabel('2026-12-07', 'week')).toBe('the week of 7 Dec');
    expect(periodLabel('2026-12-07', 'month')).toBe('December 2026');
    expect(periodLabel('2026-12-07', 'quarter')).toBe('2026-Q4');
    expect(periodLabel('2026-12-07', 'year')).toBe('2026');
    expect(periodLabel('2026-12-07', 'day')).toBe('7 Dec');
    expect(periodLabel('2026-12-07', null)).toBe('7 Dec');
  });

  it('gives the period’s first and last day', () => {
    expect(periodAround('2026-12-03', 'week')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(periodAround('2026-02-10', 'month')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodAround('2026-02-10', null)).toEqual({ start: '2026-02-10', end: '2026-02-10' });
  });
});
