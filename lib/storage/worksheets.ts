/**
 * A tree's NSM worksheet (one per tree): the value events, the candidates formulated from
 * them and the one chosen. Choosing a candidate makes it the tree's NSM in the same
 * transaction, recording the NSM change as metric.update does; the worksheet stays, so
 * the reasons for the choice stay with it.
 */
import { candidateAsNsm } from '../domain/discovery';
import type { NsmCandidate, NsmWorksheet, ValueEvent } from '../domain/loop-types';
import { NsmWorksheetSchema } from '../domain/loop-schemas';
import { MetricSchema } from '../domain/schemas';
import type { Id, Metric } from '../domain/types';
import { invalid } from './errors';
import { nsmChange } from './history';
import { blankMetricFields } from './metrics';
import { forgetRanking } from './rankings';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

export interface WorksheetInput {
  treeId: Id;
  valueEvents: ValueEvent[];
  candidates: NsmCandidate[];
}

/** The tree's worksheet, or null before one is saved. */
export async function getWorksheet(db: LensDb, treeId: Id): Promise<NsmWorksheet | null> {
  const found = await read(db, ['worksheets'], (tx) => tx.objectStore('worksheets').index('byTree').getAll(treeId));
  return found[0] ?? null;
}

/** Creates or replaces the tree's worksheet; the choice stays while its candidate is on it. */
export async function saveWorksheet(db: LensDb, input: WorksheetInput): Promise<NsmWorksheet> {
  return write(db, ['trees', 'worksheets'], async (tx) => {
    if ((await tx.objectStore('trees').getKey(input.treeId)) === undefined) {
      throw invalid('treeId', 'there is no tree with this id');
    }
    const store = tx.objectStore('worksheets');
    const current = (await store.index('byTree').getAll(input.treeId))[0];
    const chosen = current?.chosenCandidateId ?? null;
    const worksheet = checkRecord(NsmWorksheetSchema, {
      id: current?.id ?? newId(),
      treeId: input.treeId,
      valueEvents: input.valueEvents,
      candidates: input.candidates,
      chosenCandidateId: input.candidates.some((c) => c.id === chosen) ? chosen : null,
      updatedAt: now(),
    });
    await store.put(worksheet);
    return worksheet;
  });
}

export interface ChosenNsm {
  worksheet: NsmWorksheet;
  nsm: Metric;
}

/**
 * Marks the candidate chosen and makes it the tree's NSM: the existing NSM takes the
 * candidate's name, definition, unit, period and category (keeping its id, owner,
 * target and values), or a new NSM is created.
 */
export async function chooseCandidate(db: LensDb, treeId: Id, candidateId: Id): Promise<ChosenNsm> {
  return write(db, ['worksheets', 'metrics', 'history', 'rankings'], async (tx) => {
    const store = tx.objectStore('worksheets');
    const current = (await store.index('byTree').getAll(treeId))[0];
    if (!current) throw invalid('treeId', 'the tree has no worksheet yet');
    const candidate = current.candidates.find((c) => c.id === candidateId);
    if (!candidate) throw invalid('candidateId', 'the candidate is not on the worksheet');
    const at = now();
    const worksheet = checkRecord(NsmWorksheetSchema, { ...current, chosenCandidateId: candidateId, updatedAt: at });
    const metrics = tx.objectStore('metrics');
    const previous = (await metrics.index('byTree').getAll(treeId)).find((m) => m.role === 'nsm') ?? null;
    const nsm = checkRecord(MetricSchema, {
      ...(previous ?? newNsmDefaults(treeId)),
      ...candidateAsNsm(candidate),
      updatedAt: at,
    });
    const change = nsmChange(previous, nsm, previous, at);
    await Promise.all([
      store.put(worksheet),
      metrics.put(nsm),
      change ? tx.objectStore('history').add(change) : undefined,
      forgetRanking(tx.objectStore('rankings'), treeId),
    ]);
    return { worksheet, nsm };
  });
}

function newNsmDefaults(treeId: Id): Omit<Metric, 'name' | 'role' | 'parentId'> {
  return { id: newId(), treeId, ...blankMetricFields(), updatedAt: now() };
}
