/**
 * Values on the tree and a metric's page (issue 17, point 3), as a user meets them in the
 * demo workspace: each node says its status in words, clicking one opens its chart with
 * the target line and the items shipped on it, the table lists exactly what is stored,
 * and thresholds set on the page change the node's status on the tree; an impossible
 * amber band stays in its field with the reason and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

const english = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

describe('dashboard: values on the tree and the metric page', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'tree');
  });
  afterAll(async () => lens?.close());

  const card = (name: string) => page.locator('.metric-card', { has: page.locator('.metric-name', { hasText: name }) });
  const storedThresholds = async () =>
    (
      (await lens.call({ type: 'loop.get', treeId: 'demo-tree' })) as {
        thresholds: { metricId: string; amberWithin: number }[];
      }
    ).thresholds;

  it('shows each node’s status in words, its change against the week before and its target', async () => {
    const listings = card('Bookable listings');
    await listings.locator('.metric-status .rag').waitFor();
    expect(await listings.locator('.rag').textContent()).toContain('Near target');
    expect(await listings.locator('.metric-change').textContent()).toMatch(/^▲ \+120 \(\+1%\) vs \d{4}-W\d\d$/);
    expect(await listings.locator('.metric-target').textContent()).toBe('Target 9,500 listings');
    expect(await card('Search-to-book conversion').locator('.rag').textContent()).toContain('Off target');
    expect(await card('Hosts completing onboarding').locator('.metric-target').textContent()).toBe('No target set');
  });

  it('opens a metric’s page from its node: the chart with the target line and a ship marker naming the item', async () => {
    await card('Bookable listings').getByRole('link', { name: 'Bookable listings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bookable listings' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#metric/m-listings');
    const chart = page.locator('.metric-chart');
    await chart.getByRole('group', { name: 'Bookable listings over time (listings)' }).waitFor();
    expect(await chart.locator('.chart-target').count()).toBe(1);
    expect(await chart.locator('.chart-point').count()).toBe(26);

    const marker = chart.getByRole('link', { name: /^Shipped \d+ \w+ \d{4}: Calendar sync with other platforms$/ });
    expect(await marker.getAttribute('href')).toBe('https://staydemo.atlassian.net/browse/STAY-106');
    expect(await chart.locator('.ship-mark-label').count()).toBe(0);
    await marker.focus();
    expect(await chart.locator('.ship-mark-label').textContent()).toBe('Calendar sync with other platforms');
    await page.getByText('Work linked to it').waitFor();
    expect(await page.locator('.metric-work li').allTextContents()).toEqual([
      expect.stringContaining('Host onboarding checklist'),
      // Shipped, on the team metric under listings (the review block's shipped work).
      expect.stringContaining('Host photo tips'),
      expect.stringContaining('Calendar sync with other platforms'),
    ]);
    expect(await page.getByLabel('Import values of Bookable listings (CSV)').count()).toBe(1);
  });

  it('lists every stored value in the table, the anomaly with its note', async () => {
    const stored = (await lens.call({ type: 'observations.list', metricId: 'm-listings' })) as {
      at: string;
      value: number;
      note: string;
    }[];
    const expected = stored
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((o) => `${o.at} ${english(o.value)} ${o.note}`.trim());
    const rows = await page.locator('.metric-values-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.children]
          .filter((_, i) => i !== 1)
          .map((c) => c.textContent?.trim())
          .filter(Boolean)
          .join(' '),
      ),
    );
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r.includes('4,120 Calendar sync outage'))).toBe(true);
  });

  it('refuses an impossible amber band in its field with the reason, storing nothing', async () => {
    const before = await storedThresholds();
    const band = page.getByLabel('Amber band (% of the target)');
    await band.fill('150');
    await band.blur();
    await page.getByText('The amber band is a share of the target from 0% to 100%').waitFor();
    expect(await band.inputValue()).toBe('150');
    expect(await band.getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(600);
    expect(await storedThresholds()).toEqual(before);
    expect(await page.locator('.metric-headline .rag').textContent()).toContain('Near target');
  });

  it('a tighter amber band turns the node red, on the page and on the tree', async () => {
    const band = page.getByLabel('Amber band (% of the target)');
    await band.fill('2');
    await band.blur();
    await page.locator('.metric-headline .rag', { hasText: 'Off target' }).waitFor();
    const stored = await eventually(storedThresholds, (t) =>
      t.some((r) => r.metricId === 'm-listings' && r.amberWithin === 0.02),
    );
    expect(stored.find((r) => r.metricId === 'm-listings')).toEqual({
      metricId: 'm-listings',
      direction: 'up',
      amberWithin: 0.02,
    });
    expect(await page.locator('.threshold-rule').textContent()).toContain('amber from 9,310');

    await page.getByRole('link', { name: '← Metric tree' }).click();
    const listings = card('Bookable listings');
    await listings.locator('.rag', { hasText: 'Off target' }).waitFor();
    expect(await listings.getAttribute('class')).toContain('rag-card-red');
  });

  it('a lower target, set on the page, turns the node green', async () => {
    await card('Bookable listings').getByRole('link', { name: 'Bookable listings' }).click();
    const target = page.getByLabel('Target', { exact: true });
    await target.fill('9000');
    await target.blur();
    await page.locator('.metric-headline .rag', { hasText: 'On target' }).waitFor();
    await page.getByRole('link', { name: '← Metric tree' }).click();
    await card('Bookable listings').locator('.rag', { hasText: 'On target' }).waitFor();
    expect(await card('Bookable listings').locator('.metric-target').textContent()).toBe('Target 9,000 listings');
  });
});
