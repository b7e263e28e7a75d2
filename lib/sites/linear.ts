import type { SiteAdapter } from './types';
import { entity, pathSegments, safeDecode } from './url-parts';
import { escapeRegExp, pickTitle, stripAll } from './text';

/** Team key (a letter, then letters or digits), a dash, the issue number: ENG-123. */
const ISSUE_ID = /^[A-Za-z][A-Za-z0-9]{0,9}-[0-9]{1,10}$/;
const WORKSPACE = /^[A-Za-z0-9_-]{1,100}$/;

/** https://linear.app/<workspace>/issue/ENG-123/<optional-slug> */
function entityFromUrl(url: URL) {
  const [workspace, marker, rawId] = pathSegments(url);
  if (marker !== 'issue' || !workspace || !rawId || !WORKSPACE.test(workspace)) return null;
  const id = safeDecode(rawId);
  if (id === null || !ISSUE_ID.test(id)) return null;
  const key = id.toUpperCase();
  return entity(key, `${url.origin}/${workspace}/issue/${key}`);
}

const TITLE_SELECTORS = ['[aria-label="Issue title"]', '[data-testid="issue-title"]', 'h1'];

/**
 * A team's issues (/<workspace>/team/ENG/all, /active, /backlog, /triage), its cycles and views, custom
 * views (/<workspace>/view/<slug>), projects (/<workspace>/project/<slug-id>), My issues and the inbox.
 * Not settings, nor linear.app's own docs, changelog and marketing pages, whose first segment is no
 * workspace.
 */
export const LIST_PAGES =
  /^\/[^/]+\/(?:team\/[^/]+\/(?:all|active|backlog|triage|cycles?|views?|board)|view|project|my-issues|inbox)(?:\/|$)/;

export const linear: SiteAdapter = {
  site: 'linear',
  kind: 'ticket',
  matches: ['https://linear.app/*'],
  hosts: /^linear\.app$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) =>
      stripAll(title, [/\s+[-–|]\s+Linear$/i, new RegExp(`^${escapeRegExp(key)}\\b[\\s:–-]*`, 'i')]),
    ),
  linkSelector: 'a[href*="/issue/"]',
};
