import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: alignment and validation', () => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
  });
  afterAll(async () => lens?.close());

  it('shows where the work goes per input metric, with the unlinked share flagged', async () => {
    const page = await openDashboard(lens, 'alignment');
    const row = (name: string) =>
      page.locator('.alignment-table tbody tr', { has: page.locator('th', { hasText: name }) }).locator('td');
    expect(await row('Search-to-book conversion').allTextContents()).toEqual(['5', '22', '42.6k', '38%', '48%', '74%']);
    expect(await row('Not linked to an input metric').allTextContents()).toEqual(['2', '6', '0', '15%', '13%', '0%']);
    expect(await page.locator('.flag-unlinked').textContent()).toMatch(/15% of items serve no input metric/);
    expect(await page.locator('.flag-no-work').count()).toBe(0);
    expect(await page.locator('svg.share-bars').getAttribute('aria-label')).toMatch(/Share of items, effort and score/);
    await page.close();
  });

  it('flags an input metric nobody works on', async () => {
    const tree = (await lens.call({ type: 'snapshot.get' })).tree!;
    const nsm = (await lens.call({ type: 'snapshot.get' })).metrics.find((m) => m.role === 'nsm')!;
    await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'input',
      name: 'Host response time',
      fields: { parentId: nsm.id, ownerTeam: 'Host tools' },
    });
    const page = await openDashboard(lens, 'alignment');
    await page.locator('.flag-no-work', { hasText: 'Host response time' }).waitFor();
    expect(await page.locator('.alignment-table tr.no-work th').textContent()).toMatch(/Host response time/);
    await page.close();
  });

  it('shows the correlation with revenue by lag, with r and the number of periods', async () => {
    const page = await openDashboard(lens, 'validation');
    const summary = (await page.locator('.corr-summary').textContent()) ?? '';
    expect(summary).toMatch(/r = 0\.\d\d with the North Star leading by 2 weeks \(20 paired periods\)/);
    expect(await page.locator('.lag-chart .col').count()).toBe(7);
    expect(await page.locator('.lag-chart .col.best').count()).toBe(1);
    await page.close();
  });

  it('saves the quarterly review with its date and answers', async () => {
    const page = await openDashboard(lens, 'validation');
    await page.getByLabel('It measures the value customers get').check();
    await page.getByLabel('It leads revenue: when it rises, revenue follows').check();
    await page.getByLabel('Note').fill('Checked with finance.');
    await page.getByRole('button', { name: /Save review \(2 of 6\)/ }).click();
    await page.getByText(/Review saved on/).waitFor();
    const reviews = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).reviews,
      (r) => r.length === 2,
    );
    const latest = reviews.sort((a, b) => b.at - a.at)[0]!;
    expect(latest.answers).toEqual({
      customerValue: true,
      leadsRevenue: true,
      reflectsStrategy: false,
      understandable: false,
      measurable: false,
      actionable: false,
    });
    expect(latest.note).toBe('Checked with finance.');
    expect(Date.now() - latest.at).toBeLessThan(60_000);
    await page.locator('.review-list li', { hasText: 'Checked with finance.' }).waitFor();
    await page.close();
  });

  it('lists changes of the North Star with their dates', async () => {
    const nsm = (await lens.call({ type: 'snapshot.get' })).metrics.find((m) => m.role === 'nsm')!;
    await lens.call({ type: 'metric.update', id: nsm.id, patch: { name: 'Nights stayed' } });
    const page = await openDashboard(lens, 'validation');
    await page.locator('.history-list li', { hasText: '“Nights booked” → “Nights stayed”' }).waitFor();
    await page.close();
  });

  it('records a value by hand, which the North Star’s history then holds', async () => {
    const page = await openDashboard(lens, 'validation');
    await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'Nights stayed (north star)' });
    await page.getByLabel('Date', { exact: true }).fill('2026-01-05');
    await page.getByLabel('Value', { exact: true }).fill('52.5k');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByText('Value recorded.').waitFor();
    const values = await lens.call({ type: 'observations.list', metricId: 'm-nsm' });
    expect(values.find((o) => o.at === '2026-01-05')?.value).toBe(52_500);
    await page.close();
  });
});
