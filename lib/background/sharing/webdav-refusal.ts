/**
 * Which answers from the server are refused before their body is read (webdav-client.ts):
 * any redirect, whose target is never followed, and any status that is a failure by itself.
 */
import type { Share } from './share-address';
import { failureForStatus, type Operation, type ShareFailure, shareFailure } from './share-failure';

/** A response that must not be read as the file: a redirect, or any failure status. */
export function refuseResponse(share: Share, url: URL, response: Response, operation: Operation): ShareFailure | null {
  const finalUrl = response.url ? new URL(response.url) : url;
  const redirected =
    response.type === 'opaqueredirect' ||
    (response.status >= 300 && response.status < 400 && response.status !== 304) ||
    finalUrl.origin !== url.origin;
  if (redirected) {
    const target = redirectTarget(response, url);
    const where = target && target !== url.origin ? ` to ${target}` : '';
    return shareFailure(
      'redirect',
      `the server redirected the request${where}; it was not followed, so nothing was sent there. ` +
        'If the file has moved, enter its new address.',
      response.status || undefined,
    );
  }
  return failureForStatus(response.status, operation, share.credentials.kind);
}

function redirectTarget(response: Response, base: URL): string | null {
  const location = response.headers.get('Location');
  if (!location) return null;
  try {
    return new URL(location, base).origin;
  } catch {
    return null;
  }
}
