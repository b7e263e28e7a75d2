/**
 * The site adapters as one module: which site a URL belongs to, the entity a page shows,
 * and which anchors on a list or board page are entity links. Pure: it reads the URL and,
 * for titles only, the document it is given.
 */
import type { LinkRef } from '../domain/link-key';
import type { SiteId } from '../domain/types';
import type { CustomDomain, EntityLinkRef, PageEntity, SiteAdapter } from './types';
import { customDomainFor } from './origin-patterns';
import { MAX_URL_LENGTH } from './url-parts';
import { jira } from './jira';
import { linear } from './linear';
import { github } from './github';
import { asana } from './asana';
import { trello } from './trello';
import { aha } from './aha';
import { productboard } from './productboard';
import { amplitude } from './amplitude';
import { mixpanel } from './mixpanel';
import { posthog } from './posthog';
import { ga } from './ga';

export type {
  AnalyticsAdapter,
  CustomDomain,
  EntityKind,
  EntityElements,
  EntityLinkRef,
  PageEntity,
  SiteAdapter,
  TrackerAdapter,
} from './types';
export { genericWebEntity } from './web';
export { matchesOriginPattern, originPatternFrom, type ParsedOrigin } from './origin-patterns';

export const ADAPTERS: SiteAdapter[] = [
  jira,
  linear,
  github,
  asana,
  trello,
  aha,
  productboard,
  amplitude,
  mixpanel,
  posthog,
  ga,
];

/** Every supported site's match patterns, for the manifest's host permissions. */
export const SUPPORTED_MATCH_PATTERNS: string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.matches))];

/** The adapter of a site, or null for 'web' (any other page has no adapter). */
export function adapterForSite(site: SiteId): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.site === site) ?? null;
}

function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/**
 * The adapter for a URL: a custom domain the user added wins (a self-hosted Jira keeps
 * Jira's path rules on its own host), then each site's own hosts.
 */
export function adapterForUrl(url: URL, customDomains: readonly CustomDomain[] = []): SiteAdapter | null {
  if (!isWebUrl(url)) return null;
  const custom = customDomainFor(url, customDomains);
  if (custom !== null) return adapterForSite(custom.site);
  return ADAPTERS.find((adapter) => adapter.hosts.test(url.hostname)) ?? null;
}

/** The adapter of the URL's site and the entity its path names, or null when it names none. */
function entityNamedBy(
  url: URL,
  customDomains: readonly CustomDomain[],
): { adapter: SiteAdapter; key: string; url: string } | null {
  const adapter = adapterForUrl(url, customDomains);
  const found = adapter?.entityFromUrl(url) ?? null;
  return adapter && found ? { adapter, ...found } : null;
}

/** The entity this page shows, with its title, or null when the page is not one. */
export function entityOnPage(url: URL, doc: Document, customDomains: readonly CustomDomain[] = []): PageEntity | null {
  const named = entityNamedBy(url, customDomains);
  if (named === null) return null;
  const { adapter, key } = named;
  return { site: adapter.site, key, url: named.url, title: adapter.titleFrom(doc, key), kind: adapter.kind };
}

/**
 * The entity the URL names, its title not read yet (empty): all the pill needs to show
 * what is stored about it, without reading the page. `entityOnPage` brings the title.
 */
export function entityAtUrl(url: URL, customDomains: readonly CustomDomain[] = []): PageEntity | null {
  const named = entityNamedBy(url, customDomains);
  return named && { site: named.adapter.site, key: named.key, url: named.url, title: '', kind: named.adapter.kind };
}

/**
 * The entity an anchor's href points to, for a badge beside it. Called for many anchors
 * per page, so it stops at the first sign the href is not an http(s) entity URL. The base
 * may be given as text: a URL object as base is turned back into text and parsed again
 * on every call, which on a 1,000-link board cost as much as the rest of the work.
 */
export function entityLinkFromHref(
  href: string,
  base: URL | string,
  customDomains: readonly CustomDomain[] = [],
): EntityLinkRef | null {
  if (href === '' || href.length > MAX_URL_LENGTH) return null;
  // '#top' and '#' point back at this page; only hash-routed apps (Google Analytics) link with '#/'.
  if (href.startsWith('#') && !href.startsWith('#/')) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const named = entityNamedBy(url, customDomains);
  return named && { site: named.adapter.site, key: named.key, url: named.url };
}

/**
 * The entity of the page's own site that an anchor's absolute href names, when it points
 * at the page's own origin: what a board can work out at once for each of its links,
 * without trying every site as `entityLinkFromHref` does. A malformed href is no entity.
 */
export function entityLinkHere(adapter: SiteAdapter, href: string, origin: string): LinkRef | null {
  if (href.length > MAX_URL_LENGTH) return null;
  // Parsed once, as entityLinkFromHref does: this runs for every row a board adds, in its task.
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const found = url.origin === origin ? adapter.entityFromUrl(url) : null;
  return found ? { site: adapter.site, key: found.key } : null;
}
