import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';

/** One real page per supported site, served at its production URL from a saved fixture. */
const PAGES = [
  {
    site: 'jira',
    url: 'https://acme.atlassian.net/browse/ABC-123',
    fixture: 'jira-issue.html',
    key: 'ABC-123',
    title: 'Checkout fails for saved cards',
  },
  { site: 'linear', url: 'https://linear.app/acme/issue/ENG-42/x', fixture: 'linear-issue.html', key: 'ENG-42' },
  {
    site: 'github',
    url: 'https://github.com/octo-org/octo-app/issues/42',
    fixture: 'github-issue.html',
    key: 'octo-org/octo-app#42',
  },
  {
    site: 'asana',
    url: 'https://app.asana.com/0/1200000000000001/1200000000000042/f',
    fixture: 'asana-task.html',
    key: '1200000000000042',
    title: 'Draft Q3 launch plan',
  },
  { site: 'trello', url: 'https://trello.com/c/AbCd1234/12-redesign', fixture: 'trello-card.html', key: 'AbCd1234' },
  { site: 'aha', url: 'https://acme.aha.io/features/APP-123', fixture: 'aha-feature.html', key: 'APP-123' },
  {
    site: 'productboard',
    url: 'https://acme.productboard.com/entity-detail/features/27273918',
    fixture: 'productboard-feature.html',
    key: '27273918',
    title: 'Bulk edit tags',
  },
  {
    site: 'amplitude',
    url: 'https://app.amplitude.com/analytics/acme/chart/mccedr54',
    fixture: 'amplitude-chart.html',
    key: 'chart/mccedr54',
  },
  {
    site: 'mixpanel',
    url: 'https://mixpanel.com/project/3/app/insights#report/123',
    fixture: 'mixpanel-report.html',
    key: 'project/3/report/123',
    title: 'Weekly Signups',
  },
  {
    site: 'posthog',
    url: 'https://us.posthog.com/project/1/insights/AbC12',
    fixture: 'posthog-insight.html',
    key: 'project/1/insights/AbC12',
    title: 'Weekly signups',
  },
  {
    site: 'ga',
    url: 'https://analytics.google.com/analytics/web/#/p123/reports/explorer?r=user-acquisition',
    fixture: 'ga-report.html',
    key: 'p123/reports/user-acquisition',
    title: 'User acquisition',
  },
] as const;

describe('the panel on every supported site', () => {
  let lens: Lens;
  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    await lens.call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    for (const page of PAGES) await lens.serveFixture(page.url, `sites/${page.fixture}`);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it.each(PAGES)('$site: the panel appears and names the page entity $key', async (expected) => {
    const page = await lens.open(expected.url);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t && !t.includes('…')),
    );
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe(expected.key);
    if ('title' in expected) expect(await panel.text('.panel-title')).toBe(expected.title);
    await page.close();
  });
});
