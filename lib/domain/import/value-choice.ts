/**
 * From a parsed analytics export to the dated values one metric receives: the series (or
 * range total) the person picked, rolled up to the metric's period. Each value is dated
 * at its period's last day, so a week's value sits where a weekly metric's values sit; a
 * range total is one value at the range's end.
 */
import type { Period } from '../types';
import type { AnalyticsImport, MetricSeries, RangeTotal } from './metric-series';
import { rollUp, type RollUpMethod } from './roll-up';

/** A series or total as the preview names it: "Active users · Organic Search". */
export function seriesLabel(series: { name: string; breakdown?: string }): string {
  return series.breakdown ? `${series.name} · ${series.breakdown}` : series.name;
}

/** Everything a file offers to import, series first, then range totals (marked as such). */
export interface SeriesOption {
  label: string;
  kind: 'series' | 'total';
  /** Days with a value (series) or 1 (total). */
  count: number;
}

const TOTAL_SUFFIX = ' (total over the range)';

export function seriesOptions(parsed: AnalyticsImport): SeriesOption[] {
  const withValues = (s: MetricSeries) => s.points.filter((p) => p.value !== null).length;
  return [
    ...parsed.series.map((s) => ({ label: seriesLabel(s), kind: 'series' as const, count: withValues(s) })),
    ...parsed.totals.map((t) => ({ label: seriesLabel(t) + TOTAL_SUFFIX, kind: 'total' as const, count: 1 })),
  ];
}

/**
 * The same kind of file again: its format and the names of its series (not its dates or
 * values), so next month's download of the same chart finds last month's choices.
 */
export function valueSourceKey(parsed: AnalyticsImport): string {
  const names = [...new Set(seriesOptions(parsed).map((o) => o.label))].sort();
  return `${parsed.format}:${names.join('|')}`.slice(0, 1000);
}

/** What importing values into a metric would do, or did (lib/domain/import/observation-plan.ts). */
export interface ValueImportSummary {
  added: number;
  changed: number;
  unchanged: number;
}

export interface ImportedValue {
  /** The date the observation carries: the period's (or range's) last day. */
  at: string;
  value: number;
  /** What the value covers, for the preview. */
  start: string;
  end: string;
  /** Days with a value that went into it; a range total covers the whole range. */
  days: number;
}

function fromTotal(total: RangeTotal): ImportedValue {
  return { at: total.at, value: total.value, start: total.from ?? total.to, end: total.to, days: 0 };
}

/**
 * The values to record for the chosen option: a series rolled up to `period` (as it is,
 * one value a day, when the metric has no period), a range total as itself.
 */
export function valuesFor(
  parsed: AnalyticsImport,
  label: string,
  period: Period | null,
  method: RollUpMethod,
): ImportedValue[] {
  const total = parsed.totals.find((t) => seriesLabel(t) + TOTAL_SUFFIX === label);
  if (total) return [fromTotal(total)];
  const series = parsed.series.find((s) => seriesLabel(s) === label);
  if (!series) return [];
  return rollUp(series.points, period ?? 'day', method).flatMap((p) =>
    p.value === null ? [] : [{ at: p.end, value: p.value, start: p.start, end: p.end, days: p.days }],
  );
}
