/**
 * Answers a request the gate (lib/messaging/validate.ts) has accepted, with its handler
 * from the handler table, and keeps the derived copy in step with what the write
 * committed. Which workspace parts the change notice names comes from the request's
 * declaration (lib/messaging/requests.ts).
 */
import type { Id, Item, WorkspacePart } from '../domain/types';
import type { RequestOf, Responses } from '../messaging/protocol';
import { changesOf, mayWrite } from '../messaging/requests';
import type { LensDb } from '../storage';
import { HANDLERS, type Handler, type StoredRequestType } from './handler-table';
import { WorkspaceCache } from './workspace-cache';

export type { StoredRequestType };

type Db = LensDb;

export interface Handled<T> {
  value: T;
  changed: WorkspacePart[];
  /** The item the write created or changed, as stored: the change notice carries it. */
  item?: Item;
  /** The item the write deleted: the change notice carries its id. */
  removedItemId?: Id;
  /** The metrics whose values the write changed, when the request names them: the notice carries them. */
  valuesChanged?: Id[];
}

type StoredRequest = RequestOf<StoredRequestType>;

/** One derived copy per connection: a new connection (a restarted worker, a reopened database) starts empty. */
const caches = new WeakMap<Db, WorkspaceCache>();

/** The derived copy the handlers answer from for this connection (tests wait on its `load()`). */
export function cacheFor(db: Db): WorkspaceCache {
  const known = caches.get(db);
  if (known) return known;
  const cache = new WorkspaceCache(db);
  caches.set(db, cache);
  return cache;
}

export async function handle<T extends StoredRequestType>(
  db: Db,
  request: RequestOf<T>,
): Promise<Handled<Responses[T]>> {
  const cache = cacheFor(db);
  const writing = mayWrite((request as StoredRequest).type);
  if (writing) cache.writeStarted();
  try {
    const req = request as StoredRequest;
    const handler = HANDLERS[req.type] as Handler<StoredRequestType>;
    const value = await handler(req, { db, cache, committedNow: () => cache.committed() });
    const item = writtenItem(req, value);
    const handled: Handled<unknown> = {
      value,
      changed: [...changesOf(req.type)],
      ...(item ? { item } : {}),
      ...(req.type === 'item.delete' ? { removedItemId: req.id } : {}),
      ...valuesChangedBy(req),
    };
    keepCacheInStep(cache, handled);
    return handled as Handled<Responses[T]>;
  } catch (failure) {
    cache.drop();
    throw failure;
  } finally {
    if (writing) cache.writeEnded();
  }
}

function keepCacheInStep(cache: WorkspaceCache, handled: Handled<unknown>): void {
  if (handled.changed.length === 0) return;
  if (handled.changed.some((name) => name === 'settings' || name === 'trees')) cache.dropBasics();
  if (handled.item) cache.itemWritten(handled.item);
  else if (handled.removedItemId) cache.itemDeleted(handled.removedItemId);
  else if (handled.changed.some((name) => name === 'items' || name === 'metrics' || name === 'trees')) cache.drop();
}

/** The item a write created or changed, as stored: item.create and item.update answer with it. */
function writtenItem(req: StoredRequest, value: unknown): Item | undefined {
  return req.type === 'item.create' || req.type === 'item.update' ? (value as Item) : undefined;
}

/** The metric whose values a write of one metric's values changed; other writes of values do not say. */
function valuesChangedBy(req: StoredRequest): { valuesChanged?: Id[] } {
  switch (req.type) {
    case 'observation.add':
    case 'observation.record':
    case 'observation.undo':
    case 'observations.import':
      return { valuesChanged: [req.metricId] };
    default:
      return {};
  }
}
