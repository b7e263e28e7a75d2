/**
 * Each metric's red/amber/green rule (metric-status.ts), one per metric, keyed by it. The
 * target it is measured against is the metric's own `target`, set with metric.update.
 */
import type { MetricThresholds } from '../domain/loop-types';
import { MetricThresholdsSchema } from '../domain/loop-schemas';
import type { Id } from '../domain/types';
import { notFound } from './errors';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord } from './records';

/** The thresholds set on the tree's metrics; a metric without any uses defaultThresholds. */
export async function listThresholds(db: LensDb, treeId: Id): Promise<MetricThresholds[]> {
  return read(db, ['metrics', 'thresholds'], async (tx) => {
    const metricIds = await tx.objectStore('metrics').index('byTree').getAllKeys(treeId);
    const found = await Promise.all(metricIds.map((id) => tx.objectStore('thresholds').get(id)));
    return found.filter((t): t is MetricThresholds => t !== undefined);
  });
}

/** Sets the metric's thresholds, or with null goes back to the default rule. */
export async function setThresholds(
  db: LensDb,
  metricId: Id,
  rule: Omit<MetricThresholds, 'metricId'> | null,
): Promise<MetricThresholds | null> {
  return write(db, ['metrics', 'thresholds'], async (tx) => {
    if ((await tx.objectStore('metrics').getKey(metricId)) === undefined) throw notFound('metric', metricId);
    if (rule === null) {
      await tx.objectStore('thresholds').delete(metricId);
      return null;
    }
    const thresholds = checkRecord(MetricThresholdsSchema, { ...rule, metricId });
    await tx.objectStore('thresholds').put(thresholds);
    return thresholds;
  });
}
