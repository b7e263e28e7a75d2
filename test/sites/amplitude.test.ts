// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { amplitude } from '../../lib/sites/amplitude';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://app.amplitude.com/analytics/acme/dashboard/6pqbsp18');

describe('Amplitude adapter', () => {
  describe('recognises charts and dashboards on the US and EU apps', () => {
    it.each([
      [
        'https://app.amplitude.com/analytics/acme/chart/mccedr54',
        'chart/mccedr54',
        'https://app.amplitude.com/analytics/acme/chart/mccedr54',
      ],
      [
        'https://app.amplitude.com/analytics/acme/chart/mccedr54/edit/o9xupwel',
        'chart/mccedr54',
        'https://app.amplitude.com/analytics/acme/chart/mccedr54',
      ],
      [
        'https://app.amplitude.com/analytics/demo/dashboard/wrndi0vx?source=copy+url',
        'dashboard/wrndi0vx',
        'https://app.amplitude.com/analytics/demo/dashboard/wrndi0vx',
      ],
      [
        'https://app.eu.amplitude.com/analytics/tiny-voice-226231/chart/e-knlpkj8m?sharingId=LqRl7BUh',
        'chart/e-knlpkj8m',
        'https://app.eu.amplitude.com/analytics/tiny-voice-226231/chart/e-knlpkj8m',
      ],
      [
        'https://app.eu.amplitude.com/analytics/muddy-wildflower-011456/dashboard/e-wwb7zol6',
        'dashboard/e-wwb7zol6',
        'https://app.eu.amplitude.com/analytics/muddy-wildflower-011456/dashboard/e-wwb7zol6',
      ],
      [
        'https://analytics.amplitude.com/mozilla-corp/chart/n8cd9no',
        'chart/n8cd9no',
        'https://analytics.amplitude.com/mozilla-corp/chart/n8cd9no',
      ],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'amplitude', key, url });
    });
  });

  describe('recognises notebooks and real chart links', () => {
    it.each([
      // A 'Copy URL' link to a notebook, in a public file found through the code index
      [
        'https://app.amplitude.com/analytics/demo/notebook/ktbnqci9?source=copy+url',
        'notebook/ktbnqci9',
        'https://app.amplitude.com/analytics/demo/notebook/ktbnqci9',
      ],
      // sourcegraph/handbook content/ops/bizops/amplitude.md and content/departments/data-analytics/amplitude.md
      [
        'https://analytics.amplitude.com/sourcegraph/chart/7l5vdg4?source=workspace',
        'chart/7l5vdg4',
        'https://analytics.amplitude.com/sourcegraph/chart/7l5vdg4',
      ],
      [
        'https://app.amplitude.com/analytics/sourcegraph/chart/3pmjrguv',
        'chart/3pmjrguv',
        'https://app.amplitude.com/analytics/sourcegraph/chart/3pmjrguv',
      ],
    ])('%s is %s', (href, key, url) => {
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'amplitude', key, url });
    });

    // Public links (Amplitude's docs: https://amplitude.com/docs/en/analytics/share-external; real ones
    // in public files: app.eu.amplitude.com/analytics/share/477d7de2cde841179543b1fe4ce3f779,
    // app.amplitude.com/analytics/share/embed/e102e50b-33af-4aaf-b576-88dc4c0c9cfe in ddev's blog,
    // analytics.amplitude.com/share/0f7a78fadfc145d0b99e365eb41d9262): no panel, by decision.
    it.each([
      'https://app.eu.amplitude.com/analytics/share/477d7de2cde841179543b1fe4ce3f779',
      'https://app.amplitude.com/analytics/share/embed/e102e50b-33af-4aaf-b576-88dc4c0c9cfe',
      'https://analytics.amplitude.com/share/0f7a78fadfc145d0b99e365eb41d9262',
      'https://app.amplitude.com/analytics/demo/notebook/new',
    ])('but not %s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  describe('ignores unsaved charts, homes, cohorts and the API', () => {
    it.each([
      'https://app.amplitude.com/analytics/acme/chart/new/za7my7iy',
      'https://app.amplitude.com/analytics/acme/home',
      'https://app.amplitude.com/analytics/acme/cohort/XYXxxzz',
      'https://app.amplitude.com/analytics/acme/chart/',
      'https://amplitude.com/api/2/chart/abc123',
      'https://app.amplitude.com.evil.example/analytics/acme/chart/mccedr54',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  it('reads the chart title as the title and reports an analytics entity', () => {
    const page = entityOnPage(
      new URL('https://app.amplitude.com/analytics/acme/chart/mccedr54'),
      loadFixture('amplitude-chart.html'),
    );
    expect(page).toEqual({
      site: 'amplitude',
      key: 'chart/mccedr54',
      url: 'https://app.amplitude.com/analytics/acme/chart/mccedr54',
      title: 'Weekly active teams',
      kind: 'analytics',
    });
  });

  it('falls back to the document title without the Amplitude suffix', () => {
    expect(amplitude.titleFrom(documentTitled('Weekly active teams - Amplitude'), 'chart/x')).toBe(
      'Weekly active teams',
    );
  });

  it('finds exactly the chart and dashboard links on a dashboard', () => {
    const doc = loadFixture('amplitude-dashboard.html');
    const links = entityLinksIn(doc, amplitude.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual(['chart/mccedr54', 'chart/o9xupwel', 'dashboard/6be35a0y']);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });
});
