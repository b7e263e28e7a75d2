// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { asana } from '../../lib/sites/asana';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://app.asana.com/0/1200000000000001/list');

describe('Asana adapter', () => {
  describe('recognises a task in both URL generations', () => {
    it.each([
      ['https://app.asana.com/0/1200000000000001/1200000000000042', '1200000000000042'],
      ['https://app.asana.com/0/1200000000000001/1200000000000042/f', '1200000000000042'],
      ['https://app.asana.com/0/0/1200000000000042/f', '1200000000000042'],
      ['https://app.asana.com/1/1100000000000000/project/1200000000000001/task/1200000000000044', '1200000000000044'],
      ['https://app.asana.com/1/1100000000000000/task/1200000000000044?focus=true', '1200000000000044'],
    ])('%s is task %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'asana', key, url: `https://app.asana.com/0/0/${key}/f` });
    });
  });

  describe('ignores projects, views and inboxes', () => {
    it.each([
      'https://app.asana.com/0/1200000000000001/list',
      'https://app.asana.com/0/1200000000000001/board',
      'https://app.asana.com/0/1200000000000001/1200000000000001',
      'https://app.asana.com/0/inbox/1100000000000007',
      'https://app.asana.com/1/1100000000000000/project/1200000000000001/list',
      'https://app.asana.com/1/1100000000000000/task/abc',
      'https://app.asana.com/0/1200000000000001/1200000000000042/f/extra',
      'https://asana.com/0/1200000000000001/1200000000000042',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the task name field as the title', () => {
    const page = entityOnPage(
      new URL('https://app.asana.com/0/1200000000000001/1200000000000042/f'),
      loadFixture('asana-task.html'),
    );
    expect(page).toMatchObject({
      site: 'asana',
      key: '1200000000000042',
      title: 'Draft Q3 launch plan',
      kind: 'ticket',
    });
  });

  it('reads the task name in any interface language, never the project’s heading', () => {
    expect(asana.titleFrom(loadFixture('asana-task-de.html'), '1200000000000042')).toBe('Q3-Startplan entwerfen');
  });

  it('falls back to the document title without the unread mark and the Asana suffix', () => {
    expect(asana.titleFrom(documentTitled('● Draft Q3 launch plan - Asana'), '1')).toBe('Draft Q3 launch plan');
  });

  it('finds exactly the task links on a project list', () => {
    const doc = loadFixture('asana-list.html');
    const links = entityLinksIn(doc, asana.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['1200000000000042', '1200000000000043', '1200000000000044']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });

  it('badges every tracked task up front only on project views, My tasks and the inbox', () => {
    const listed = (path: string) => isListPage(asana, new URL(`https://app.asana.com${path}`));
    // V1 forms from Asana's announcement, https://forum.asana.com/t/1011489 ('/project/123/timeline').
    for (const path of [
      '/0/1200000000000001/list',
      '/0/1200000000000001/board',
      '/0/1200000000000001/timeline',
      '/0/1200000000000001/1200000000000001',
      '/0/inbox/1100000000000007',
      '/1/15793206719/project/1206043162733419',
      '/1/15793206719/project/1206043162733419/list/1206043162733500',
      '/1/15793206719/project/1206043162733419/timeline',
      '/1/15793206719/inbox',
    ]) {
      expect(listed(path), path).toBe(true);
    }
    for (const path of [
      '/0/home/1100000000000000',
      '/0/portfolio/1100000000000000/list',
      '/0/goals/1100000000000000',
      '/1/15793206719/project/1206043162733419/overview/1206043162733600',
      '/1/15793206719/create-project/template-gallery',
      '/-/login',
    ]) {
      expect(listed(path), path).toBe(false);
    }
  });

  describe('reads the task of list rows and board cards, which hold no link to it', () => {
    /** Each entity element of a saved page: the key its attribute gives, and the text of the name its badge follows. */
    const rowsIn = (fixture: string) => {
      const doc = loadFixture(fixture);
      return (asana.entityElements ?? []).flatMap((kind) =>
        [...doc.querySelectorAll(kind.selector)].map((element) => ({
          key: kind.key(element.getAttribute(kind.attribute) ?? ''),
          name: kind.nameOf(element)?.textContent ?? null,
        })),
      );
    };
    const tasks = [
      { key: '1200000000000042', name: 'Draft Q3 launch plan' },
      { key: '1200000000000043', name: 'Book venue' },
      { key: '1200000000000044', name: 'Press kit' },
    ];

    // Sources: timecamp-org/timecamp-browser-plugin scripts-2.0/third_party/asana.js (a list row's gid is
    // `id.split('_').pop()` of textarea.SpreadsheetTaskName-input; a card's is .BoardCardLayout's
    // data-task-id) and toggl/track-extension src/content/asana.js (.SpreadsheetTaskName, .BoardCard-taskName).
    it('in a project list: the gid after the last _ of the name field’s id; the empty new-task row names none', () => {
      expect(rowsIn('asana-list-view.html')).toEqual([...tasks, { key: null, name: '' }]);
    });

    it('on a board: each card’s data-task-id, its badge after the card’s name', () => {
      expect(rowsIn('asana-board.html')).toEqual(tasks);
    });

    it('gives the key the task’s own page has, so the board index and lookups find the same item', () => {
      for (const { key } of tasks) {
        for (const page of [`/0/0/${key}/f`, `/0/1200000000000001/${key}`, `/1/1100000000000000/task/${key}`]) {
          expect(asana.entityFromUrl(new URL(`https://app.asana.com${page}`))?.key, page).toBe(key);
        }
      }
    });

    it('takes nothing but a task gid', () => {
      const [row, card] = asana.entityElements ?? [];
      for (const id of ['', 'SpreadsheetTaskName_0_', 'SpreadsheetTaskName_0_12ab', `x_${'1'.repeat(26)}`, 'x_1_2 ']) {
        expect(row?.key(id), id).toBeNull();
      }
      expect(row?.key('1200000000000042')).toBe('1200000000000042');
      for (const id of ['', 'abc', '-1', '1.5', '1'.repeat(26)]) expect(card?.key(id), id).toBeNull();
    });
  });
});
