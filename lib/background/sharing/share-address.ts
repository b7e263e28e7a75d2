/**
 * Where a shared file lives and how to sign in to it, and the rules for both. The
 * extension sends a team's tree and the person's credentials to this one address and
 * nowhere else: HTTPS only (loopback HTTP is allowed for tests and local servers, since it
 * never leaves the machine), no credentials inside the address, where they would end up
 * in logs and messages.
 */
import type { ShareCredentials } from '../../domain/sharing/share-record';
import { type ShareFailure, shareFailure } from './share-failure';

export type { ShareCredentials };

export interface Share {
  /** The file's address, e.g. https://cloud.example.com/remote.php/dav/files/ana/nsl/acme.json */
  readonly url: string;
  readonly credentials: ShareCredentials;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);
// Header values are Latin-1 without controls; a token outside that would make fetch throw
// a TypeError, which reads as "offline". Tokens are visible ASCII in practice (RFC 6750).
const TOKEN = /^[\x21-\x7e]+$/;

/** The address to request, or why it is refused. */
export function checkShare(share: Share): { ok: true; url: URL } | ShareFailure {
  let url: URL;
  try {
    url = new URL(share.url);
  } catch {
    return shareFailure('address', 'the address of the shared file is not a valid web address');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return shareFailure('address', 'the address of the shared file must start with https://');
  }
  if (url.username !== '' || url.password !== '') {
    return shareFailure('address', 'put the user name and password in their own fields, not in the address');
  }
  url.hash = '';
  const { credentials } = share;
  if (credentials.kind === 'password' && (credentials.user === '' || credentials.user.includes(':'))) {
    return shareFailure('address', 'the user name must not be empty or contain ":"');
  }
  if (credentials.kind === 'token' && !TOKEN.test(credentials.token)) {
    return shareFailure('address', 'the token may only hold visible ASCII characters, without spaces');
  }
  return { ok: true, url };
}

/** What a view may show of the address: scheme, host and port. */
export function shareOrigin(share: Share): string {
  try {
    return new URL(share.url).origin;
  } catch {
    return 'the server';
  }
}

/** The Authorization header's value, or null for none. */
export function authorization(credentials: ShareCredentials): string | null {
  switch (credentials.kind) {
    case 'none':
      return null;
    case 'password':
      // RFC 7617: user-pass is encoded as UTF-8, so non-ASCII passwords work; btoa alone
      // takes Latin-1 only.
      return `Basic ${base64(new TextEncoder().encode(`${credentials.user}:${credentials.password}`))}`;
    case 'token':
      return `Bearer ${credentials.token}`;
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
