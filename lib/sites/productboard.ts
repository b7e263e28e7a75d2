import type { SiteAdapter } from './types';
import { entity, pathSegments, safeDecode } from './url-parts';
import { pickTitle, stripAll } from './text';

/** Feature ids are numeric on older workspaces and UUIDs on newer ones. */
const FEATURE_ID = /^(?:[0-9]{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const NUMERIC_ID = /^[0-9]{1,20}$/;
/** An entity in the public API's terms, as base64 in its 'links.html' address: '1:PmEntity:<uuid>'. */
const PM_ENTITY = /^1:PmEntity:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The id a /detail/<token> address names: a numeric id, or the uuid inside the base64 token. */
function detailId(raw: string): string | null {
  const token = safeDecode(raw) ?? '';
  if (NUMERIC_ID.test(token)) return token;
  if (!/^[A-Za-z0-9+/]{60,80}={0,2}$/.test(token)) return null;
  try {
    return PM_ENTITY.exec(atob(token))?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * A feature opened from anywhere: /entity-detail/features/<id>, or a board's
 * /roadmap/<board>/features/<id>/detail and /feature-board/<board>/features/<id>/detail; and
 * the public API's own link to any entity, /detail/<token> ('links.html' in its v2 answers:
 * pantheon.productboard.com/detail/30103699, leanix.productboard.com/detail/MTpQbUVudGl0eTph...),
 * keyed by the uuid inside it as /entity-detail/ is. Notes (/all-notes/notes/<id>) are
 * feedback, not features. A public portal's card (portal.productboard.com/<org>/<portal>/c/<card>)
 * is read by customers, outside the team's workspace, under another id: no panel there.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  if (segments[0] === 'detail' && segments.length === 2) {
    const id = detailId(segments[1] ?? '');
    return id === null ? null : entity(id.toLowerCase(), `${url.origin}/detail/${segments[1]}`);
  }
  const at = segments.indexOf('features');
  const id = at === -1 ? undefined : segments[at + 1];
  if (!id || !FEATURE_ID.test(id)) return null;
  const key = id.toLowerCase();
  return entity(key, `${url.origin}/entity-detail/features/${key}`);
}

/**
 * Roadmaps and feature boards (/roadmap/<board>, /feature-board/<board>), where features show by
 * the dozen; not notes, settings, the public portal or the marketing site.
 */
export const LIST_PAGES = /^\/(?:roadmap|feature-board)(?:\/|$)/;

const TITLE_SELECTORS = ['[data-testid="feature-name"]', '[data-testid="entity-name"]', 'h1'];

export const productboard: SiteAdapter = {
  site: 'productboard',
  kind: 'ticket',
  matches: ['https://*.productboard.com/*'],
  hosts: /^(?!api\.)[a-z0-9-]+\.productboard\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[|–-]\s+Productboard$/i])),
  linkSelector: 'a[href*="/features/"], a[href*="/detail/"]',
};
