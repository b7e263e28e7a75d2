import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

const NUMERIC_ID = /^[0-9]{1,20}$/;
/** A report's saved state, as Mixpanel writes it after '#': twelve URL-safe characters. */
const REPORT_SLUG = /^[0-9A-Za-z_-]{12}$/;
const APP = /^[a-z-]{1,30}$/;

interface ReportPath {
  project: string;
  /** '/view/<workspace>' or '' */
  view: string;
  app: string;
}

/** /project/<pid>[/view/<wid>]/app/<app>, or the legacy /report/<pid>[/view/<wid>]/<app>. */
function reportPath(segments: string[]): ReportPath | null {
  const [root, project, ...rest] = segments;
  if ((root !== 'project' && root !== 'report') || !project || !NUMERIC_ID.test(project)) return null;
  let view = '';
  if (rest[0] === 'view') {
    const workspace = rest[1];
    if (!workspace || !NUMERIC_ID.test(workspace)) return null;
    view = `/view/${workspace}`;
    rest.splice(0, 2);
  }
  if (root === 'project') {
    if (rest[0] !== 'app') return null;
    rest.shift();
  }
  const [app] = rest;
  if (!app || rest.length !== 1 || !APP.test(app)) return null;
  return { project, view, app };
}

/** A saved report's id in the fragment: 'report/123/title', 'segmentation-report/9', funnels' 'view/456'. */
function bookmarkId(fragment: string): string | null {
  const match = /^(?:report|segmentation-report|view)\/([0-9]{1,20})(?:\/|$)/.exec(fragment);
  return match?.[1] ?? null;
}

/**
 * Boards (#id=<board>) and reports (insights, funnels, retention, flows, impact ...) on the US,
 * EU and India hosts, in the forms of Mixpanel's own URL grammar (mixpanel/mixpanel-headless,
 * specs/045-report-links/contracts/url-grammar.md). Keys: 'project/<pid>/board/<id>',
 * 'project/<pid>/report/<id>' for a saved report, 'project/<pid>/<app>/<slug>' for a report state
 * not saved as such. By decision, no entity: a short link (/s/<code>), which Mixpanel's server
 * redirects to the full address, where the panel shows; a public board (/p/<token>,
 * /public/<token>), a read-only copy for anyone with the link, outside the team's project and
 * named by a token, not the board's id.
 */
function entityFromUrl(url: URL) {
  const path = reportPath(pathSegments(url));
  if (path === null) return null;
  const base = `${url.origin}/project/${path.project}${path.view}/app/${path.app}`;
  const fragment = url.hash.replace(/^#/, '');
  if (path.app === 'boards') {
    const board = new URLSearchParams(fragment).get('id');
    if (!board || !NUMERIC_ID.test(board)) return null;
    return entity(`project/${path.project}/board/${board}`, `${base}#id=${board}`);
  }
  const bookmark = bookmarkId(fragment);
  if (bookmark !== null) {
    const route = path.app === 'funnels' ? 'view' : 'report';
    return entity(`project/${path.project}/report/${bookmark}`, `${base}#${route}/${bookmark}`);
  }
  if (REPORT_SLUG.test(fragment)) {
    return entity(`project/${path.project}/${path.app}/${fragment}`, `${base}#${fragment}`);
  }
  return null;
}

const TITLE_SELECTORS = ['[data-testid="report-name"]', '[data-testid="board-title"]', 'h1'];

export const mixpanel: SiteAdapter = {
  site: 'mixpanel',
  kind: 'analytics',
  matches: ['https://mixpanel.com/*', 'https://eu.mixpanel.com/*', 'https://in.mixpanel.com/*'],
  hosts: /^(?:(?:eu|in)\.)?mixpanel\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[|–-]\s+Mixpanel$/i])),
  linkSelector: 'a[href*="/project/"], a[href*="/report/"]',
};
