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

/**
 * Jira Cloud and Data Center. An issue is named by /browse/KEY-1 (after an optional
 * context path on Data Center), by the issue navigator's /issues/KEY-1, or by the
 * selectedIssue parameter that boards, backlogs, lists, timelines and Jira Product
 * Discovery views carry while an issue or idea is open beside them.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  if (segments[0] === 'wiki') return null;
  for (let i = 0; i < segments.length - 1; i++) {
    const marker = segments[i];
    if (marker !== 'browse' && marker !== 'issues') continue;
    const key = issueKey(segments[i + 1]);
    if (key === null) continue;
    const contextPath = marker === 'browse' && i > 0 ? `/${segments.slice(0, i).join('/')}` : '';
    return entity(key, `${url.origin}${contextPath}/browse/${key}`);
  }
  const selected = issueKey(url.searchParams.get('selectedIssue'));
  return selected === null ? null : entity(selected, `${url.origin}/browse/${selected}`);
}

const SUMMARY_SELECTORS = [
  '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  '[data-test-id="issue.views.issue-base.foundation.summary.heading"]',
  '#summary-val',
  'h1',
];

/** '[ABC-12] Summary - Jira' (Cloud) or '[ABC-12] Summary - Acme JIRA' (Data Center). */
function cleanDocumentTitle(title: string, key: string): string {
  return stripAll(title, [/\s+[-–|]\s+[^-–|]*\bjira\b[^-–|]*$/i, new RegExp(`^\\[${escapeRegExp(key)}\\]\\s*`, 'i')]);
}

export const jira: SiteAdapter = {
  site: 'jira',
  kind: 'ticket',
  matches: ['https://*.atlassian.net/*'],
  hosts: /^[a-z0-9-]+\.atlassian\.net$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, SUMMARY_SELECTORS, (title) => cleanDocumentTitle(title, key)),
  linkSelector: 'a[href*="/browse/"], a[href*="/issues/"], a[href*="selectedIssue="]',
};
