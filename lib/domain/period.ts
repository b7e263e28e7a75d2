/**
 * A metric's values as a series of calendar periods, grouped the way correlation.ts
 * groups them (the mean of a period's observations, consecutive periods one index apart),
 * so a missing week stays missing instead of closing up, and every view of the loop
 * (OKRs, the tree's status, the weekly review, outcomes) counts periods the same way.
 */
import { periodIndex, periodKey } from './correlation';
import type { Observation, Period } from './types';

const DAY_MS = 86_400_000;

export interface PeriodValue {
  /** `periodIndex`: consecutive periods differ by exactly 1. */
  index: number;
  /** `periodKey`: 2025-W05, 2025-02, 2025-Q1. */
  key: string;
  /** The mean of the period's observations. */
  value: number;
  count: number;
}

/** Periods with at least one value, oldest first. */
export function periodSeries(observations: readonly Observation[], period: Period): PeriodValue[] {
  const byIndex = new Map<number, PeriodValue>();
  for (const o of observations) {
    const index = periodIndex(o.at, period);
    const acc = byIndex.get(index) ?? { index, key: periodKey(o.at, period), value: 0, count: 0 };
    acc.value += o.value;
    acc.count += 1;
    byIndex.set(index, acc);
  }
  return [...byIndex.values()].map((p) => ({ ...p, value: p.value / p.count })).sort((a, b) => a.index - b.index);
}

function dateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The first day (YYYY-MM-DD) of the period numbered `index`: the inverse of `periodIndex`. */
export function periodStart(index: number, period: Period): string {
  switch (period) {
    case 'day':
      return dateOfDay(index);
    case 'week':
      // periodIndex numbers a week by its Monday: index = (monday + 3) / 7.
      return dateOfDay(index * 7 - 3);
    case 'month':
      return dateOfDay(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);
    case 'quarter':
      return dateOfDay(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1) / DAY_MS);
    case 'year':
      return dateOfDay(Date.UTC(index, 0, 1) / DAY_MS);
  }
}

/** The last day of the period numbered `index`. */
export function periodEnd(index: number, period: Period): string {
  return addDays(periodStart(index + 1, period), -1);
}

export function periodKeyOf(index: number, period: Period): string {
  return periodKey(periodStart(index, period), period);
}

/** Days since 1970-01-01; throws a RangeError on a date that does not exist. */
export function dayNumber(date: string): number {
  return periodIndex(date, 'day');
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The first and last day of a quarter labelled 2025-Q1; null for any other text. */
export function quarterBounds(quarter: string): { start: string; end: string } | null {
  const match = QUARTER.exec(quarter);
  if (!match) return null;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1;
  return { start: periodStart(index, 'quarter'), end: periodEnd(index, 'quarter') };
}

export function quarterOf(date: string): string {
  return periodKey(date, 'quarter');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2025-03-31 -> "31 Mar"; with the year, "31 Mar 2025". */
export function shortDate(date: string, withYear = false): string {
  const d = new Date(dayNumber(date) * DAY_MS);
  const text = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return withYear ? `${text} ${d.getUTCFullYear()}` : text;
}

/** "week", "weeks": how a review names a metric's period. */
export function periodNoun(period: Period, count = 1): string {
  return count === 1 ? period : `${period}s`;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The first and last day of the period `date` falls in; a metric without a period counts by day. */
export function periodAround(date: string, period: Period | null): { start: string; end: string } {
  const index = periodIndex(date, period ?? 'day');
  return { start: periodStart(index, period ?? 'day'), end: periodEnd(index, period ?? 'day') };
}

/** How a captured value's period is named: "the week of 30 Nov", "December 2026", "7 Dec". */
export function periodLabel(date: string, period: Period | null): string {
  const { start } = periodAround(date, period);
  const [year, month] = start.split('-');
  switch (period) {
    case 'week':
      return `the week of ${shortDate(start)}`;
    case 'month':
      return `${MONTH_NAMES[Number(month) - 1]} ${year}`;
    case 'quarter':
      return periodKey(start, 'quarter');
    case 'year':
      return year!;
    default:
      return shortDate(start);
  }
}
