/**
 * What importing dated values for one metric would do to its observations (one per metric
 * and date): which dates are new, which change, which stay as they are. Importing the same
 * file twice therefore changes nothing the second time.
 */
import type { Observation } from '../types';
import type { SeriesPoint } from './metric-series';

export interface PlannedChange {
  date: string;
  value: number;
  existing: Observation;
}

export interface ObservationPlan {
  added: { date: string; value: number }[];
  changed: PlannedChange[];
  unchanged: PlannedChange[];
  /** Points with no value: nothing is written for them (an empty cell is not a zero). */
  empty: string[];
  /** Dates the points name more than once; the last value given is the one planned. */
  repeated: string[];
}

export function planObservations(
  points: readonly SeriesPoint[],
  existing: readonly Observation[],
  metricId: string,
): ObservationPlan {
  const current = new Map<string, Observation>();
  for (const observation of existing) if (observation.metricId === metricId) current.set(observation.at, observation);
  const latest = new Map<string, number | null>();
  const repeated = new Set<string>();
  for (const point of points) {
    if (latest.has(point.date)) repeated.add(point.date);
    latest.set(point.date, point.value);
  }
  const plan: ObservationPlan = { added: [], changed: [], unchanged: [], empty: [], repeated: [...repeated].sort() };
  for (const [date, value] of [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (value === null) {
      plan.empty.push(date);
      continue;
    }
    const before = current.get(date);
    if (!before) plan.added.push({ date, value });
    // Exact: the same file read twice gives the same numbers, and any other difference is a real change.
    else (before.value === value ? plan.unchanged : plan.changed).push({ date, value, existing: before });
  }
  return plan;
}
