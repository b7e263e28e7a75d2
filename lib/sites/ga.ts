import type { SiteAdapter } from './types';
import { MAX_URL_LENGTH, entity, fragmentRoute, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

/** 'p123', or with the account (and a legacy web property) before it: 'a1p123', 'a1w2p123'. */
const PROPERTY = /^(?:a[0-9]{1,15}(?:w[0-9]{1,15})?)?p([1-9][0-9]{0,14})$/;
const REPORT_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** Report pages that are containers: which report they show is in their 'r' parameter. */
const CONTAINERS = new Set(['explorer', 'dashboard']);

/**
 * Google Analytics 4 keeps its route in the fragment:
 *   #/p123/reports/intelligenthome                       key 'p123/reports/intelligenthome'
 *   #/a1p123/reports/explorer?params=...&r=user-acquisition  key 'p123/reports/user-acquisition'
 *   #/analysis/p123/edit/<exploration id>                key 'p123/analysis/<id>'
 * Admin, realtime and an explorer without a report are not entities.
 */
function entityFromUrl(url: URL) {
  const [root, web] = pathSegments(url);
  if (root !== 'analytics' || web !== 'web') return null;
  const { path, query } = fragmentRoute(url);
  const home = `${url.origin}/analytics/web/`;

  if (path[0] === 'analysis') {
    const property = PROPERTY.exec(path[1] ?? '')?.[1];
    const exploration = path[3];
    if (!property || path[2] !== 'edit' || !exploration || !REPORT_ID.test(exploration)) return null;
    return entity(`p${property}/analysis/${exploration}`, `${home}#/analysis/p${property}/edit/${exploration}`);
  }

  const property = PROPERTY.exec(path[0] ?? '')?.[1];
  const page = path[2];
  if (!property || path[1] !== 'reports' || !page || !REPORT_ID.test(page)) return null;
  if (!CONTAINERS.has(page)) {
    return entity(`p${property}/reports/${page}`, `${home}#/p${property}/reports/${page}`);
  }
  const report = query.get('r');
  if (!report || !REPORT_ID.test(report)) return null;
  // A container report needs its own parameters to open as it was: keep the fragment whole when it fits.
  // Not the query before it: ?authuser=1 is one browser's order of signed-in Google accounts, and
  // utm_* are where the link came from.
  const whole =
    home.length + url.hash.length <= MAX_URL_LENGTH
      ? home + url.hash
      : `${home}#/p${property}/reports/${page}?r=${report}`;
  return entity(`p${property}/reports/${report}`, whole);
}

const TITLE_SELECTORS = ['[data-guidedhelpid="report-title"]', '.gmp-header-title', '.page-title', 'h1'];

export const ga: SiteAdapter = {
  site: 'ga',
  kind: 'analytics',
  matches: ['https://analytics.google.com/*'],
  hosts: /^analytics\.google\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) =>
    pickTitle(doc, key, TITLE_SELECTORS, (title) =>
      stripAll(title, [/\s+[|–-]\s+(?:Google\s+)?Analytics$/i, /^(?:Google\s+)?Analytics\s+[|–-]\s+/i]),
    ),
  linkSelector: 'a[href*="#/"]',
};
