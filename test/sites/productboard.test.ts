// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { productboard } from '../../lib/sites/productboard';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { isListPage } from '../../lib/sites/list-pages';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://acme.productboard.com/roadmap/2658140-q3-roadmap');

describe('Productboard adapter', () => {
  describe('recognises a feature wherever it is opened', () => {
    it.each([
      [
        'https://acme.productboard.com/entity-detail/features/74cb9fd3-73da-4214-b98d-3f94ff99c739',
        '74cb9fd3-73da-4214-b98d-3f94ff99c739',
      ],
      ['https://acme.productboard.com/entity-detail/features/27273918', '27273918'],
      ['https://acme.productboard.com/roadmap/2658140-q3-roadmap/features/13529555/detail', '13529555'],
      ['https://acme.productboard.com/roadmap/2263724-releases/features/6775792/portal', '6775792'],
      ['https://acme.productboard.com/feature-board/2330177-platform/features/7041967/detail', '7041967'],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toEqual({
        site: 'productboard',
        key,
        url: `https://acme.productboard.com/entity-detail/features/${key}`,
      });
    });
  });

  // The public API's own links ('links.html' in its v2 answers): real ones found in public files
  // through the code index (pantheon.productboard.com/detail/30103699 in Pantheon's docs,
  // leanix.productboard.com and sysdig.productboard.com /detail/<base64 of '1:PmEntity:<uuid>'>).
  describe('recognises the API’s /detail/<token> links, keyed as the feature is elsewhere', () => {
    it.each([
      ['https://pantheon.productboard.com/detail/30103699', '30103699'],
      [
        'https://leanix.productboard.com/detail/MTpQbUVudGl0eTphOWRmYzdlYS0wMDdlLTQ1ZGYtYWRhOC05ODM1M2ZjNzU1Mzg=',
        'a9dfc7ea-007e-45df-ada8-98353fc75538',
      ],
      [
        // sysdig's, with its '=' percent-encoded as some chat clients write it
        'https://sysdig.productboard.com/detail/MTpQbUVudGl0eTpmNzZlZjI1YS0wMWJiLTQ5YzgtOWIyZC05MzBmNGIzNjA1NTA%3D',
        'f76ef25a-01bb-49c8-9b2d-930f4b360550',
      ],
    ])('%s is %s', (href, key) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'productboard', key, url: href });
    });

    it.each([
      'https://example.productboard.com/detail/abc123',
      'https://example.productboard.com/detail/%%%',
      // base64 of another kind of record than '1:PmEntity'
      `https://example.productboard.com/detail/${btoa('2:Note:a9dfc7ea-007e-45df-ada8-98353fc75538')}`,
      'https://example.productboard.com/detail/30103699/extra',
    ])('but not %s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  describe('ignores boards, notes and the API', () => {
    it.each([
      'https://acme.productboard.com/roadmap/2658140-q3-roadmap',
      'https://acme.productboard.com/feature-board/2330177-platform',
      'https://acme.productboard.com/all-notes/notes/52999760',
      'https://acme.productboard.com/entity-detail/features/not-an-id',
      'https://api.productboard.com/features/27273918',
      'https://productboard.com/entity-detail/features/27273918',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  describe('takes roadmaps and feature boards, and nothing else, for list pages', () => {
    it.each([
      ['https://acme.productboard.com/roadmap/2658140-q3-roadmap', true],
      ['https://acme.productboard.com/feature-board/2330177-platform', true],
      ['https://acme.productboard.com/roadmap/2658140-q3-roadmap/features/13529555/detail', false],
      ['https://acme.productboard.com/all-notes/notes/52999760', false],
      ['https://acme.productboard.com/settings/members', false],
      // Public portals and the help centre share the domain (portal.productboard.com/cypress-io/
      // 1-cypress-dashboard/c/48-gitlab-integration in cypress-io's docs; support.productboard.com).
      ['https://portal.productboard.com/cypress-io/1-cypress-dashboard/c/48-gitlab-integration', false],
      ['https://support.productboard.com/hc/en-us/articles/4403428374675', false],
    ])('%s: %s', (href, list) => {
      expect(productboard.entityFromUrl(new URL(href)) === null && isListPage(productboard, new URL(href))).toBe(list);
    });
  });

  it('reads the feature name as the title', () => {
    const page = entityOnPage(
      new URL('https://acme.productboard.com/entity-detail/features/27273918'),
      loadFixture('productboard-feature.html'),
    );
    expect(page).toMatchObject({ site: 'productboard', key: '27273918', title: 'Bulk edit tags', kind: 'ticket' });
  });

  it('falls back to the document title without the Productboard suffix', () => {
    expect(productboard.titleFrom(documentTitled('Bulk edit tags - Productboard'), '27273918')).toBe('Bulk edit tags');
  });

  it('finds exactly the feature links on a roadmap', () => {
    const doc = loadFixture('productboard-roadmap.html');
    const links = entityLinksIn(doc, productboard.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['13529555', '7041967', '74cb9fd3-73da-4214-b98d-3f94ff99c739']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
