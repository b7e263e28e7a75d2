import { ObservationSchema } from '../domain/schemas';
import type { Id, Observation } from '../domain/types';
import { invalid } from './errors';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

export interface NewObservation {
  metricId: Id;
  /** YYYY-MM-DD */
  at: string;
  value: number;
  sourceUrl?: string;
  note?: string;
}

/**
 * Records the metric's value on a date. A metric has one value per date: recording
 * again for the same date corrects the earlier value (same id) rather than adding a
 * second point that would skew trends and correlations.
 */
export async function addObservation(db: LensDb, input: NewObservation): Promise<Observation> {
  return write(db, ['metrics', 'observations'], async (tx) => {
    if ((await tx.objectStore('metrics').getKey(input.metricId)) === undefined) {
      throw invalid('metricId', 'there is no metric with this id');
    }
    const store = tx.objectStore('observations');
    const sameDate = await store.index('byMetricDate').get([input.metricId, input.at]);
    const observation = checkRecord(ObservationSchema, {
      id: sameDate?.id ?? newId(),
      metricId: input.metricId,
      at: input.at,
      value: input.value,
      sourceUrl: input.sourceUrl ?? '',
      note: input.note ?? '',
      updatedAt: now(),
    });
    await store.put(observation);
    return observation;
  });
}

/** Oldest date first; an unknown metric has none. */
export async function listObservations(db: LensDb, metricId: Id): Promise<Observation[]> {
  return read(db, ['observations'], (tx) =>
    tx.objectStore('observations').index('byMetricDate').getAll(observationsOf(metricId)),
  );
}

/** Every [metricId, date] key of one metric: arrays sort after strings, so [id, []] closes the range. */
export function observationsOf(metricId: Id): IDBKeyRange {
  return IDBKeyRange.bound([metricId], [metricId, []]);
}
