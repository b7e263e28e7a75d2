// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ga } from '../../lib/sites/ga';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://analytics.google.com/analytics/web/#/p123456/reports/intelligenthome');

describe('Google Analytics adapter', () => {
  describe('recognises reports and explorations from the URL fragment', () => {
    it.each([
      [
        'https://analytics.google.com/analytics/web/#/p123456/reports/intelligenthome',
        'p123456/reports/intelligenthome',
      ],
      [
        'https://analytics.google.com/analytics/web/#/p123/reports/explorer?params=_u..nav%3Dmaui&r=user-acquisition',
        'p123/reports/user-acquisition',
      ],
      [
        'https://analytics.google.com/analytics/web/?authuser=1#/a405659252p552255927/reports/explorer?params=_u..nav%3Dmaui&collectionId=business-objectives&r=top-events',
        'p552255927/reports/top-events',
      ],
      [
        'https://analytics.google.com/analytics/web/#/a1w2p123/reports/lifecycle-engage-pages-and-screens',
        'p123/reports/lifecycle-engage-pages-and-screens',
      ],
      [
        'https://analytics.google.com/analytics/web/#/a189352758p261744725/reports/dashboard?params=_u..nav%3Dmaui&r=firebase-overview',
        'p261744725/reports/firebase-overview',
      ],
      [
        'https://analytics.google.com/analytics/web/#/analysis/p419143770/edit/elcziEc8RiGSOmpQhEx5OA',
        'p419143770/analysis/elcziEc8RiGSOmpQhEx5OA',
      ],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toMatchObject({ site: 'ga', key });
    });
  });

  it('gives plain reports a clean canonical URL and keeps an explorer report whole', () => {
    expect(
      ga.entityFromUrl(new URL('https://analytics.google.com/analytics/web/#/a1p123/reports/intelligenthome?params=x'))
        ?.url,
    ).toBe('https://analytics.google.com/analytics/web/#/p123/reports/intelligenthome');
    const explorer =
      'https://analytics.google.com/analytics/web/#/p123/reports/explorer?params=_u..nav%3Dmaui&r=user-acquisition';
    expect(ga.entityFromUrl(new URL(explorer))?.url).toBe(explorer);
  });

  // Real addresses from public files found through the code index: an Android app's WebView
  // (?authuser=0#/p286543659/...&r=firebase-overview), a page linking GA from its footer with utm_*
  // parameters before the fragment, a link card (#/p523095876/reports/dashboard?...&r=lifecycle-acquisition-v2).
  it('keeps a container report’s fragment but not the account index or campaign parameters before it', () => {
    const cases = [
      [
        'https://analytics.google.com/analytics/web/?authuser=0#/p286543659/reports/dashboard?params=_u..nav%3Dmaui%26_u..pageSize%3D25&r=firebase-overview&ruid=firebase-overview,app,firebase&collectionId=app',
        'p286543659/reports/firebase-overview',
      ],
      [
        'https://analytics.google.com/analytics/web/?utm_source=marketingplatform.google.com&utm_medium=et#/p273331838/reports/dashboard?params=_u..nav%3Ddefault%26_u.date00%3D20210513&r=lifecycle-retention-overview',
        'p273331838/reports/lifecycle-retention-overview',
      ],
      [
        'https://analytics.google.com/analytics/web/#/p523095876/reports/dashboard?params=_u..nav%3Dmaui&r=lifecycle-acquisition-v2&ruid=lifecycle-acquisition-v2&collectionId=life-cycle',
        'p523095876/reports/lifecycle-acquisition-v2',
      ],
    ];
    for (const [href = '', key] of cases) {
      const url = new URL(href);
      expect(ga.entityFromUrl(url)).toEqual({ key, url: `https://analytics.google.com/analytics/web/${url.hash}` });
    }
  });

  describe('ignores admin, realtime, an explorer with no report and other paths', () => {
    it.each([
      'https://analytics.google.com/analytics/web/#/a494585728w0p0/admin',
      'https://analytics.google.com/analytics/web/#/p496286597/realtime/overview',
      'https://analytics.google.com/analytics/web/#/p466674851/reports/explorer?params=_u..nav%3Dmaui%26_r.debug%3D1',
      'https://analytics.google.com/analytics/web/#/analysis/p419143770',
      'https://analytics.google.com/analytics/web/',
      'https://analytics.google.com/analytics/web/#/p0/reports/intelligenthome',
      // Universal Analytics' form (a va.gov runbook; UA stopped in 2024) and GA4's admin (a public script)
      'https://analytics.google.com/analytics/web/#/report/content-event-events/a50123418w177519031p176188361/_u.dateOption=last7days/',
      'https://analytics.google.com/analytics/web/#/a1p123/admin/account/settings',
      'https://analytics.google.com/analytics/web/#/realtime/',
      'https://analytics.google.com/other/#/p123/reports/intelligenthome',
      'https://marketingplatform.google.com/analytics/web/#/p123/reports/intelligenthome',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the report header as the title', () => {
    const url = new URL('https://analytics.google.com/analytics/web/#/p123/reports/explorer?r=user-acquisition');
    expect(entityOnPage(url, loadFixture('ga-report.html'))).toMatchObject({
      site: 'ga',
      key: 'p123/reports/user-acquisition',
      title: 'User acquisition',
      kind: 'analytics',
    });
  });

  it('falls back to the document title without the Analytics suffix', () => {
    expect(ga.titleFrom(documentTitled('User acquisition - Analytics'), 'k')).toBe('User acquisition');
  });

  it('finds exactly the report links in the navigation, including fragment-only ones', () => {
    const doc = loadFixture('ga-home.html');
    const links = entityLinksIn(doc, ga.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual([
      'p123456/reports/intelligenthome',
      'p123456/reports/user-acquisition',
      'p123456/analysis/elcziEc8RiGSOmpQhEx5OA',
    ]);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
