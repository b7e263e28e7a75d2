/**
 * The team loop's references, checked over a whole workspace (see workspace-file.ts's
 * findIntegrityProblem): each record points at a tree, metric or item of the same tree,
 * and a tree has one worksheet, an item one ship date, a week one review note.
 */
import type { Id, Item, Metric, Workspace } from './types';

type LoopKind = 'worksheets' | 'keyResults' | 'thresholds' | 'shipments' | 'experiments' | 'reviewNotes';

export interface LoopProblem {
  store: LoopKind;
  index: number;
  field: string;
  message: string;
}

interface Known {
  treeIds: ReadonlySet<Id>;
  metrics: ReadonlyMap<Id, Metric>;
  items: ReadonlyMap<Id, Item>;
}

const NOWHERE = (what: string) => `points at ${what} that does not exist`;

function sameTreeRef<R>(
  store: LoopKind,
  records: readonly R[],
  field: keyof R & string,
  lookup: ReadonlyMap<Id, { treeId: Id }>,
  what: string,
  treeOf: ((record: R) => Id) | null,
): LoopProblem | null {
  for (const [index, record] of records.entries()) {
    const id = record[field] as Id | null;
    if (id === null) continue;
    const target = lookup.get(id);
    if (!target) return { store, index, field, message: NOWHERE(what) };
    if (treeOf && target.treeId !== treeOf(record))
      return { store, index, field, message: `the ${what.slice(2)} belongs to another tree` };
  }
  return null;
}

function treeRefs(store: LoopKind, records: readonly { treeId: Id }[], known: Known): LoopProblem | null {
  const index = records.findIndex((r) => !known.treeIds.has(r.treeId));
  return index === -1 ? null : { store, index, field: 'treeId', message: NOWHERE('a tree') };
}

function repeated<R>(store: LoopKind, records: readonly R[], field: keyof R & string, message: string) {
  const seen = new Set<unknown>();
  for (const [index, record] of records.entries()) {
    if (seen.has(record[field])) return { store, index, field, message };
    seen.add(record[field]);
  }
  return null;
}

/** The first broken reference among the loop's records, or null. */
export function findLoopProblem(ws: Workspace, known: Known): LoopProblem | null {
  const byTree = <R extends { treeId: Id }>(r: R) => r.treeId;
  return (
    treeRefs('worksheets', ws.worksheets, known) ??
    repeated('worksheets', ws.worksheets, 'treeId', 'the tree already has a worksheet') ??
    treeRefs('keyResults', ws.keyResults, known) ??
    sameTreeRef('keyResults', ws.keyResults, 'metricId', known.metrics, 'a metric', byTree) ??
    sameTreeRef('thresholds', ws.thresholds, 'metricId', known.metrics, 'a metric', null) ??
    treeRefs('shipments', ws.shipments, known) ??
    sameTreeRef('shipments', ws.shipments, 'itemId', known.items, 'an item', byTree) ??
    repeated('shipments', ws.shipments, 'itemId', 'the item already has a ship date') ??
    treeRefs('experiments', ws.experiments, known) ??
    sameTreeRef('experiments', ws.experiments, 'inputMetricId', known.metrics, 'a metric', byTree) ??
    sameTreeRef('experiments', ws.experiments, 'itemId', known.items, 'an item', byTree) ??
    treeRefs('reviewNotes', ws.reviewNotes, known) ??
    repeated(
      'reviewNotes',
      ws.reviewNotes.map((n) => ({ week: `${n.treeId} ${n.week}` })),
      'week',
      'the tree already has notes for this week',
    )
  );
}
