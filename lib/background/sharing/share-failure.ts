/**
 * Why a request to the shared file failed, as a code the background can act on and a
 * sentence a person can read. Messages name the server by its origin at most: never a
 * password, token, user name or the address's query (a token is sometimes put there).
 */
export type ShareFailureCode =
  /** The address is not one the extension will send a shared tree to. */
  | 'address'
  /** 401/403: the server refused the credentials, or they may not do this. */
  | 'credentials'
  /** The server accepts no writes at this address (405). */
  | 'read-only'
  /** No answer at all: no network, DNS, refused connection, TLS. */
  | 'offline'
  | 'timeout'
  | 'server-error'
  /** The server sent a redirect; it is never followed (see webdav-client.ts). */
  | 'redirect'
  | 'too-large'
  /** The file is there but is not a shared file this tree can merge (the parser's reason). */
  | 'not-shared-file'
  /** Only weak ETags came back, which cannot guard a write (see share-sync.ts). */
  | 'weak-etag'
  /** The file kept changing under every attempt to write it. */
  | 'conflict'
  /** This computer's clock and the server's differ by more than a day. */
  | 'clock'
  /** Any other answer (409 for a missing folder, 400, ...). */
  | 'unexpected';

export interface ShareFailure {
  readonly ok: false;
  readonly code: ShareFailureCode;
  readonly message: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
}

export function shareFailure(code: ShareFailureCode, message: string, status?: number): ShareFailure {
  return status === undefined ? { ok: false, code, message } : { ok: false, code, message, status };
}

/**
 * 'lock': the LOCK and UNLOCK around a write, for which a server without locks is not a
 * failure; 'folder': creating the parts' folder (MKCOL), which may exist already (405).
 */
export type Operation = 'read' | 'write' | 'lock' | 'folder';

/** The failure an HTTP status stands for, or null when the status is not a failure by itself. */
export function failureForStatus(
  status: number,
  operation: Operation,
  credentials: 'none' | 'password' | 'token',
): ShareFailure | null {
  if (operation === 'lock' && (status === 405 || status === 501)) return null;
  if (operation === 'folder' && status === 405) return null;
  const verb = operation === 'read' ? 'read' : 'write';
  if (status === 401) {
    const message =
      credentials === 'none'
        ? 'the server asks for a user name and password (or a token) for this file'
        : credentials === 'password'
          ? 'the server refused the user name or password'
          : 'the server refused the token';
    return shareFailure('credentials', message, status);
  }
  if (status === 403) {
    return shareFailure(
      'credentials',
      `the server refused access: these credentials may not ${verb} this file (403)`,
      status,
    );
  }
  if (status === 405 && verb === 'write') {
    return shareFailure('read-only', 'the server does not accept changes at this address (405)', status);
  }
  if (status === 409 && verb === 'write') {
    return shareFailure('unexpected', 'the folder for the file does not exist on the server (409)', status);
  }
  if (status >= 500) return shareFailure('server-error', `the server answered with an error (${status})`, status);
  return null;
}
