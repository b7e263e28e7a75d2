import type { SiteAdapter } from './types';
import { entity, pathSegments, safeDecode } from './url-parts';
import { escapeRegExp, pickTitle, stripAll } from './text';

/** Project key (a letter, then letters, digits or underscores), a dash, the issue number. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,49}-[0-9]{1,12}$/;

function issueKey(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  const decoded = safeDecode(candidate);
  return decoded !== null && ISSUE_KEY.test(decoded) ? decoded.toUpperCase() : null;
}

/** The context path in front of a route ('/jira' on Data Center), without Cloud's own 'jira/servicedesk'. */
function contextPath(before: string[]): string {
  const path = before.join('/').replace(/(?:^|\/)(?:jira\/)?servicedesk$/, '');
  return path === '' ? '' : `/${path}`;
}

/**
 * The issue key a path names, and the context path before its route:
 *   /browse/KEY-1, after an optional Data Center context path;
 *   /issues/KEY-1, the issue navigator (also /projects/KEY/issues/KEY-1: bitcrowd/tickety-tick
 *     src/core/adapters/jira-server.ts);
 *   .../queues/custom/1/KEY-1, a Jira Service Management request opened in its queue: on Cloud under
 *     /jira/servicedesk/projects/KEY, on Data Center under [context]/projects/KEY (queue links in public
 *     code found for issue 19; the forms are in test/sites/jira.test.ts with their sources);
 *   /servicedesk/customer/portal/2/KEY-1, the same request in the customer portal (the request's
 *     `_links.web` in Atlassian's Service Management REST API): one issue, so the issue's key and address.
 */
function keyInPath(segments: string[]): { key: string; context: string } | null {
  for (let i = 0; i < segments.length - 1; i++) {
    const marker = segments[i];
    if (marker === 'browse' || marker === 'issues') {
      const key = issueKey(segments[i + 1]);
      if (key !== null) return { key, context: marker === 'browse' ? contextPath(segments.slice(0, i)) : '' };
    } else if (marker === 'portal' && segments[i - 1] === 'customer') {
      const key = issueKey(segments[i + 2]);
      if (key !== null) return { key, context: contextPath(segments.slice(0, Math.max(0, i - 2))) };
    } else if (marker === 'queues') {
      const key = issueKey(segments[segments.length - 1]);
      const projects = Math.max(0, segments.lastIndexOf('projects', i));
      if (key !== null) return { key, context: contextPath(segments.slice(0, projects)) };
    }
  }
  return null;
}

/**
 * Jira Cloud, Data Center and Service Management: an issue in its path (see keyInPath), or in the
 * selectedIssue parameter that boards, backlogs, lists, timelines and Jira Product Discovery views
 * carry while an issue or idea is open beside them.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  if (segments[0] === 'wiki') return null;
  const named = keyInPath(segments);
  if (named !== null) return entity(named.key, `${url.origin}${named.context}/browse/${named.key}`);
  const selected = issueKey(url.searchParams.get('selectedIssue'));
  return selected === null ? null : entity(selected, `${url.origin}/browse/${selected}`);
}

/**
 * Cloud's summary heading; Data Center's #summary-val unless it is being edited inline, when it holds
 * the edit form and its Save and Cancel buttons (bitcrowd/tickety-tick src/common/adapters/jira.test.js);
 * a classic board's detail view (toggl/track-extension src/content/atlassian.js). No bare h1: on a board
 * that is the board's name.
 */
const SUMMARY_SELECTORS = [
  '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  '[data-test-id="issue.views.issue-base.foundation.summary.heading"]',
  '#summary-val:not(.active)',
  '#ghx-detail-issue [data-field-id="summary"]',
];

/**
 * '[ABC-12] Summary - Jira' (Cloud), '[OPS-5] Summary - Acme JIRA' (Data Center), '... - Jira Service
 * Desk'; a title without the issue's key in front is some other page's (a board's), so no title.
 */
function cleanDocumentTitle(title: string, key: string): string {
  const prefix = new RegExp(`^\\[${escapeRegExp(key)}\\]\\s*`, 'i');
  return prefix.test(title) ? stripAll(title, [/\s+[-–|]\s+[^-–|]*\bjira\b[^-–|]*$/i, prefix]) : '';
}

/**
 * Boards, backlogs, lists, timelines, calendars and issue navigators of Cloud projects (software, work
 * management, Service Management queues, Product Discovery ideas: the forms in test/sites/jira.test.ts),
 * shared Product Discovery views, plans, the global navigator, Your work; Data Center's RapidBoard and
 * /projects/KEY/issues (bitcrowd/tickety-tick src/core/adapters/jira-server.ts). Not settings, admin,
 * dashboards or Confluence under /wiki on the same host.
 */
export const LIST_PAGES =
  /^(?!\/wiki(?:\/|$))(?:\/[^/]+)*?\/(?:projects\/[^/]+\/(?:boards?|backlog|list|issues|timeline|calendar|queues|ideas|views)(?:\/|$)|issues\/?$|secure\/RapidBoard\.jspa$|plans\/|discovery\/share\/views\/|your-work$|for-you$)/;

export const jira: SiteAdapter = {
  site: 'jira',
  kind: 'ticket',
  matches: ['https://*.atlassian.net/*'],
  hosts: /^[a-z0-9-]+\.atlassian\.net$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, SUMMARY_SELECTORS, (title) => cleanDocumentTitle(title, key)),
  linkSelector: 'a[href*="/browse/"], a[href*="/issues/"], a[href*="/queues/"], a[href*="selectedIssue="]',
};
