import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityLinkFromHref } from '../../lib/sites/index';
import type { CustomDomain, EntityLinkRef } from '../../lib/sites/index';

/** A saved page from test/fixtures/sites, parsed as the browser would. */
export function loadFixture(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sites', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A page that has nothing but a document title, to exercise the last title fallback. */
export function documentTitled(title: string): Document {
  const doc = new DOMParser().parseFromString('<!DOCTYPE html><html><head></head><body></body></html>', 'text/html');
  doc.title = title;
  return doc;
}

/** The entity links among the anchors a selector picks, as the content script will look for them. */
export function entityLinksIn(
  doc: Document,
  selector: string,
  base: string,
  customDomains: CustomDomain[] = [],
): EntityLinkRef[] {
  return Array.from(doc.querySelectorAll(selector))
    .map((anchor) => entityLinkFromHref(anchor.getAttribute('href') ?? '', new URL(base), customDomains))
    .filter((link): link is EntityLinkRef => link !== null);
}
