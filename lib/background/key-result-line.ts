/**
 * The open panel's key-result line: on a ticket whose item serves an input metric (or a
 * team metric under one) with a key result this quarter, the domain's one-line summary
 * ("KR: search-to-book conversion 22% -> 35% by 31 Mar, Product · on track"). Computed
 * here, where the values are, so the panel's code carries no progress logic and the
 * pill's early answer carries none of it.
 */
import { keyResultProgress, keyResultSummary } from '../domain/okr';
import { quarterOf } from '../domain/period';
import type { Item, Metric } from '../domain/types';
import * as store from '../storage';

type Db = store.LensDb;

/** Null without an item, a tagged metric or a key result on it (or on its input) this quarter. */
export async function keyResultLine(
  db: Db,
  item: Item | null,
  metrics: readonly Metric[],
  today = new Date().toISOString().slice(0, 10),
): Promise<string | null> {
  const metric = metrics.find((m) => m.id === item?.inputMetricId);
  if (!item || !metric) return null;
  const quarter = quarterOf(today);
  const krs = (await store.listKeyResults(db, metric.treeId)).filter((kr) => kr.quarter === quarter);
  // The item's own metric first; a team metric's work also serves the input above it.
  const serving = [metric, ...metrics.filter((m) => m.id === metric.parentId && metric.role === 'team')];
  for (const m of serving) {
    const kr = krs.find((k) => k.metricId === m.id);
    if (!kr) continue;
    const values = await store.listObservations(db, m.id);
    return keyResultSummary(keyResultProgress(kr, m, values, today));
  }
  return null;
}
