import type { PageEntity } from './types';
import { MAX_KEY_LENGTH, MAX_URL_LENGTH } from './url-parts';
import { cleanText } from './text';

/**
 * Any other page, linked by hand from the toolbar button. Its identity is the address
 * without query, fragment or trailing slash, so the same article read twice is one link.
 * Only web pages: browser pages, files and extension pages cannot be linked.
 */
export function genericWebEntity(url: URL, doc: Document): PageEntity | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const key = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (key.length > MAX_KEY_LENGTH || key.length > MAX_URL_LENGTH) return null;
  const title = cleanText(doc.title);
  return { site: 'web', key, url: key, title: title !== '' ? title : key, kind: 'ticket' };
}
