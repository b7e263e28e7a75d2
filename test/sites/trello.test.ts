// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { trello } from '../../lib/sites/trello';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://trello.com/b/Xy12Ab34/website');

describe('Trello adapter', () => {
  describe('recognises a card by its short link, keeping its case', () => {
    it.each([
      ['https://trello.com/c/AbCd1234/12-redesign-pricing-page', 'AbCd1234'],
      ['https://trello.com/c/AbCd1234', 'AbCd1234'],
      ['https://trello.com/c/pVfcfvhu/83-jup-091-inventariar', 'pVfcfvhu'],
      ['/c/ZZ99yy88/1-launch?filter=member:me', 'ZZ99yy88'],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'trello', key, url: `https://trello.com/c/${key}` });
    });
  });

  describe('ignores boards and malformed cards', () => {
    it.each([
      'https://trello.com/b/Xy12Ab34/website',
      'https://trello.com/c/short/1-bad',
      'https://trello.com/c/AbCd12345/too-long',
      'https://trello.com/c/',
      'https://trello.com/u/someone/boards',
      'https://trello.example.com/c/AbCd1234',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  // The current card back (toggl/track-extension and clockify/browser-extension src/integrations/selectors.json
  // read '[data-testid="card-back-title-input"]', a textarea in the dialog '[data-testid="card-back-name"]').
  it('reads the card title field as the title', () => {
    const page = entityOnPage(new URL('https://trello.com/c/AbCd1234/12-redesign'), loadFixture('trello-card.html'));
    expect(page).toEqual({
      site: 'trello',
      key: 'AbCd1234',
      url: 'https://trello.com/c/AbCd1234',
      title: 'Redesign pricing page',
      kind: 'ticket',
    });
  });

  it.each(['trello-card-2024.html', 'trello-card-classic.html'])(
    'reads the card name from the card back structures Trello has had: %s',
    (fixture) => {
      expect(trello.titleFrom(loadFixture(fixture), 'AbCd1234')).toBe('Redesign pricing page');
    },
  );

  it('falls back to the document title without the Trello suffix', () => {
    expect(trello.titleFrom(documentTitled('Redesign pricing page | Trello'), 'AbCd1234')).toBe(
      'Redesign pricing page',
    );
  });

  it('finds exactly the card links on a board', () => {
    const doc = loadFixture('trello-board.html');
    const links = entityLinksIn(doc, trello.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['AbCd1234', 'EfGh5678', 'ZZ99yy88']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });

  it('badges every tracked card up front only on boards and workspace views', () => {
    const listed = (path: string) => isListPage(trello, new URL(`https://trello.com${path}`));
    // Boards as linked in public READMEs ('trello.com/b/<id>/<slug>'); workspace pages ('trello.com/w/<name>',
    // '/w/<name>/home') are no lists.
    for (const path of ['/b/Xy12Ab34/website', '/b/Xy12Ab34', '/b/Xy12Ab34/website/calendar', '/w/acme/views/table']) {
      expect(listed(path), path).toBe(true);
    }
    for (const path of [
      '/u/someone/boards',
      '/u/someone/activity',
      '/w/acme/home',
      '/w/acme/members',
      '/templates',
      '/',
    ]) {
      expect(listed(path), path).toBe(false);
    }
  });
});
