import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

/** Feature ids are numeric on older workspaces and UUIDs on newer ones. */
const FEATURE_ID = /^(?:[0-9]{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A feature opened from anywhere: /entity-detail/features/<id>, or a board's
 * /roadmap/<board>/features/<id>/detail and /feature-board/<board>/features/<id>/detail.
 * Notes (/all-notes/notes/<id>) are feedback, not features.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  const at = segments.indexOf('features');
  const id = at === -1 ? undefined : segments[at + 1];
  if (!id || !FEATURE_ID.test(id)) return null;
  const key = id.toLowerCase();
  return entity(key, `${url.origin}/entity-detail/features/${key}`);
}

const TITLE_SELECTORS = ['[data-testid="feature-name"]', '[data-testid="entity-name"]', 'h1'];

export const productboard: SiteAdapter = {
  site: 'productboard',
  kind: 'ticket',
  matches: ['https://*.productboard.com/*'],
  hosts: /^(?!api\.)[a-z0-9-]+\.productboard\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[|–-]\s+Productboard$/i])),
  linkSelector: 'a[href*="/features/"]',
};
