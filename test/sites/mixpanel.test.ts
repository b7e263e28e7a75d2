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

  // The URL grammar in mixpanel/mixpanel-headless specs/045-report-links/contracts/url-grammar.md
  // (Mixpanel's own client for report links), its parametrized table.
  describe('reads every report and board form of Mixpanel’s own URL grammar', () => {
    it.each([
      ['https://mixpanel.com/project/3/app/insights/#EBrV5bW2u9Mw', 'project/3/insights/EBrV5bW2u9Mw'],
      ['https://mixpanel.com/project/3/app/insights#report/123/weekly-actives/~(a~1)', 'project/3/report/123'],
      ['https://mixpanel.com/project/3/app/flows#report/8', 'project/3/report/8'],
      ['https://mixpanel.com/project/3/app/insights#segmentation-report/9', 'project/3/report/9'],
      ['https://mixpanel.com/project/3/app/impact#report/10', 'project/3/report/10'],
      ['https://mixpanel.com/report/3/insights#report/123', 'project/3/report/123'],
      ['https://mixpanel.com/project/3/app/insights?utm=x#EBrV5bW2u9Mw', 'project/3/insights/EBrV5bW2u9Mw'],
      ['https://mixpanel.com/project/3/app/boards#id=555', 'project/3/board/555'],
      // A report being edited over its board: the board is what lasts, the edited state changes.
      ['https://mixpanel.com/project/3/app/boards#id=555&edited-bookmark=EBrV5bW2u9Mw', 'project/3/board/555'],
      // mixpanel-headless's resolve_short_link test expands a short link to this
      ['https://mixpanel.com/project/12345/app/funnels#view/123/~(a~1)', 'project/12345/report/123'],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toMatchObject({ site: 'mixpanel', key });
    });

    it.each([
      'https://mixpanel.com/project/3/app/insights#',
      'https://mixpanel.com/project/3/app/insights#foo/bar',
      // Short links (mixpanel.com/s/<code>, eu. too; real ones: mixpanel.com/s/2HgEX, /s/1NHuvg) redirect
      // on Mixpanel's server to the report's full address, where the panel shows.
      'https://mixpanel.com/s/2HgEX',
      'https://eu.mixpanel.com/s/AbC123',
      // Public boards (real ones: mixpanel.com/p/13hGfPfEPdRkjPtNaS7BYQ in comfy-cli's README,
      // eu.mixpanel.com/p/XtoyTU92SmmpUaweP7DUAn, mixpanel.com/public/6fPuCsME2BR7Ra7NECbdgx): no panel.
      'https://mixpanel.com/p/13hGfPfEPdRkjPtNaS7BYQ',
      'https://eu.mixpanel.com/p/XtoyTU92SmmpUaweP7DUAn',
      'https://mixpanel.com/public/6fPuCsME2BR7Ra7NECbdgx',
    ])('but not %s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
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
