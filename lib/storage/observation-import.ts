/**
 * Importing dated values into one metric: planned against its stored observations
 * (planObservations), written in one transaction. A date already holding a value is
 * updated in place (same id), never duplicated; a value already stored is not written
 * again, so importing the same file twice changes nothing the second time. Only the
 * chunks (a metric's year, observation-chunks.ts) that gain or change a value are written.
 */
import { planObservations } from '../domain/import/observation-plan';
import type { ValueImportSummary } from '../domain/import/value-choice';
import { ObservationSchema } from '../domain/schemas';
import type { Id } from '../domain/types';
import { invalid } from './errors';
import { rememberMapping, type RememberedMapping } from './import-mappings';
import { observationsIn, putObservations } from './observation-chunks';
import { checkRecord, newId, now } from './records';
import type { LensDb } from './schema';
import { read, write } from './transaction';

export interface ValuesImport {
  metricId: Id;
  values: readonly { at: string; value: number }[];
}

export async function previewValueImport(db: LensDb, input: ValuesImport): Promise<ValueImportSummary> {
  return read(db, ['metrics', 'observationChunks'], async (tx) => {
    if ((await tx.objectStore('metrics').getKey(input.metricId)) === undefined) throw noMetric();
    const stored = await observationsIn(tx.objectStore('observationChunks'), input.metricId);
    return counts(planObservations(points(input), stored, input.metricId));
  });
}

export async function importValues(
  db: LensDb,
  input: ValuesImport,
  remembered?: RememberedMapping,
): Promise<ValueImportSummary> {
  return write(db, ['metrics', 'observationChunks', 'settings'], async (tx) => {
    if ((await tx.objectStore('metrics').getKey(input.metricId)) === undefined) throw noMetric();
    const store = tx.objectStore('observationChunks');
    const stored = await observationsIn(store, input.metricId);
    const plan = planObservations(points(input), stored, input.metricId);
    const at = now();
    const records = [
      ...plan.added.map(({ date, value }) => ({
        id: newId(),
        metricId: input.metricId,
        at: date,
        value,
        sourceUrl: '',
        note: '',
        updatedAt: at,
      })),
      ...plan.changed.map(({ value, existing }) => ({ ...existing, value, updatedAt: at })),
    ].map((record) => checkRecord(ObservationSchema, record));
    await Promise.all([
      putObservations(store, input.metricId, stored, records),
      remembered ? rememberMapping(tx.objectStore('settings'), remembered) : undefined,
    ]);
    return counts(plan);
  });
}

function points(input: ValuesImport) {
  return input.values.map(({ at, value }) => ({ date: at, value }));
}

function counts(plan: ReturnType<typeof planObservations>): ValueImportSummary {
  return { added: plan.added.length, changed: plan.changed.length, unchanged: plan.unchanged.length };
}

function noMetric() {
  return invalid('metricId', 'there is no metric with this id');
}
