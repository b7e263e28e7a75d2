// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mixpanel } from '../../lib/sites/mixpanel';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://mixpanel.com/project/3276012/view/3782804/app/boards#id=5762529');

describe('Mixpanel adapter', () => {
  describe('recognises boards and reports on the US, EU and India hosts', () => {
    it.each([
      [
        'https://mixpanel.com/project/2195193/view/139237/app/boards#id=5762529',
        'project/2195193/board/5762529',
        'https://mixpanel.com/project/2195193/view/139237/app/boards#id=5762529',
      ],
      [
        'https://mixpanel.com/project/4028508/app/boards#id=11235075',
        'project/4028508/board/11235075',
        'https://mixpanel.com/project/4028508/app/boards#id=11235075',
      ],
      [
        'https://eu.mixpanel.com/project/3/view/75/app/insights#EBrV5bW2u9Mw',
        'project/3/insights/EBrV5bW2u9Mw',
        'https://eu.mixpanel.com/project/3/view/75/app/insights#EBrV5bW2u9Mw',
      ],
      [
        'https://mixpanel.com/project/3/app/insights#report/123/weekly-actives',
        'project/3/report/123',
        'https://mixpanel.com/project/3/app/insights#report/123',
      ],
      [
        'https://mixpanel.com/project/3/app/funnels#view/456',
        'project/3/report/456',
        'https://mixpanel.com/project/3/app/funnels#view/456',
      ],
      [
        'https://in.mixpanel.com/project/3/app/retention#report/7',
        'project/3/report/7',
        'https://in.mixpanel.com/project/3/app/retention#report/7',
      ],
      [
        'https://mixpanel.com/report/3/view/75/insights#report/123',
        'project/3/report/123',
        'https://mixpanel.com/project/3/view/75/app/insights#report/123',
      ],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'mixpanel', key, url });
    });
  });

  describe('ignores settings, event lists, user profiles and unsaved query states', () => {
    it.each([
      'https://mixpanel.com/project/3/app/insights',
      'https://mixpanel.com/project/3/app/insights#tooShort',
      'https://mixpanel.com/project/3/app/insights#~(sections~(show~(~)))',
      'https://mixpanel.com/project/3/app/boards',
      'https://mixpanel.com/project/3/view/75/app/events',
      'https://mixpanel.com/project/3276012/view/3782804/app/profile#distinct_id=abc',
      'https://mixpanel.com/project/abc/app/boards#id=1',
      'https://mixpanel.com/settings/project/3',
      'https://api.mixpanel.com/project/3/app/boards#id=1',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the report heading as the title', () => {
    const page = entityOnPage(
      new URL('https://mixpanel.com/project/3/app/insights#report/123'),
      loadFixture('mixpanel-report.html'),
    );
    expect(page).toMatchObject({
      site: 'mixpanel',
      key: 'project/3/report/123',
      title: 'Weekly Signups',
      kind: 'analytics',
    });
  });

  it('falls back to the document title without the Mixpanel suffix', () => {
    expect(mixpanel.titleFrom(documentTitled('Growth board - Mixpanel'), 'project/3/board/1')).toBe('Growth board');
  });

  it('finds exactly the report and board links on a board', () => {
    const doc = loadFixture('mixpanel-board.html');
    const links = entityLinksIn(doc, mixpanel.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual([
      'project/3276012/report/123',
      'project/3276012/report/456',
      'project/3276012/insights/EBrV5bW2u9Mw',
      'project/3276012/board/5762529',
    ]);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
