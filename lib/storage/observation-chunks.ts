/**
 * Observations are stored in chunks: one record of `observationChunks` per metric and
 * calendar year, holding that year's observations. Chromium's IndexedDB spends a fixed
 * time on each record it writes (about 0.1 ms quiet, 0.27 ms on a loaded machine), so
 * importing 14,287 weekly values one record each took 3.8 s; a chunk is at most 366
 * observations, so that import is 275 records. A metric's observations are one key range
 * ([metricId] to [metricId, []]), read in year order. The price is paid by a single
 * value recorded by hand, which rewrites its year: at most 366 small records.
 */
import type { Id, Observation } from '../domain/types';
import type { Store, StoredObservationChunk } from './schema';
import { each } from './transaction';

/** The year an observation is filed under: its date's YYYY. */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** Oldest date first; two values of one date (only a merged workspace file can make them) by id. */
function byDate(a: Observation, b: Observation): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** In IndexedDB's key order (UTF-16 code units), the order a store of observations by id had. */
function byId(a: Observation, b: Observation): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function toObservationChunk(metricId: Id, year: string, observations: Observation[]): StoredObservationChunk {
  return { metricId, year, observations: [...observations].sort(byDate) };
}

/** Every chunk that `observations` fill, for writing a whole set at once. */
export function observationChunks(observations: Iterable<Observation>): StoredObservationChunk[] {
  const groups = new Map<string, { metricId: Id; year: string; observations: Observation[] }>();
  for (const observation of observations) {
    const year = yearOf(observation.at);
    const key = `${year}\u0000${observation.metricId}`;
    const group = groups.get(key);
    if (group) group.observations.push(observation);
    else groups.set(key, { metricId: observation.metricId, year, observations: [observation] });
  }
  return [...groups.values()].map((g) => toObservationChunk(g.metricId, g.year, g.observations));
}

/** The keys of one metric's chunks, [metricId, year]: arrays sort after strings, so [id, []] closes the range. */
export function observationsOf(metricId: Id): IDBKeyRange {
  return IDBKeyRange.bound([metricId], [metricId, []]);
}

/** One metric's observations, oldest date first. */
export async function observationsIn(store: Store<'observationChunks'>, metricId: Id): Promise<Observation[]> {
  return (await store.getAll(observationsOf(metricId))).flatMap((chunk) => chunk.observations);
}

/** Every observation, in id order (as an export lists them). */
export async function allObservations(store: Store<'observationChunks'>): Promise<Observation[]> {
  return (await store.getAll()).flatMap((chunk) => chunk.observations).sort(byId);
}

/**
 * Writes `put` into one metric's chunks, replacing observations with the same id; each
 * chunk touched is written once. `stored` are the metric's observations as the caller
 * read them in this transaction, so no chunk is read again. Inside the caller's transaction.
 */
export async function putObservations(
  store: Store<'observationChunks', 'readwrite'>,
  metricId: Id,
  stored: readonly Observation[],
  put: readonly Observation[],
): Promise<void> {
  const touched = new Map<string, Map<Id, Observation>>();
  for (const observation of put) {
    const year = yearOf(observation.at);
    if (!touched.has(year)) touched.set(year, new Map());
  }
  for (const observation of stored) touched.get(yearOf(observation.at))?.set(observation.id, observation);
  for (const observation of put) touched.get(yearOf(observation.at))!.set(observation.id, observation);
  await each(touched, ([year, byIdInYear]) => store.put(toObservationChunk(metricId, year, [...byIdInYear.values()])));
}

/** Deletes every observation of these metrics: one request per metric. */
export async function deleteObservationsOf(
  store: Store<'observationChunks', 'readwrite'>,
  metricIds: readonly Id[],
): Promise<void> {
  await each(metricIds, (metricId) => store.delete(observationsOf(metricId)));
}
