// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { github } from '../../lib/sites/github';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://github.com/octo-org/octo-app/issues');

describe('GitHub adapter', () => {
  describe('recognises issues, pull requests and the issue pane of GitHub Projects', () => {
    it.each([
      [
        'https://github.com/octo-org/octo-app/issues/42',
        'octo-org/octo-app#42',
        'https://github.com/octo-org/octo-app/issues/42',
      ],
      [
        'https://github.com/Octo-Org/Octo-App/issues/42#issuecomment-1',
        'octo-org/octo-app#42',
        'https://github.com/octo-org/octo-app/issues/42',
      ],
      [
        'https://github.com/octo-org/octo-app/pull/5',
        'octo-org/octo-app#5',
        'https://github.com/octo-org/octo-app/pull/5',
      ],
      [
        'https://github.com/octo-org/octo-app/pull/5/files',
        'octo-org/octo-app#5',
        'https://github.com/octo-org/octo-app/pull/5',
      ],
      [
        'https://github.com/octo-org/my.repo_v2/pull/17/commits',
        'octo-org/my.repo_v2#17',
        'https://github.com/octo-org/my.repo_v2/pull/17',
      ],
      [
        'https://github.com/orgs/octo-org/projects/3/views/1?pane=issue&itemId=123799890&issue=octo-org%7Cocto-app%7C39',
        'octo-org/octo-app#39',
        'https://github.com/octo-org/octo-app/issues/39',
      ],
      [
        'https://github.com/users/joeldom/projects/9/views/1?pane=issue&itemId=123799890&issue=joeldom%7CEXO%7C1',
        'joeldom/exo#1',
        'https://github.com/joeldom/exo/issues/1',
      ],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'github', key, url });
    });
  });

  describe('ignores lists, forms and everything else', () => {
    it.each([
      'https://github.com/octo-org/octo-app/issues',
      'https://github.com/octo-org/octo-app/pulls',
      'https://github.com/octo-org/octo-app/issues/new',
      'https://github.com/octo-org/octo-app/issues/new/choose',
      'https://github.com/octo-org/octo-app/pull/new/my-branch',
      'https://github.com/octo-org/octo-app/issues/0',
      'https://github.com/octo-org/octo-app',
      'https://github.com/orgs/octo-org/projects/3/views/1?pane=issue&itemId=29632592',
      'https://github.com/orgs/octo-org/projects/3?pane=issue&itemId=1&issue=octo-org%7Cocto-app%7C39%7Cextra',
      'https://github.com/settings/profile/issues/1',
      'https://gist.github.com/octo-org/octo-app/issues/1',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  // Real paths from refined-github/github-url-detection, index.ts (its addTests lists and the
  // "gotcha" URLs of isRepo), checked against isRepoIssueList, isRepoTaxonomyIssueOrPRList,
  // isGlobalIssueList, isGlobalPRList, isNewIssue, isNewDiscussion and isDiscussion.
  describe('takes issue and pull-request lists for list pages', () => {
    it.each([
      'https://github.com/sindresorhus/refined-github/issues',
      'https://github.com/sindresorhus/refined-github/issues/fregante',
      'https://github.com/sindresorhus/refined-github/issues/newton',
      'https://github.com/refined-github/refined-github/issues/views/4537',
      'https://github.com/sindresorhus/refined-github/issues/wptemplates',
      'https://github.com/sindresorhus/refined-github/issues?q=is%3Aclosed+sort%3Aupdated-desc',
      'https://github.com/sindresorhus/refined-github/pulls?q=is%3Aopen+is%3Apr',
      'https://github.com/sindresorhus/refined-github/labels/implemented%20by%20github',
      'https://github.com/sindresorhus/refined-github/milestones/1',
      'https://github.com/kubernetes/kubernetes/milestone/56',
      'https://github.com/issues/assigned',
      'https://github.com/pulls/review-requested',
      'https://github.com/orgs/RSSNext/projects/3',
      'https://github.com/tophf/mpiv/discussions',
    ])('%s', (href) => {
      expect(isListPage(github, new URL(href))).toBe(true);
    });
  });

  describe('takes forms, editors and single discussions for neither ticket nor list', () => {
    it.each([
      'https://github.com/sindresorhus/refined-github/issues/new',
      'https://github.com/sindresorhus/refined-github/issues/new/choose',
      'https://github.com/sindresorhus/refined-github/issues/templates/edit',
      'https://github.com/refined-github/refined-github/issues/views',
      'https://github.com/sindresorhus/refined-github/milestones/new',
      'https://github.com/sindresorhus/refined-github/milestones/1/edit',
      'https://github.com/withastro/roadmap/discussions/new?category=proposal',
      'https://github.com/tophf/mpiv/discussions/50',
      'https://github.com/sindresorhus/refined-github/compare/master...branch-name?quick_pull=1',
    ])('%s', (href) => {
      const url = new URL(href);
      expect(github.entityFromUrl(url)).toBeNull();
      expect(isListPage(github, url)).toBe(false);
    });
  });

  it('reads the issue title', () => {
    const page = entityOnPage(
      new URL('https://github.com/octo-org/octo-app/issues/42'),
      loadFixture('github-issue.html'),
    );
    expect(page).toEqual({
      site: 'github',
      key: 'octo-org/octo-app#42',
      url: 'https://github.com/octo-org/octo-app/issues/42',
      title: 'Dark mode ignores system setting',
      kind: 'ticket',
    });
  });

  describe('reads the title from the element that holds it alone, never the heading around it', () => {
    it.each([
      ['github-pull.html', 'https://github.com/octo-org/octo-app/pull/4321', 'Add theme switcher'],
      [
        'github-issue-legacy.html',
        'https://github.com/octo-org/octo-app/issues/42',
        'Dark mode ignores system setting',
      ],
    ])('%s', (fixture, href, title) => {
      expect(entityOnPage(new URL(href), loadFixture(fixture))?.title).toBe(title);
    });

    it('takes the document title over a heading that is not the title', () => {
      const doc = documentTitled('Add theme switcher by octocat · Pull Request #4321 · octo-org/octo-app');
      doc.body.innerHTML = '<h1>Add theme switcher<span>#4321</span></h1>';
      expect(github.titleFrom(doc, 'octo-org/octo-app#4321')).toBe('Add theme switcher');
    });
  });

  it('falls back to the document title without the issue or pull request decoration', () => {
    expect(
      github.titleFrom(documentTitled('Dark mode ignores system setting · Issue #42 · octo-org/octo-app'), 'k'),
    ).toBe('Dark mode ignores system setting');
    expect(
      github.titleFrom(
        documentTitled('Add theme switcher by octocat · Pull Request #40 · octo-org/octo-app · GitHub'),
        'k',
      ),
    ).toBe('Add theme switcher');
  });

  it('keeps a "by" that is part of an issue title: only a pull request’s document title names its author', () => {
    // Title forms after refined-github source/github-helpers/index.ts (prTitleExtractionRegex).
    expect(github.titleFrom(documentTitled('Sort by name · Issue #7 · octo-org/octo-app'), 'k')).toBe('Sort by name');
    expect(
      github.titleFrom(documentTitled('Sort by name by dependabot[bot] · Pull Request #8 · octo-org/octo-app'), 'k'),
    ).toBe('Sort by name');
  });

  it('finds exactly the issue and pull request links on an issues list', () => {
    const doc = loadFixture('github-issues-list.html');
    const links = entityLinksIn(doc, github.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual([
      'octo-org/octo-app#42',
      'octo-org/octo-app#41',
      'octo-org/octo-app#40',
      'octo-org/octo-app#39',
    ]);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });

  it('works on GitHub Enterprise Server added as a custom domain, keeping its own host', () => {
    const customDomains = [{ origin: 'https://git.example.com/*', site: 'github' as const }];
    expect(entityLinkFromHref('https://git.example.com/platform/api/pull/9', base, customDomains)).toEqual({
      site: 'github',
      key: 'platform/api#9',
      url: 'https://git.example.com/platform/api/pull/9',
    });
    expect(entityLinkFromHref('https://git.example.com/platform/api/pull/9', base)).toBeNull();
  });
});
