import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

const ORG = /^[A-Za-z0-9_-]{1,100}$/;
/** Chart and dashboard ids: 'mccedr54', and EU ids carry an 'e-' prefix: 'e-knlpkj8m'. */
const OBJECT_ID = /^[A-Za-z0-9-]{3,40}$/;

/** What a saved object's address names; a notebook is a team's written analysis, kept like a dashboard. */
const TYPES = new Set(['chart', 'dashboard', 'notebook']);

/**
 * Charts, dashboards and notebooks, on the US (app.amplitude.com) and EU (app.eu.amplitude.com)
 * apps: /analytics/<org>/chart/<id>[/edit/<edit id>], /analytics/<org>/dashboard/<id> and
 * /analytics/<org>/notebook/<id> (app.amplitude.com/analytics/demo/notebook/ktbnqci9?source=copy+url,
 * a 'Copy URL' link in a public file). The older analytics.* hosts drop the '/analytics' prefix.
 * An unsaved chart (/chart/new/<edit id>) has no lasting identity yet. A public link
 * (/analytics/share/<token>, /analytics/share/embed/<token>, analytics.amplitude.com/share/<token>;
 * Amplitude's docs, analytics/share-external) is a read-only copy for people outside the
 * organization, named by a revocable token: no panel there.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  const prefixed = segments[0] === 'analytics';
  const [org, type = '', id] = prefixed ? segments.slice(1) : segments;
  if (!org || !ORG.test(org) || !TYPES.has(type)) return null;
  if (!id || id === 'new' || !OBJECT_ID.test(id)) return null;
  const key = `${type}/${id}`;
  return entity(key, `${url.origin}${prefixed ? '/analytics' : ''}/${org}/${key}`);
}

const TITLE_SELECTORS = ['[data-testid="chart-title"]', '[data-testid="dashboard-title"]', 'h1'];

export const amplitude: SiteAdapter = {
  site: 'amplitude',
  kind: 'analytics',
  matches: [
    'https://app.amplitude.com/*',
    'https://app.eu.amplitude.com/*',
    'https://analytics.amplitude.com/*',
    'https://analytics.eu.amplitude.com/*',
  ],
  hosts: /^(?:app|analytics)(?:\.eu)?\.amplitude\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, TITLE_SELECTORS, (title) => stripAll(title, [/\s+[|–-]\s+Amplitude$/i])),
  linkSelector: 'a[href*="/chart/"], a[href*="/dashboard/"], a[href*="/notebook/"]',
};
