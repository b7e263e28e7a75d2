import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: outcomes', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'outcomes');
    await page.locator('.outcomes-table').waitFor();
  });
  afterAll(async () => lens?.close());

  const outcomeRow = (title: string) => page.locator('.outcomes-table tbody tr', { hasText: title });
  const winRates = () => page.locator('.win-rates').textContent();

  it('shows the quarter’s experiments and win rates', async () => {
    expect(await winRates()).toMatch(
      /^\d{4}-Q\d: 12 experiments: 60% moved their input metric \(of 10 with a result\), 40% the North Star \(of 10\); 2 still running\.$/,
    );
  });

  it('an item shipped from the backlog appears with its metric’s means before and after', async () => {
    const backlog = await openDashboard(lens, 'backlog');
    const status = backlog.getByLabel('Status of Map search on mobile');
    // Reached first, as a user reaches a select before choosing: a row lists its options then.
    await status.focus();
    await status.selectOption('shipped');
    await backlog.close();
    await expect.poll(() => outcomeRow('Map search on mobile').count()).toBe(1);
    const cells = await outcomeRow('Map search on mobile').locator('td').allTextContents();
    expect(cells[0]).toBe('Search-to-book conversion');
    // Shipped today: four weeks of values before, none after yet.
    expect(cells[2]).toMatch(/^[\d.]+ \(4 of 4\)$/);
    expect(cells[3]).toBe('no values (0 of 4)');
    const loop = await lens.call({ type: 'loop.get', treeId: 'demo-tree' });
    expect(loop.shipments.filter((s) => s.itemId === 'i-5')).toHaveLength(1);
  });

  it('compares over the N periods the user chooses, and refuses an impossible N with the reason', async () => {
    const meanBefore = () => outcomeRow('Instant search results').locator('td').nth(2).textContent();
    expect(await meanBefore()).toMatch(/\(4 of 4\)$/);
    await page.getByLabel('Periods before and after').fill('2');
    await expect.poll(meanBefore).toMatch(/\(2 of 2\)$/);
    await page.getByLabel('Periods before and after').fill('0');
    await expect
      .poll(() => page.locator('#outcome-periods-error').textContent())
      .toBe('Compare over a whole number of periods from 1 to 26');
    expect(await meanBefore()).toMatch(/\(2 of 2\)$/);
    expect(await page.getByLabel('Periods before and after').inputValue()).toBe('0');
  });

  it('creates an experiment, records its result, and the win rates follow', async () => {
    await page.getByLabel('Experiment', { exact: true }).fill('Bigger photos on search results');
    await page.getByLabel('Hypothesis').fill('Moves search-to-book conversion by +2 pts');
    await page.getByLabel('Input metric').selectOption({ label: 'Search-to-book conversion' });
    await page.getByRole('button', { name: 'Add experiment' }).click();
    const experiment = page.locator('.experiment', { hasText: 'Bigger photos on search results' });
    await experiment.waitFor();
    expect(await winRates()).toMatch(/: 13 experiments: .*; 3 still running\.$/);
    await experiment.getByLabel('Moved the input').selectOption('yes');
    await expect.poll(() => experiment.locator('.field-error').textContent()).toMatch(/ended before recording/);
    await experiment.getByLabel('Ended').fill(new Date().toISOString().slice(0, 10));
    await experiment.getByLabel('Ended').blur();
    await expect.poll(() => experiment.locator('.experiment-head').textContent()).toMatch(/ended/);
    await experiment.getByLabel('Moved the input').selectOption('yes');
    await experiment.getByLabel('Moved the North Star').selectOption('yes');
    await expect
      .poll(winRates)
      .toMatch(
        /: 13 experiments: 6\d% moved their input metric \(of 11 with a result\), 4\d% the North Star \(of 11\)/,
      );
    await experiment.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(winRates).toMatch(/: 12 experiments: 60% /);
  });
});
