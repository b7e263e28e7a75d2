import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../lib/sites/index';
import { github } from '../../lib/sites/github';
import { jira } from '../../lib/sites/jira';
import { LIST_PAGES, isListPage } from '../../lib/sites/list-pages';

describe('which sites name their list pages', () => {
  it('has every tracker name its lists and boards, and no analytics tool (its pages naming no chart are lists)', () => {
    for (const adapter of ADAPTERS) {
      if (adapter.kind === 'ticket') expect(LIST_PAGES[adapter.site], adapter.site).toBeInstanceOf(RegExp);
      else expect(LIST_PAGES[adapter.site], adapter.site).toBeUndefined();
    }
  });
});

describe('isListPage (which pages hold every tracked badge up front)', () => {
  const page = (adapter: typeof jira, path: string) =>
    isListPage(adapter, new URL(`https://${adapter === jira ? 'acme.atlassian.net' : 'github.com'}${path}`));

  it('takes a Jira board, Your work and the issue navigator for lists (the rest in test/sites/jira.test.ts)', () => {
    expect(page(jira, '/jira/software/projects/ABC/boards/1')).toBe(true);
    expect(page(jira, '/jira/your-work')).toBe(true);
    expect(page(jira, '/issues/?jql=project%3DABC')).toBe(true);
  });

  it('never takes a page that names an entity for a list', () => {
    expect(page(jira, '/browse/ABC-12')).toBe(false);
    expect(page(jira, '/jira/software/projects/ABC/boards/1?selectedIssue=ABC-12')).toBe(false);
    expect(page(github, '/acme/app/issues/42')).toBe(false);
    expect(page(github, '/acme/app/pull/7')).toBe(false);
  });

  it('on GitHub, takes issue and pull-request lists, searches, the inbox and project boards for lists', () => {
    for (const path of [
      '/acme/app/issues',
      '/acme/app/issues?q=is%3Aopen',
      '/acme/app/pulls',
      '/acme/app/milestone/3',
      '/acme/app/labels/bug',
      '/acme/app/projects',
      '/issues',
      '/pulls',
      '/notifications',
      '/search',
      '/orgs/acme/projects/4',
      '/users/octocat/projects/1/views/2',
    ]) {
      expect(page(github, path), path).toBe(true);
    }
  });

  it('on GitHub, does not take code, commits, a repository’s home or settings for lists', () => {
    for (const path of [
      '/acme/app',
      '/acme/app/blob/main/README.md',
      '/acme/app/tree/main/src',
      '/acme/app/commits/main',
      '/acme/app/settings',
      '/acme',
      '/acme/issues-tracker',
    ]) {
      expect(page(github, path), path).toBe(false);
    }
  });
});
