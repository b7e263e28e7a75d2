/** A tree's whole team loop, read in one transaction so the parts agree with each other. */
import type { MetricThresholds, TreeLoop } from '../domain/loop-types';
import type { Id } from '../domain/types';
import { sortKeyResults } from './key-results';
import { sortReviewNotes } from './review-notes';
import { LOOP_STORES, type LensDb } from './schema';
import { read } from './transaction';

export async function readTreeLoop(db: LensDb, treeId: Id): Promise<TreeLoop> {
  const stores = ['metrics', ...LOOP_STORES] as const;
  return read(db, [...stores], async (tx) => {
    const [worksheets, keyResults, metricIds, shipments, experiments, reviewNotes] = await Promise.all([
      tx.objectStore('worksheets').index('byTree').getAll(treeId),
      tx.objectStore('keyResults').index('byTree').getAll(treeId),
      tx.objectStore('metrics').index('byTree').getAllKeys(treeId),
      tx.objectStore('shipments').index('byTree').getAll(treeId),
      tx.objectStore('experiments').index('byTree').getAll(treeId),
      tx.objectStore('reviewNotes').index('byTree').getAll(treeId),
    ]);
    const thresholds = await Promise.all(metricIds.map((id) => tx.objectStore('thresholds').get(id)));
    return {
      worksheet: worksheets[0] ?? null,
      keyResults: sortKeyResults(keyResults),
      thresholds: thresholds.filter((t): t is MetricThresholds => t !== undefined),
      shipments: shipments.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
      experiments: experiments.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id)),
      reviewNotes: sortReviewNotes(reviewNotes),
    };
  });
}
