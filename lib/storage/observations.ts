import { ObservationSchema } from '../domain/schemas';
import type { Id, Observation } from '../domain/types';
import { invalid } from './errors';
import { observationsIn, putObservations, yearOf } from './observation-chunks';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

export { observationsOf } from './observation-chunks';

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
  return write(db, ['metrics', 'observationChunks'], async (tx) => {
    if ((await tx.objectStore('metrics').getKey(input.metricId)) === undefined) {
      throw invalid('metricId', 'there is no metric with this id');
    }
    const store = tx.objectStore('observationChunks');
    const year = (await store.get([input.metricId, yearOf(input.at)]))?.observations ?? [];
    const sameDate = year.find((observation) => observation.at === input.at);
    const observation = checkRecord(ObservationSchema, {
      id: sameDate?.id ?? newId(),
      metricId: input.metricId,
      at: input.at,
      value: input.value,
      sourceUrl: input.sourceUrl ?? '',
      note: input.note ?? '',
      updatedAt: now(),
    });
    await putObservations(store, input.metricId, year, [observation]);
    return observation;
  });
}

/** Oldest date first; an unknown metric has none. */
export async function listObservations(db: LensDb, metricId: Id): Promise<Observation[]> {
  return read(db, ['observationChunks'], (tx) => observationsIn(tx.objectStore('observationChunks'), metricId));
}
