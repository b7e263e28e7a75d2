/**
 * What the team loop's records lose when what they point at goes: deleting a tree takes
 * its loop records, deleting a metric its key results, thresholds and experiments,
 * deleting an item its ship date (its experiments stay, no longer linked to it).
 * Helpers inside the caller's transaction.
 */
import type { Id } from '../domain/types';
import type { LOOP_STORES, Store } from './schema';
import { each } from './transaction';

type W<N extends (typeof LOOP_STORES)[number]> = Store<N, 'readwrite'>;

export interface LoopStores {
  worksheets: W<'worksheets'>;
  keyResults: W<'keyResults'>;
  thresholds: W<'thresholds'>;
  shipments: W<'shipments'>;
  experiments: W<'experiments'>;
  reviewNotes: W<'reviewNotes'>;
}

export async function forgetTreeLoop(stores: LoopStores, treeId: Id, metricIds: readonly Id[]): Promise<void> {
  await each(metricIds, (m) => stores.thresholds.delete(m));
  await Promise.all([
    stores.worksheets
      .index('byTree')
      .getAllKeys(treeId)
      .then((keys) => each(keys, (k) => stores.worksheets.delete(k))),
    stores.keyResults
      .index('byTree')
      .getAllKeys(treeId)
      .then((keys) => each(keys, (k) => stores.keyResults.delete(k))),
    stores.shipments
      .index('byTree')
      .getAllKeys(treeId)
      .then((keys) => each(keys, (k) => stores.shipments.delete(k))),
    stores.experiments
      .index('byTree')
      .getAllKeys(treeId)
      .then((keys) => each(keys, (k) => stores.experiments.delete(k))),
    stores.reviewNotes
      .index('byTree')
      .getAllKeys(treeId)
      .then((keys) => each(keys, (k) => stores.reviewNotes.delete(k))),
  ]);
}

export async function forgetMetricLoop(
  stores: Pick<LoopStores, 'keyResults' | 'thresholds' | 'experiments'>,
  metricId: Id,
): Promise<void> {
  const [keyResults, experiments] = await Promise.all([
    stores.keyResults.index('byMetric').getAllKeys(metricId),
    stores.experiments.index('byInputMetric').getAllKeys(metricId),
  ]);
  await Promise.all([
    stores.thresholds.delete(metricId),
    each(keyResults, (k) => stores.keyResults.delete(k)),
    each(experiments, (k) => stores.experiments.delete(k)),
  ]);
}

export async function forgetItemLoop(
  stores: Pick<LoopStores, 'shipments' | 'experiments'>,
  item: { id: Id; treeId: Id },
  at: number,
): Promise<void> {
  const shipment = await stores.shipments.index('byItem').getKey(item.id);
  if (shipment !== undefined) await stores.shipments.delete(shipment);
  const ofTree = await stores.experiments.index('byTree').getAll(item.treeId);
  const linked = ofTree.filter((e) => e.itemId === item.id);
  await each(linked, (e) => stores.experiments.put({ ...e, itemId: null, updatedAt: at }));
}
