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
