/**
 * The ETags of the files in a folder, from one PROPFIND (Depth: 1, RFC 4918 §9.1): a
 * publish checks its 32 parts with one request instead of 32 conditional GETs, and GETs
 * only those whose tag is not the one it holds. Read with patterns, not an XML parser:
 * a service worker has no DOMParser, and only two elements of each response are needed.
 */

/** Asks for the tag alone: the server then sends nothing else of each file. */
export const LIST_BODY =
  '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>';

const RESPONSE = /<(?:[\w.-]+:)?response\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?response>/g;
const HREF = /<(?:[\w.-]+:)?href\b[^>]*>([^<]*)</;
const ETAG = /<(?:[\w.-]+:)?getetag\b[^>]*>([^<]*)</;
const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };

/**
 * By decoded path, each file's tag as `body` (a 207 Multi-Status) lists it, resolved
 * against `folderUrl`. A file listed without a tag is left out: it is read as before.
 */
export function parseEtags(body: string, folderUrl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, response] of body.matchAll(RESPONSE)) {
    const href = HREF.exec(response ?? '')?.[1];
    const etag = ETAG.exec(response ?? '')?.[1];
    if (href === undefined || etag === undefined) continue;
    const path = pathOf(unescapeXml(href.trim()), folderUrl);
    const tag = unescapeXml(etag.trim());
    if (path !== null && tag !== '') out.set(path, tag);
  }
  return out;
}

/** The decoded path of `href` (absolute, or relative to `base`); null when it is no address. */
export function pathOf(href: string, base: string): string | null {
  try {
    return decodeURIComponent(new URL(href, base).pathname);
  } catch {
    return null;
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(quot|apos|lt|gt|amp);/g, (_, name: string) => ENTITIES[name] ?? '');
}
