// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { linear } from '../../lib/sites/linear';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://linear.app/acme/team/ENG/active');

describe('Linear adapter', () => {
  describe('recognises an issue with or without its slug', () => {
    it.each([
      [
        'https://linear.app/acme/issue/ENG-42/make-the-sidebar-resizable',
        'ENG-42',
        'https://linear.app/acme/issue/ENG-42',
      ],
      ['https://linear.app/acme/issue/ENG-42', 'ENG-42', 'https://linear.app/acme/issue/ENG-42'],
      ['https://linear.app/prix/issue/rush-3125', 'RUSH-3125', 'https://linear.app/prix/issue/RUSH-3125'],
      [
        'https://linear.app/speckle/issue/CNX-1482/wall-sweeps-published-duplicated#comment-1a2b',
        'CNX-1482',
        'https://linear.app/speckle/issue/CNX-1482',
      ],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'linear', key, url });
    });
  });

  describe('ignores pages that are not one issue', () => {
    it.each([
      'https://linear.app/acme/team/ENG/active',
      'https://linear.app/acme/project/billing-revamp-3f2a1b',
      'https://linear.app/acme/issue/new',
      'https://linear.app/acme/issue/42',
      'https://linear.app/docs/github',
      'https://api.linear.app/acme/issue/ENG-1',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the issue title field as the title', () => {
    const page = entityOnPage(new URL('https://linear.app/acme/issue/ENG-42/x'), loadFixture('linear-issue.html'));
    expect(page).toEqual({
      site: 'linear',
      key: 'ENG-42',
      url: 'https://linear.app/acme/issue/ENG-42',
      title: 'Make the sidebar resizable',
      kind: 'ticket',
    });
  });

  it('falls back to the document title without the issue id', () => {
    expect(linear.titleFrom(documentTitled('ENG-42 Make the sidebar resizable'), 'ENG-42')).toBe(
      'Make the sidebar resizable',
    );
    expect(linear.titleFrom(documentTitled('Fix login redirect | Linear'), 'ENG-41')).toBe('Fix login redirect');
  });

  it('finds exactly the issue links on a list and a board, whose rows and cards are the anchors', () => {
    const doc = loadFixture('linear-list.html');
    const links = entityLinksIn(doc, linear.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['ENG-41', 'ENG-42', 'DES-7']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
    expect(entityLinksIn(doc, 'a[data-list-key], a[data-board-item]', base.href)).toEqual(links);
  });

  it('badges every tracked issue up front only on issue lists, boards, views, projects and inboxes', () => {
    const listed = (path: string) => isListPage(linear, new URL(`https://linear.app${path}`));
    // Projects as linked in public plans ('linear.app/agents-research/project/chatty-bugs-ddd8cae74a17');
    // linear.app's own pages ('/docs/github', linked from public READMEs) are no workspace.
    for (const path of [
      '/acme/team/ENG/active',
      '/acme/team/ENG/all',
      '/acme/team/ENG/backlog',
      '/acme/team/ENG/cycle/current',
      '/acme/view/open-bugs-1a2b3c',
      '/agents-research/project/chatty-bugs-ddd8cae74a17',
      '/acme/my-issues/assigned',
      '/acme/inbox',
    ]) {
      expect(listed(path), path).toBe(true);
    }
    for (const path of [
      '/acme/settings/account',
      '/docs/github',
      '/changelog',
      '/pricing',
      '/acme/projects/all',
      '/',
    ]) {
      expect(listed(path), path).toBe(false);
    }
  });
});
