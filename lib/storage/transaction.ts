/**
 * Every read and write goes through here. A write resolves only once its transaction has
 * committed, and any failure aborts it, so a write happens whole or not at all: a
 * service worker stopped a moment later never leaves half a change behind.
 */
import { toStorageError } from './errors';
import type { LensDb, LensTx, DbStoreName } from './schema';

export async function write<const S extends DbStoreName[], T>(
  db: LensDb,
  stores: S,
  work: (tx: LensTx<S, 'readwrite'>) => Promise<T>,
): Promise<T> {
  return run(db, stores, 'readwrite', work);
}

/** Reads in one transaction, so what is read together is consistent. */
export async function read<const S extends DbStoreName[], T>(
  db: LensDb,
  stores: S,
  work: (tx: LensTx<S, 'readonly'>) => Promise<T>,
): Promise<T> {
  return run(db, stores, 'readonly', work);
}

async function run<const S extends DbStoreName[], M extends 'readonly' | 'readwrite', T>(
  db: LensDb,
  stores: S,
  mode: M,
  work: (tx: LensTx<S, M>) => Promise<T>,
): Promise<T> {
  let tx: LensTx<S, M>;
  try {
    tx = db.transaction(stores, mode);
  } catch (failure) {
    throw toStorageError(failure);
  }
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (failure) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser: there is nothing left to undo.
    }
    await tx.done.catch(() => undefined);
    throw toStorageError(failure);
  }
}

/**
 * Issues one request per value at once (waiting for each in turn would cost a round trip
 * per record). If issuing one throws, the ones already issued still get a rejection
 * handler, so the abort that follows cannot surface as an unhandled rejection.
 */
export async function each<V, T>(values: Iterable<V>, issue: (value: V) => Promise<T>): Promise<T[]> {
  const pending: Promise<T>[] = [];
  try {
    for (const value of values) pending.push(issue(value));
  } catch (failure) {
    for (const request of pending) request.catch(() => undefined);
    throw failure;
  }
  return Promise.all(pending);
}
