import { MetricSchema } from '../domain/schemas';
import { METRIC_ROLES, type Id, type Metric, type MetricRole } from '../domain/types';
import { leadsBackTo } from '../domain/workspace-file';
import type { MetricPatch } from '../domain/patches';
import { invalid, notFound } from './errors';
import { nsmChange } from './history';
import { allItems, changeItems } from './item-chunks';
import { forgetMetricLoop } from './loop-cascade';
import { forgetRanking } from './rankings';
import { deleteObservationsOf } from './observation-chunks';
import type { LensDb, Store } from './schema';
import { sameSourceUrl } from '../domain/source-url';
import { each, read, write } from './transaction';
import { checkRecord, definedFields, newId, now } from './records';

export interface NewMetric extends MetricPatch {
  treeId: Id;
  role: MetricRole;
  name: string;
}

/** NSM first, then input, team, output and health metrics, each by name. */
export async function listMetrics(db: LensDb, treeId: Id): Promise<Metric[]> {
  const metrics = await read(db, ['metrics'], (tx) => tx.objectStore('metrics').index('byTree').getAll(treeId));
  return sortMetrics(metrics);
}

/** What a new metric holds until the user says otherwise (a fresh list each call). */
export function blankMetricFields(): Omit<Metric, 'id' | 'treeId' | 'role' | 'parentId' | 'name' | 'updatedAt'> {
  return {
    definition: '',
    unit: '',
    period: null,
    category: null,
    ownerTeam: '',
    leverage: 1,
    sourceUrls: [],
    target: null,
  };
}

/**
 * Unset fields take their defaults. An input, output or health metric without a given
 * parent hangs under the tree's NSM, when there is one. Creating an NSM while the tree
 * already has one records an NSM change.
 */
export async function createMetric(db: LensDb, input: NewMetric): Promise<Metric> {
  return write(db, ['trees', 'metrics', 'history'], async (tx) => {
    if ((await tx.objectStore('trees').getKey(input.treeId)) === undefined) {
      throw invalid('treeId', 'there is no tree with this id');
    }
    const store = tx.objectStore('metrics');
    const inTree = sortMetrics(await store.index('byTree').getAll(input.treeId));
    const nsm = inTree.find((m) => m.role === 'nsm') ?? null;
    const given = definedFields(input);
    const defaultParent =
      input.role === 'input' || input.role === 'output' || input.role === 'health' ? (nsm?.id ?? null) : null;
    const metric = checkRecord(MetricSchema, {
      parentId: defaultParent,
      ...blankMetricFields(),
      ...given,
      id: newId(),
      updatedAt: now(),
    });
    checkParent(metric, inTree);
    await store.add(metric);
    await recordNsmChange(tx.objectStore('history'), null, metric, nsm);
    return metric;
  });
}

/**
 * Only the given fields change. Renaming the NSM, or making another metric the NSM,
 * records an NSM change in the same transaction. A metric that becomes the NSM leaves
 * its parent (an NSM is the root) unless a parent is given; one that stops being an
 * input or team metric is no longer what items move, so those items become unlinked.
 */
export async function updateMetric(db: LensDb, id: Id, patch: MetricPatch): Promise<Metric> {
  return write(db, ['metrics', 'itemChunks', 'history', 'rankings'], async (tx) => {
    const store = tx.objectStore('metrics');
    const current = await store.get(id);
    if (!current) throw notFound('metric', id);
    const given = definedFields(patch);
    const becomesNsm = given.role === 'nsm' && current.role !== 'nsm';
    const metric = checkRecord(MetricSchema, {
      ...current,
      ...(becomesNsm ? { parentId: null } : {}),
      ...given,
      id,
      treeId: current.treeId,
      updatedAt: now(),
    });
    const inTree = sortMetrics(await store.index('byTree').getAll(current.treeId));
    checkParent(metric, inTree);
    const previousNsm = inTree.find((m) => m.role === 'nsm' && m.id !== id) ?? null;
    await store.put(metric);
    await recordNsmChange(tx.objectStore('history'), current, metric, previousNsm);
    if (isMovable(current.role) && !isMovable(metric.role)) await unlinkItems(tx.objectStore('itemChunks'), id);
    // Leverage, role or parent may have changed the score of every item under it.
    await forgetRanking(tx.objectStore('rankings'), metric.treeId);
    return metric;
  });
}

/**
 * Items that moved the metric become unlinked, metrics under it lose their parent, its
 * observations go, and so do its key results, thresholds and experiments.
 */
export async function deleteMetric(db: LensDb, id: Id): Promise<void> {
  const stores = [
    'metrics',
    'itemChunks',
    'observationChunks',
    'rankings',
    'keyResults',
    'thresholds',
    'experiments',
  ] as const;
  await write(db, [...stores], async (tx) => {
    const store = tx.objectStore('metrics');
    const metric = await store.get(id);
    if (!metric) throw notFound('metric', id);
    await forgetRanking(tx.objectStore('rankings'), metric.treeId);
    await unlinkItems(tx.objectStore('itemChunks'), id);
    const at = now();
    const children = await store.index('byParent').getAll(id);
    await each(children, (child) => store.put({ ...child, parentId: null, updatedAt: at }));
    await deleteObservationsOf(tx.objectStore('observationChunks'), [id]);
    await forgetMetricLoop(
      {
        keyResults: tx.objectStore('keyResults'),
        thresholds: tx.objectStore('thresholds'),
        experiments: tx.objectStore('experiments'),
      },
      id,
    );
    await store.delete(id);
  });
}

/** The metric of the tree that shows on this analytics page (see source-url.ts for what counts as the same page). */
export async function findMetricBySourceUrl(db: LensDb, treeId: Id, url: string): Promise<Metric | null> {
  const metrics = await listMetrics(db, treeId);
  return metrics.find((m) => m.sourceUrls.some((source) => sameSourceUrl(source, url))) ?? null;
}

/** Item links may only point at input and team metrics (see wrongInputMetric). */
function isMovable(role: MetricRole): boolean {
  return role === 'input' || role === 'team';
}

function checkParent(metric: Metric, inTree: Metric[]): void {
  if (metric.parentId === null) return;
  const byId = new Map(inTree.map((m) => [m.id, m]));
  const parent = byId.get(metric.parentId);
  if (!parent) throw invalid('parentId', 'there is no metric with this id in the same tree');
  byId.set(metric.id, metric);
  if (leadsBackTo(metric.id, parent, byId))
    throw invalid('parentId', 'a metric cannot sit under itself or its own descendants');
}

async function recordNsmChange(
  history: Store<'history', 'readwrite'>,
  before: Metric | null,
  after: Metric,
  previousNsm: Metric | null,
): Promise<void> {
  const change = nsmChange(before, after, previousNsm, after.updatedAt);
  if (change) await history.add(change);
}

/**
 * Reads every chunk: a metric is deleted or demoted rarely, and an index of input metrics
 * cost every import and every tag its entries (storage version 5 dropped it).
 */
async function unlinkItems(items: Store<'itemChunks', 'readwrite'>, metricId: Id): Promise<void> {
  const at = now();
  const linked = (await allItems(items)).filter((item) => item.inputMetricId === metricId);
  await changeItems(items, { put: linked.map((item) => ({ ...item, inputMetricId: null, updatedAt: at })) });
}

function sortMetrics(metrics: Metric[]): Metric[] {
  const rank = (role: MetricRole) => METRIC_ROLES.indexOf(role);
  return metrics.sort(
    (a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}
