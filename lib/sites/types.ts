import type { SiteId } from '../domain/types';

export type EntityKind = 'ticket' | 'analytics';

/** The entity a page shows, as the panel needs it: identity, a way back, and a name. */
export interface PageEntity {
  site: SiteId;
  key: string;
  url: string;
  title: string;
  kind: EntityKind;
}

/** A link to an entity found on a list or board page, where a badge will go. */
export interface EntityLinkRef {
  site: SiteId;
  key: string;
  url: string;
}

/** A self-hosted or otherwise unusual host the user told us runs a known site. */
export interface CustomDomain {
  origin: string;
  site: SiteId;
}

/**
 * Rows and cards that name an entity without a link to it (Asana's list rows and board cards):
 * the badge layer badges them as it badges links, beside the row's name.
 */
export interface EntityElements {
  /** The elements that carry the entity's key. */
  selector: string;
  /** The attribute holding the key: watched like an href, so a row reused for another entity is badged anew. */
  attribute: string;
  /** The entity's key in the attribute's value, the key entityFromUrl gives the entity's own page; null for none. */
  key(value: string): string | null;
  /** The element the badge follows, the row's name (null: not there yet, no badge). */
  nameOf(element: Element): Element | null;
}

interface AdapterBase {
  /** One of SITE_IDS in lib/domain/types.ts. */
  site: SiteId;
  /** Manifest match patterns, e.g. 'https://*.atlassian.net/*'. */
  matches: string[];
  /** Hostnames this site serves; a custom domain replaces this test for its host. */
  hosts: RegExp;
  /** The entity a URL names, or null; key is stable and canonical, url is the canonical entity URL. */
  entityFromUrl(url: URL): { key: string; url: string } | null;
  /** The title from the document, with fallbacks down to document.title cleaned of the site's suffix. */
  titleFrom(doc: Document, key: string): string;
  /** CSS selector narrowing which anchors on list and board pages could be entity links (speed). */
  linkSelector: string;
  /** Where the site's lists show entities without linking to them. */
  entityElements?: readonly EntityElements[];
}

/**
 * A tracker holds tickets. Which of its pages are lists and boards (where every tracked ticket's badge
 * is held up front) is its LIST_PAGES, read by the background only: see lib/sites/list-pages.ts.
 */
export interface TrackerAdapter extends AdapterBase {
  kind: 'ticket';
}

/** An analytics tool holds charts and dashboards: every page of it naming no chart is a list. */
export interface AnalyticsAdapter extends AdapterBase {
  kind: 'analytics';
}

export type SiteAdapter = TrackerAdapter | AnalyticsAdapter;
