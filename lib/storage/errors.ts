/**
 * The one error type the storage layer throws. `invalid` and `not-found` are about the
 * request; `storage` means the browser's database failed, and its message is written for
 * the user, since it is shown as it is.
 */
export type StorageErrorCode = 'invalid' | 'not-found' | 'storage';

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    /** For invalid input: the field, e.g. `inputMetricId` or `items[3].rice.effort`. */
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function invalid(path: string, message: string): StorageError {
  return new StorageError('invalid', path ? `${path}: ${message}` : message, path || undefined);
}

export function notFound(what: string, id: string): StorageError {
  return new StorageError('not-found', `There is no ${what} with id "${id}" (it may have been deleted).`);
}

/** Anything thrown by IndexedDB becomes a StorageError the user can act on. */
export function toStorageError(failure: unknown): StorageError {
  if (failure instanceof StorageError) return failure;
  const name = typeof failure === 'object' && failure !== null && 'name' in failure ? String(failure.name) : '';
  return new StorageError(
    'storage',
    USER_MESSAGES[name] ?? `${GENERIC_MESSAGE} (${name || 'unknown error'})`,
    undefined,
    {
      cause: failure,
    },
  );
}

const GENERIC_MESSAGE = "The browser's database failed and nothing was changed; try again";

const USER_MESSAGES: Record<string, string> = {
  QuotaExceededError:
    'The browser refused to save (storage is full?). Nothing was changed: free some disk space or export and delete old trees, then try again.',
  AbortError: 'The browser stopped the save before it finished, so nothing was changed; try again.',
  InvalidStateError: "The connection to the browser's database was closed; reload the extension and try again.",
  VersionError: 'The saved data was made by a newer version of North Star Lens; update the extension.',
  UnknownError: `${GENERIC_MESSAGE} (the browser reported an unknown disk error).`,
};
