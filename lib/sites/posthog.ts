import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle } from './text';

const NUMERIC_ID = /^[0-9]{1,20}$/;
/** Insights are addressed by a short id such as 'aX9k2Lp' or '25PU8gZi'. */
const SHORT_ID = /^[A-Za-z0-9]{5,20}$/;

/**
 * /project/<pid>/insights/<short id>[/edit] and /project/<pid>/dashboard/<id>, on
 * PostHog Cloud (us., eu., app.) or a self-hosted instance added as a custom domain.
 */
function entityFromUrl(url: URL) {
  const [root, project, type, id] = pathSegments(url);
  if (root !== 'project' || !project || !NUMERIC_ID.test(project) || !id) return null;
  const valid =
    (type === 'insights' && id !== 'new' && SHORT_ID.test(id)) || (type === 'dashboard' && NUMERIC_ID.test(id));
  if (!valid) return null;
  const key = `project/${project}/${type}/${id}`;
  return entity(key, `${url.origin}/${key}`);
}

const TITLE_SELECTORS = ['[data-attr="insight-name"]', '[data-attr="dashboard-name"]', 'h1'];

/** PostHog joins its breadcrumbs, most specific first: 'Weekly signups • Product analytics • PostHog'. */
function cleanDocumentTitle(title: string): string {
  const [first = ''] = title.split(' • ');
  return first === 'PostHog' ? '' : first;
}

export const posthog: SiteAdapter = {
  site: 'posthog',
  kind: 'analytics',
  matches: ['https://us.posthog.com/*', 'https://eu.posthog.com/*', 'https://app.posthog.com/*'],
  hosts: /^(?:us|eu|app)\.posthog\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, TITLE_SELECTORS, cleanDocumentTitle),
  linkSelector: 'a[href*="/insights/"], a[href*="/dashboard/"]',
};
