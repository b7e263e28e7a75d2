import type { PreviousValue, RecordOutcome } from '../domain/capture';
import { periodAround } from '../domain/period';
import { ObservationSchema } from '../domain/schemas';
import type { Id, Observation } from '../domain/types';
import { invalid } from './errors';
import { observationsIn, putObservations, toObservationChunk, yearOf } from './observation-chunks';
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

export interface PeriodCapture {
  metricId: Id;
  /** The day of the capture, YYYY-MM-DD: its period is the metric's. */
  at: string;
  value: number;
  sourceUrl: string;
}

/**
 * Records a value captured on a chart page for its period (the metric's, by day without
 * one): the period's latest value is updated in place, keeping its date; with none, a
 * value is added on the capture's day. One transaction, read and write.
 */
export async function recordForPeriod(db: LensDb, input: PeriodCapture): Promise<RecordOutcome> {
  return write(db, ['metrics', 'observationChunks'], async (tx) => {
    const metric = await tx.objectStore('metrics').get(input.metricId);
    if (!metric) throw invalid('metricId', 'there is no metric with this id');
    const { start, end } = periodAround(input.at, metric.period);
    const store = tx.objectStore('observationChunks');
    // The metric's values, not only the capture's year: a week can start in December.
    const stored = await observationsIn(store, input.metricId);
    const latest = stored.filter((o) => o.at >= start && o.at <= end).at(-1);
    if (latest && latest.value === input.value) return { outcome: 'unchanged', observation: latest, previous: null };
    const observation = checkRecord(ObservationSchema, {
      id: latest?.id ?? newId(),
      metricId: input.metricId,
      at: latest?.at ?? input.at,
      value: input.value,
      sourceUrl: input.sourceUrl,
      note: latest?.note ?? '',
      updatedAt: now(),
    });
    await putObservations(store, input.metricId, stored, [observation]);
    const previous = latest ? { value: latest.value, sourceUrl: latest.sourceUrl, note: latest.note } : null;
    return { outcome: latest ? 'updated' : 'added', observation, previous };
  });
}

/** Which recorded value an undo takes back: its id, and the metric and date that file it. */
export interface RecordedValue {
  id: Id;
  metricId: Id;
  at: string;
}

/**
 * Takes a capture back: the observation gets its previous value again, or, when the capture
 * added it, is removed. An observation already gone is refused with a reason.
 */
export async function undoRecord(
  db: LensDb,
  recorded: RecordedValue,
  previous: PreviousValue | null,
): Promise<Observation | null> {
  return write(db, ['observationChunks'], async (tx) => {
    const store = tx.objectStore('observationChunks');
    const key: [Id, string] = [recorded.metricId, yearOf(recorded.at)];
    const year = (await store.get(key))?.observations ?? [];
    const stored = year.find((o) => o.id === recorded.id);
    if (!stored) throw invalid('id', 'this value is no longer stored: nothing to undo');
    if (!previous) {
      const rest = year.filter((o) => o.id !== recorded.id);
      if (rest.length > 0) await store.put(toObservationChunk(recorded.metricId, key[1], rest));
      else await store.delete(key);
      return null;
    }
    const restored = checkRecord(ObservationSchema, { ...stored, ...previous, updatedAt: now() });
    await putObservations(store, recorded.metricId, year, [restored]);
    return restored;
  });
}
