/**
 * The neutral shape every analytics export becomes: named series of dated values, values
 * that cover a whole date range, and the problems met on the way. Nothing here knows
 * which tool wrote the file.
 */
import type { ImportProblem } from './csv-reader';

export type { ImportProblem } from './csv-reader';

/** One day's value. null is "no value" (an empty cell, a period not reached), never zero. */
export interface SeriesPoint {
  date: string;
  value: number | null;
}

export interface MetricSeries {
  /** The metric or event as the tool names it: "Active users", "$pageview". */
  name: string;
  /** The segment or breakdown value the series is limited to: "Chrome", "Organic Search". */
  breakdown?: string;
  points: SeriesPoint[];
}

/** A value over a whole date range (a report's total), recorded at the range's last day. */
export interface RangeTotal {
  name: string;
  breakdown?: string;
  from: string | null;
  to: string;
  /** The date an observation of this total would carry: the range end. */
  at: string;
  value: number;
}

export type AnalyticsFormat = 'google-analytics' | 'posthog-trends' | 'posthog-retention' | 'amplitude' | 'table';

export interface AnalyticsImport {
  format: AnalyticsFormat;
  series: MetricSeries[];
  totals: RangeTotal[];
  problems: ImportProblem[];
}

export interface DateRange {
  from: string | null;
  to: string;
}

/** Collects points into series keyed by name and breakdown, in the order they first appear. */
export class SeriesCollector {
  private readonly byKey = new Map<string, MetricSeries>();

  add(name: string, breakdown: string | undefined, point: SeriesPoint): void {
    const key = `${name}\u0000${breakdown ?? ''}`;
    let series = this.byKey.get(key);
    if (!series) {
      series = breakdown === undefined || breakdown === '' ? { name, points: [] } : { name, breakdown, points: [] };
      this.byKey.set(key, series);
    }
    series.points.push(point);
  }

  series(): MetricSeries[] {
    return [...this.byKey.values()];
  }
}

export function rangeTotal(name: string, breakdown: string | undefined, range: DateRange, value: number): RangeTotal {
  const total: RangeTotal = { name, from: range.from, to: range.to, at: range.to, value };
  return breakdown ? { ...total, breakdown } : total;
}
