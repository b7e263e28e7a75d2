// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { posthog } from '../../lib/sites/posthog';
import { entityLinkFromHref, entityOnPage } from '../../lib/sites/index';
import { documentTitled, entityLinksIn, loadFixture } from './load-fixture';

const base = new URL('https://us.posthog.com/project/529917/dashboard/1909960');

describe('PostHog adapter', () => {
  describe('recognises insights and dashboards on every PostHog Cloud host', () => {
    it.each([
      ['https://us.posthog.com/project/529917/insights/25PU8gZi', 'project/529917/insights/25PU8gZi'],
      ['https://us.posthog.com/project/529917/insights/aX9k2Lp/edit', 'project/529917/insights/aX9k2Lp'],
      ['https://eu.posthog.com/project/153810/dashboard/605624', 'project/153810/dashboard/605624'],
      ['https://app.posthog.com/project/1/insights/AbC12', 'project/1/insights/AbC12'],
      // urls.ts's insightSharing and dashboardSharing: still the insight or the dashboard
      ['https://us.posthog.com/project/529917/insights/25PU8gZi/sharing', 'project/529917/insights/25PU8gZi'],
      ['https://eu.posthog.com/project/112509/dashboard/1663553/sharing', 'project/112509/dashboard/1663553'],
    ])('%s is %s', (href, key) => {
      const origin = new URL(href).origin;
      expect(entityLinkFromHref(href, base)).toEqual({ site: 'posthog', key, url: `${origin}/${key}` });
    });
  });

  describe('ignores new insights, other product pages and look-alike hosts', () => {
    it.each([
      'https://us.posthog.com/project/529917/insights/new',
      'https://us.posthog.com/project/529917/insights',
      'https://us.posthog.com/project/529917/dashboard/abc',
      'https://us.posthog.com/project/575536/replay-vision/01a126e8',
      'https://us.posthog.com/project/365239',
      'https://posthog.com/project/1/insights/AbC12',
      'https://us.i.posthog.com/project/1/insights/AbC12',
    ])('%s', (href) => {
      expect(entityLinkFromHref(href, base)).toBeNull();
    });
  });

  // Routes from PostHog/posthog frontend/src/scenes/urls.ts (insightView, dashboard, shared, embedded,
  // sharedDashboard) and lib/utils/kea-router tests (addProjectIdIfMissing('/dashboard/1663553', 112509)
  // gives '/project/112509/dashboard/1663553'; '/project/phc_gE7SWB.../replay' keeps the API key).
  describe('names no entity where it should not show, by decision (see the adapter)', () => {
    it.each([
      'https://us.posthog.com/insights/25PU8gZi',
      'https://us.posthog.com/insights/25PU8gZi/edit',
      'https://eu.posthog.com/dashboard/1663553',
      'https://us.posthog.com/project/phc_gE7SWBNBgFbA4eQ154KPXebyB8KyLJuypR8jg1DSo9Z/insights/25PU8gZi',
      // Langfuse's docs link an example dashboard this way (a real share link, code index)
      'https://eu.posthog.com/shared/HPOaK5zNVkP062nQJQJoooXe61l15w',
      'https://us.posthog.com/shared/c8cbP4SoFDIll_Niw7z2MaUbMRqEyA',
      'https://eu.posthog.com/embedded/HPOaK5zNVkP062nQJQJoooXe61l15w?whitelabel',
      'https://app.posthog.com/shared_dashboard/HPOaK5zNVkP062nQJQJoooXe61l15w',
    ])('%s', (href) => {
      expect(posthog.entityFromUrl(new URL(href))).toBeNull();
    });
  });

  it('reads the insight name as the title', () => {
    const page = entityOnPage(
      new URL('https://us.posthog.com/project/1/insights/AbC12'),
      loadFixture('posthog-insight.html'),
    );
    expect(page).toMatchObject({
      site: 'posthog',
      key: 'project/1/insights/AbC12',
      title: 'Weekly signups',
      kind: 'analytics',
    });
  });

  it('falls back to the most specific breadcrumb of the document title', () => {
    expect(posthog.titleFrom(documentTitled('Weekly signups • Product analytics • PostHog'), 'k')).toBe(
      'Weekly signups',
    );
    expect(posthog.titleFrom(documentTitled('PostHog'), 'project/1/insights/AbC12')).toBe('project/1/insights/AbC12');
  });

  it('finds exactly the insight and dashboard links on a dashboard', () => {
    const doc = loadFixture('posthog-dashboard.html');
    const links = entityLinksIn(doc, posthog.linkSelector, base.href);
    expect(links.map((link) => link.key)).toEqual([
      'project/529917/insights/25PU8gZi',
      'project/529917/insights/aX9k2Lp',
      'project/153810/dashboard/605624',
    ]);
    expect(entityLinksIn(doc, 'a[href]', base.href)).toEqual(links);
  });

  it('works on a self-hosted PostHog added as a custom domain', () => {
    const customDomains = [{ origin: 'https://posthog.internal.example/*', site: 'posthog' as const }];
    expect(entityLinkFromHref('https://posthog.internal.example/project/2/dashboard/9', base, customDomains)).toEqual({
      site: 'posthog',
      key: 'project/2/dashboard/9',
      url: 'https://posthog.internal.example/project/2/dashboard/9',
    });
  });
});
