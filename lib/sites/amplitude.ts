import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

const ORG = /^[A-Za-z0-9_-]{1,100}$/;
/** Chart and dashboard ids: 'mccedr54', and EU ids carry an 'e-' prefix: 'e-knlpkj8m'. */
const OBJECT_ID = /^[A-Za-z0-9-]{3,40}$/;

/**
 * Charts and dashboards, on the US (app.amplitude.com) and EU (app.eu.amplitude.com)
 * apps: /analytics/<org>/chart/<id>[/edit/<edit id>] and /analytics/<org>/dashboard/<id>.
 * The older analytics.* hosts drop the '/analytics' prefix. An unsaved chart
 * (/chart/new/<edit id>) has no lasting identity yet.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  const prefixed = segments[0] === 'analytics';
  const [org, type, id] = prefixed ? segments.slice(1) : segments;
  if (!org || !ORG.test(org) || (type !== 'chart' && type !== 'dashboard')) return null;
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
  linkSelector: 'a[href*="/chart/"], a[href*="/dashboard/"]',
};
