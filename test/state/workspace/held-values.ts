/**
 * Holds a fixture's values as the dashboard holds them: each metric's summary for what the
 * views need at the moment (value-sync.ts's `valueNeeds`), summarised again when that need
 * changes, as the dashboard reads it again. A view that reads a period or a window its need
 * does not ask for sees nothing there, and its test fails.
 */
import { effect } from '@preact/signals-core';
import type { Observation } from '../../../lib/domain/types';
import { summarise } from '../../../lib/domain/value-summary';
import { valueSummaries } from '../../../lib/state/workspace/tree';
import { valueNeeds } from '../../../lib/state/workspace/value-sync';

let stop: () => void = () => undefined;

/** `observations` in stored order: oldest date first. */
export function holdValues(observations: readonly Observation[]): void {
  stop();
  const key = (o: Observation) => `${o.at}\u0000${o.id}`;
  const sorted = [...observations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  stop = effect(() => {
    const needs = valueNeeds.value;
    valueSummaries.value = new Map(
      needs.map((n) => [
        n.metricId,
        summarise(
          n,
          sorted.filter((o) => o.metricId === n.metricId),
        ),
      ]),
    );
  });
}

export function dropValues(): void {
  stop();
  stop = () => undefined;
  valueSummaries.value = new Map();
}
