/**
 * The chunk records an import writes. A replace writes every chunk of the file; a merge
 * writes only the chunks its records land in or move out of. Before, a merge cleared both
 * chunk stores and wrote every chunk of the merged workspace again, with every link key
 * of the `byLink` index: a part of 25,000 items merged into 75,000 stored ones rewrote
 * 100,000 items, so seeding 100,000 items in parts cost the square of its size
 * (docs/benchmarks.md, round 11).
 */
import type { Id, Item, Observation } from '../domain/types';
import { chunkOf, chunked } from './item-chunks';
import { observationChunks, yearOf } from './observation-chunks';
import type { StoredItemChunk, StoredObservationChunk } from './schema';

export interface ChunkWrites {
  items: StoredItemChunk[];
  observations: StoredObservationChunk[];
  /** Observation chunks a merge emptied (their observations moved to another metric or year). */
  emptiedObservationChunks: [Id, string][];
}

/** Everything, for a replace: the stores are cleared first. */
export function everyChunk(result: { items: Item[]; observations: Observation[] }): ChunkWrites {
  return {
    items: chunked(result.items),
    observations: observationChunks(result.observations),
    emptiedObservationChunks: [],
  };
}

/**
 * For a merge: the chunks holding an id of the file, as the merged `result` fills them.
 * An item's chunk follows from its id, so a stored item the file replaces is in a chunk
 * the file touches; an observation's chunk follows from its metric and year, so the
 * stored observation a file's record replaces may sit in another chunk, which is written
 * without it (or deleted, when nothing is left in it).
 */
export function touchedChunks(
  stored: { observations: readonly Observation[] },
  incoming: { items: readonly Item[]; observations: readonly Observation[] },
  result: { items: readonly Item[]; observations: readonly Observation[] },
): ChunkWrites {
  const itemChunks = new Set(incoming.items.map((item) => chunkOf(item.id)));
  const items = chunked(result.items.filter((item) => itemChunks.has(chunkOf(item.id))));

  const incomingIds = new Set(incoming.observations.map((o) => o.id));
  const touched = new Map<string, [Id, string]>();
  const touch = (o: Observation) => touched.set(chunkKey(o.metricId, yearOf(o.at)), [o.metricId, yearOf(o.at)]);
  for (const observation of incoming.observations) touch(observation);
  for (const observation of stored.observations) if (incomingIds.has(observation.id)) touch(observation);
  const observations =
    touched.size === 0
      ? []
      : observationChunks(result.observations.filter((o) => touched.has(chunkKey(o.metricId, yearOf(o.at)))));
  for (const chunk of observations) touched.delete(chunkKey(chunk.metricId, chunk.year));
  return { items, observations, emptiedObservationChunks: [...touched.values()] };
}

/** The year is always four characters, so the key names one chunk whatever the id holds. */
function chunkKey(metricId: Id, year: string): string {
  return `${metricId}\u0000${year}`;
}
