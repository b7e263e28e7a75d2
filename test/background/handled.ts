/**
 * A test's way to send the background's stored requests in-process, against the database
 * the test set up last (`db` is read at each call, so a beforeEach may replace it).
 */
import { handle, type StoredRequestType } from '../../lib/background/dispatch';
import type { RequestOf } from '../../lib/messaging/protocol';
import type { LensDb, StorageError } from '../../lib/storage';

export function requestsTo(db: () => LensDb) {
  /** The request's answer. */
  const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handle(db(), request)).value;
  /** The request's refusal; throws when it was answered instead. */
  const refusal = (request: RequestOf<StoredRequestType>) =>
    handle(db(), request).then(
      () => {
        throw new Error('the request was not refused');
      },
      (failure: unknown) => failure as StorageError,
    );
  return { call, refusal };
}
