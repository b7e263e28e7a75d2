/**
 * `observations.summaries`: what the dashboard's views show of each metric's values
 * (lib/domain/value-summary.ts), computed here beside the stored values so a view never
 * receives them all: at 500,000 values the dashboard read 58 MB per load and after every
 * value written.
 */
import { summarise, type ValueNeed, type ValueSummary } from '../domain/value-summary';
import * as store from '../storage';

/** Metrics read at once: a few overlap the database's work, and only their values are held at a time. */
const AT_ONCE = 4;

export async function valueSummaries(db: store.LensDb, needs: readonly ValueNeed[]): Promise<ValueSummary[]> {
  const out: ValueSummary[] = new Array(needs.length);
  let next = 0;
  const worker = async () => {
    while (next < needs.length) {
      const at = next++;
      const need = needs[at]!;
      out[at] = summarise(need, await store.listObservations(db, need.metricId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, needs.length) }, worker));
  return out;
}
