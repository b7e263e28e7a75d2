/**
 * What the worker keeps in memory for each share, per database connection and then per
 * tree: one worker has one database, but the tests run several replicas' databases in one
 * process, and a tree keeps its id on every replica. A closed connection's maps go with it.
 */
import type { Id } from '../../domain/types';

/** The map for one database, made on first use. */
export function perDatabase<T>(): (db: object) => Map<Id, T> {
  const byDatabase = new WeakMap<object, Map<Id, T>>();
  return (db) => {
    let map = byDatabase.get(db);
    if (!map) {
      map = new Map();
      byDatabase.set(db, map);
    }
    return map;
  };
}
