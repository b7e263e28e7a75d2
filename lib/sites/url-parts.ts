/**
 * Small, total helpers for taking URLs apart. Adapters run on every anchor of a board
 * page, on URLs written by strangers: nothing here may throw.
 */

/** Longest URL the data model accepts (see UrlSchema); anything longer is not worth naming. */
export const MAX_URL_LENGTH = 4096;
/** Longest key the data model accepts (see EntityLinkSchema). */
export const MAX_KEY_LENGTH = 500;

/** The non-empty path segments, still percent-encoded. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** decodeURIComponent that answers null for malformed escapes instead of throwing. */
export function safeDecode(text: string): string | null {
  // Most keys carry no escape: skipping the call (and its try) is measurable on a board of links.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Single-page apps (Google Analytics, Mixpanel) keep their route in the fragment:
 * '#/p123/reports/explorer?r=user-acquisition' gives path ['p123', 'reports', 'explorer']
 * and the query after the fragment's own '?'.
 */
export function fragmentRoute(url: URL): { path: string[]; query: URLSearchParams } {
  const fragment = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
  const queryAt = fragment.indexOf('?');
  const pathPart = queryAt === -1 ? fragment : fragment.slice(0, queryAt);
  const queryPart = queryAt === -1 ? '' : fragment.slice(queryAt + 1);
  return {
    path: pathPart.split('/').filter((segment) => segment !== ''),
    query: new URLSearchParams(queryPart),
  };
}

/** An entity only if its key and URL fit what the data model can store. */
export function entity(key: string, url: string): { key: string; url: string } | null {
  if (key === '' || key.length > MAX_KEY_LENGTH || url.length > MAX_URL_LENGTH) return null;
  return { key, url };
}
