/**
 * What a page names, read once as the overlay starts: while the early answer is still on
 * its way, so that once it comes only showing it is left. That answer brings the custom
 * domains, the one setting that can change what was read.
 */
import { adapterForUrl, entityOnPage, genericWebEntity, type CustomDomain, type PageEntity, type SiteAdapter } from '@/lib/sites';

export interface PageRead {
  href: string;
  /** The site adapter of the page; null on any other web page. */
  adapter: SiteAdapter | null;
  entity: PageEntity | null;
}

/** The site and entity of the page at `url`: by its adapter, or as any web page without one. */
export function readPage(url: URL, doc: Document, customDomains: readonly CustomDomain[]): PageRead {
  const adapter = adapterForUrl(url, customDomains);
  const entity = adapter ? entityOnPage(url, doc, customDomains) : genericWebEntity(url, doc);
  return { href: url.href, adapter, entity };
}

/** Whether a read still says what the page names: same address, and the settings give it the same adapter. */
export function readStillHolds(read: PageRead, href: string, adapter: SiteAdapter | null): boolean {
  return read.href === href && read.adapter === adapter;
}
