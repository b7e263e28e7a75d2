/**
 * When are two analytics URLs the same chart? Compared after normalising:
 * - scheme and host are case-insensitive (the URL parser lowercases them);
 * - a trailing slash on the path or on the hash is ignored;
 * - the hash is otherwise kept: Google Analytics and Mixpanel put the report in it;
 * - query parameters that change between visits of the same page (campaign tags, click
 *   ids, Google's `authuser` account index) are dropped, the rest compared in any order.
 * Text that is not a URL is compared as it is, trimmed.
 */
const VOLATILE_PARAMS = new Set(['authuser', 'fbclid', 'gclid', 'msclkid', '_ga', '_gl']);

export function normaliseSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  const params = [...url.searchParams]
    .filter(([name]) => !VOLATILE_PARAMS.has(name) && !name.startsWith('utm_'))
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  const query = new URLSearchParams(params).toString();
  const path = url.pathname.replace(/\/+$/, '');
  const hash = url.hash.replace(/\/+$/, '').replace(/^#$/, '');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}${hash}`;
}

export function sameSourceUrl(a: string, b: string): boolean {
  return normaliseSourceUrl(a) === normaliseSourceUrl(b);
}
