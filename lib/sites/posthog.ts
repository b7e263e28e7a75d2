import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle } from './text';

const NUMERIC_ID = /^[0-9]{1,20}$/;
/** Insights are addressed by a short id such as 'aX9k2Lp' or '25PU8gZi'. */
const SHORT_ID = /^[A-Za-z0-9]{5,20}$/;

/**
 * /project/<pid>/insights/<short id>[/edit|/sharing|...] and /project/<pid>/dashboard/<id>[/...], on
 * PostHog Cloud (us., eu., app.) or a self-hosted instance added as a custom domain. A short id is
 * unique within its project only, so the key keeps the project. Forms that name no entity, by decision
 * (routes from PostHog/posthog frontend/src/scenes/urls.ts and lib/utils/router-utils tests):
 * - /insights/<short id> and /dashboard/<id> without the project, as older links and docs have them:
 *   PostHog's app rewrites them to /project/<current>/... (addProjectIdIfMissing) at once, and the
 *   panel shows when the address changes; read alone they cannot say which project's insight it is.
 * - /project/phc_<key>/...: a project's API key in place of its id, which is not the id the key needs.
 * - /shared/<token>, /embedded/<token> and the older /shared_dashboard/<token>: a public, read-only
 *   copy that anyone with the link may open, outside the team's workspace and named by a revocable
 *   token, not the insight's id; tagging it would file the same chart twice, so no panel there.
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
