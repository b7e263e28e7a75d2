import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe("dashboard: the quarter's OKRs", () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'okrs');
    await page.locator('.kr').first().waitFor();
  });
  afterAll(async () => lens?.close());

  const kr = (metric: string) => page.locator('.kr', { has: page.locator('.kr-name strong', { hasText: metric }) });
  const quarterEnd = async () => {
    const quarter = await page.locator('#okr-quarter').inputValue();
    const [year, q] = quarter.split('-Q').map(Number);
    return new Date(Date.UTC(year!, q! * 3, 0)).toISOString().slice(0, 10);
  };

  it('states the Objective from the NSM and shows each team key result with progress and status', async () => {
    expect(await page.locator('.objective-text').textContent()).toMatch(/grow “Nights booked” per week/);
    expect(await kr('Search-to-book conversion').locator('.kr-status').textContent()).toBe('on track');
    expect(await kr('Bookable listings').locator('.kr-status').textContent()).toBe('off track');
    expect(await kr('Repeat guests').locator('.kr-status').textContent()).toBe('no values yet');
    expect(await kr('Repeat guests').locator('[data-okr-lint="kr-no-values"]').count()).toBe(1);
    expect(await page.locator('.okr-checks [data-okr-lint="input-without-kr"]').textContent()).toMatch(
      /Average nights per booking/,
    );
  });

  it('keeps an impossible key result in the form with the reasons, and stores nothing', async () => {
    const before = (await lens.call({ type: 'loop.get', treeId: 'demo-tree' })).keyResults.length;
    await page.locator('#new-kr-metric').selectOption('m-nights');
    expect(await page.locator('#new-kr-team').inputValue()).toBe('Trips');
    await page.locator('#new-kr-baseline').fill('2.4');
    await page.locator('#new-kr-target').fill('2.4');
    await page.locator('#new-kr-due').fill('2019-02-30');
    await page.getByRole('button', { name: 'Add key result' }).click();
    await page.locator('#new-kr-target-error').waitFor();
    expect(await page.locator('#new-kr-target-error').textContent()).toMatch(/equals the baseline/);
    expect(await page.locator('#new-kr-due-error').textContent()).toMatch(/date that exists/);
    expect(await page.locator('#new-kr-target').inputValue()).toBe('2.4');
    expect((await lens.call({ type: 'loop.get', treeId: 'demo-tree' })).keyResults).toHaveLength(before);
  });

  it('adds the key result, and the lints about its metric and team go away', async () => {
    await page.locator('#new-kr-target').fill('2.8');
    await page.locator('#new-kr-due').fill(await quarterEnd());
    await page.getByRole('button', { name: 'Add key result' }).click();
    const added = kr('Average nights per booking');
    await added.waitFor();
    expect(await added.locator('.kr-status').textContent()).toBe('no values yet');
    await page.locator('.okr-checks [data-okr-lint="input-without-kr"]').waitFor({ state: 'detached' });
    expect(await page.locator('.okr-checks [data-okr-lint="team-without-kr"]').count()).toBe(0);
    expect(await page.locator('#new-kr-target').inputValue()).toBe('');
  });

  it('computes progress from the values recorded for the metric', async () => {
    const stored = (await lens.call({ type: 'loop.get', treeId: 'demo-tree' })).keyResults;
    const mine = stored.find((k) => k.metricId === 'm-nights')!;
    const today = new Date().toISOString().slice(0, 10);
    await lens.call({ type: 'observation.add', metricId: 'm-nights', at: today, value: 2.8 });
    const added = kr('Average nights per booking');
    await eventually(
      () => added.locator('.kr-status').textContent(),
      (t) => t === 'on track',
    );
    expect(await added.textContent()).toMatch(/100% of the way/);
    expect(await added.locator('[data-okr-lint="kr-no-values"]').count()).toBe(0);
    expect(mine.team).toBe('Trips');
  });

  it('edits a key result in place, refusing a target equal to the baseline beside the field', async () => {
    const row = kr('Bookable listings');
    await row.getByRole('button', { name: /Edit/ }).click();
    await row.getByLabel('Target').fill('8200');
    await row.getByLabel('Target').blur();
    await row.locator('.field-error').waitFor();
    expect(await row.locator('.field-error').textContent()).toMatch(/equals the baseline/);
    await row.getByLabel('Target').fill('8700');
    await row.getByLabel('Target').blur();
    await eventually(
      () => row.locator('.kr-status').textContent(),
      (t) => t === 'on track',
    );
    const stored = (await lens.call({ type: 'loop.get', treeId: 'demo-tree' })).keyResults;
    expect(stored.find((k) => k.id === 'kr-listings')?.target).toBe(8700);
  });

  it('deletes a key result, and the lint for its metric comes back', async () => {
    await kr('Repeat guests')
      .getByRole('button', { name: /Delete/ })
      .click();
    await kr('Repeat guests').waitFor({ state: 'detached' });
    await page.locator('.okr-checks [data-okr-lint="input-without-kr"]', { hasText: 'Repeat guests' }).waitFor();
  });
});
