/**
 * Daily points rolled up to a metric's period (week, month, quarter, ...), with the
 * period's first and last day so a preview can show what each value covers.
 * Weeks are ISO weeks, Monday to Sunday.
 */
import type { Period } from '../types';
import { dateOfDay, dayNumber, dayNumberOf } from './cell-values';
import type { SeriesPoint } from './metric-series';

export const ROLL_UP_METHODS = ['sum', 'mean', 'last', 'max'] as const;
export type RollUpMethod = (typeof ROLL_UP_METHODS)[number];

export interface PeriodValue {
  /** First and last day of the period, YYYY-MM-DD. */
  start: string;
  end: string;
  /** null when no day of the period had a value: no value, not zero. */
  value: number | null;
  /** How many days with a value went into it, so a preview can flag a partial period. */
  days: number;
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** As Date.UTC counts: day 0 of a month is the last day of the one before, month 13 January of the next year. */
function ymd(year: number, month: number, day: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return dateOfDay(dayNumber(y, m, 1) + day - 1);
}

/** The first and last day of the period a date falls in. */
export function periodBounds(date: string, period: Period): { start: string; end: string } {
  const [year, month] = parts(date);
  switch (period) {
    case 'day':
      return { start: date, end: date };
    case 'week': {
      // Day 0, 1970-01-01, was a Thursday: three days after a Monday.
      const day = dayNumberOf(date);
      const start = day - ((((day + 3) % 7) + 7) % 7);
      return { start: dateOfDay(start), end: dateOfDay(start + 6) };
    }
    case 'month':
      return { start: ymd(year, month, 1), end: ymd(year, month + 1, 0) };
    case 'quarter': {
      const first = month - ((month - 1) % 3);
      return { start: ymd(year, first, 1), end: ymd(year, first + 3, 0) };
    }
    case 'year':
      return { start: ymd(year, 1, 1), end: ymd(year, 12, 31) };
  }
}

function combine(values: { date: string; value: number }[], method: RollUpMethod): number {
  switch (method) {
    case 'sum':
      return values.reduce((total, v) => total + v.value, 0);
    case 'mean':
      return values.reduce((total, v) => total + v.value, 0) / values.length;
    case 'max':
      return Math.max(...values.map((v) => v.value));
    case 'last':
      return values.reduce((latest, v) => (v.date >= latest.date ? v : latest)).value;
  }
}

/** Points (in any order) to one value per period, oldest period first. */
export function rollUp(points: readonly SeriesPoint[], period: Period, method: RollUpMethod): PeriodValue[] {
  const groups = new Map<string, { end: string; values: { date: string; value: number }[] }>();
  for (const point of points) {
    const { start, end } = periodBounds(point.date, period);
    let group = groups.get(start);
    if (!group) {
      group = { end, values: [] };
      groups.set(start, group);
    }
    if (point.value !== null) group.values.push({ date: point.date, value: point.value });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([start, { end, values }]) => ({
      start,
      end,
      value: values.length === 0 ? null : combine(values, method),
      days: values.length,
    }));
}
