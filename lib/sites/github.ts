import type { SiteAdapter } from './types';
import { entity, pathSegments } from './url-parts';
import { pickTitle, stripAll } from './text';

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const NUMBER = /^[1-9][0-9]{0,9}$/;

/** First path segments that are GitHub's own pages, never an owner. */
const RESERVED_OWNERS = new Set([
  'orgs',
  'users',
  'settings',
  'marketplace',
  'notifications',
  'search',
  'topics',
  'sponsors',
  'apps',
  'features',
  'login',
  'logout',
  'explore',
  'collections',
  'enterprise',
  'organizations',
  'codespaces',
  'pulls',
  'issues',
  'new',
  'about',
  'pricing',
  'security',
  'trending',
  'dashboard',
  'account',
  'site',
  'contact',
  'stars',
  'watching',
  'github-copilot',
  'copilot',
]);

function reference(owner: string, repo: string, number: string, path: 'issues' | 'pull', origin: string) {
  if (!OWNER.test(owner) || RESERVED_OWNERS.has(owner.toLowerCase())) return null;
  if (!REPO.test(repo) || repo === '.' || repo === '..' || !NUMBER.test(number)) return null;
  const slug = `${owner}/${repo}`.toLowerCase();
  return entity(`${slug}#${number}`, `${origin}/${slug}/${path}/${number}`);
}

/**
 * Issues and pull requests share one number space per repository, so both give the key
 * 'owner/repo#42' (lower-cased: GitHub names are case-insensitive). A GitHub Projects
 * view with an issue open in its side pane names it in the 'issue' parameter as
 * 'owner|repo|42'.
 */
function entityFromUrl(url: URL) {
  const segments = pathSegments(url);
  const [first, second, third, fourth] = segments;
  if (!first || !second) return null;
  if ((first === 'orgs' || first === 'users') && third === 'projects') {
    const pane = (url.searchParams.get('issue') ?? '').split('|');
    if (pane.length !== 3) return null;
    const [owner = '', repo = '', number = ''] = pane;
    return reference(owner, repo, number, 'issues', url.origin);
  }
  if ((third === 'issues' || third === 'pull') && fourth) {
    return reference(first, second, fourth, third, url.origin);
  }
  return null;
}

/**
 * Issue and pull-request lists (a repository's, everyone's, a search's, the inbox), project
 * boards, a milestone's or a label's issues, discussion lists. Not code, commits, wikis or
 * settings: browsing a repository's code is most of GitHub, and such a page has few issue
 * links, if any. Nor the forms under those paths, which are neither ticket nor list: new
 * issue (/issues/new, /issues/new/choose), issue template editor (/issues/templates/edit),
 * the saved-views index (/issues/views), a new milestone or discussion, a milestone's editor,
 * a single discussion. Paths after github-url-detection's isRepoIssueList,
 * isRepoTaxonomyIssueOrPRList, isGlobalIssueList, isNewIssue and isNewDiscussion
 * (refined-github/github-url-detection, index.ts): /issues/newton and /issues/views/4537 are lists.
 */
export const LIST_PAGES = /* @__PURE__ */ new RegExp(
  '^/(?:(?:issues|pulls|notifications|search)(?:/|$)|(?:orgs|users)/[^/]+/projects(?:/|$)|[^/]+/[^/]+/' +
    '(?:issues(?:/?$|/(?!(?:[0-9]+|new|templates)(?:/|$)|views/?$))|pulls(?:/|$)|labels/.|milestones?/[0-9]+/?$|' +
    'projects(?:/|$)|discussions(?:/?$|/categories/)))',
);

/**
 * Only elements that hold the title alone: the React issue view's title
 * ([data-testid="issue-title"]), the React pull-request header's title span
 * (h1[data-component="PH_Title"] .markdown-title, see toggl/track-extension src/content/github.js
 * and refined-github's sync-pr-commit-title.tsx), the older views' bdi.js-issue-title. Never a
 * bare h1: the pull-request header holds the number in it too ('Title#4321').
 */
const TITLE_SELECTORS = ['[data-testid="issue-title"]', 'h1 .markdown-title', '.js-issue-title'];

/**
 * 'Title · Issue #42 · owner/repo' or 'Title by octocat · Pull Request #5 · owner/repo · GitHub': only a
 * pull request's names its author, so 'by ...' is left in an issue's title.
 */
function cleanDocumentTitle(title: string): string {
  return stripAll(title, [/\s+·\s+GitHub$/, /(?:\s+·\s+Issue|\s+by\s+\S+\s+·\s+Pull Request)\s+#\d+\s+·\s+\S+$/]);
}

export const github: SiteAdapter = {
  site: 'github',
  kind: 'ticket',
  matches: ['https://github.com/*'],
  hosts: /^github\.com$/,
  entityFromUrl,
  titleFrom: (doc, key) => pickTitle(doc, key, TITLE_SELECTORS, cleanDocumentTitle),
  linkSelector: 'a[href*="/issues/"], a[href*="/pull/"], a[href*="issue="]',
};
