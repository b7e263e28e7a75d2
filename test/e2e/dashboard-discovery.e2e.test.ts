import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: choosing the North Star on the discovery worksheet', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'discovery');
  });
  afterAll(async () => lens?.close());

  const storedWorksheet = async () => (await lens.call({ type: 'loop.get', treeId: 'demo-tree' })).worksheet;

  it('shows the saved worksheet: value events ranked, candidates scored, the chosen North Star marked', async () => {
    await page.locator('.value-event').first().waitFor();
    expect(await page.locator('.value-event').count()).toBe(6);
    const ranks = await page
      .locator('.value-event')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.querySelector('.event-rank')?.textContent} ${r.querySelector('input')?.value}`),
      );
    expect(ranks[0]).toBe('#1 A guest checks in to a stay they booked');
    expect(ranks[5]).toBe('#6 A host answers a question within the hour');
    const chosen = page.locator('.candidate-card.chosen');
    expect(await chosen.locator('h4').textContent()).toBe('Nights booked');
    expect(await chosen.locator('.candidate-head').textContent()).toMatch(/Rank 1/);
  });

  it('keeps an impossible rating in its field with the reason, and stores a valid one', async () => {
    await page.getByRole('button', { name: '+ Value event' }).click();
    const row = page.locator('.value-event').nth(6);
    await row.waitFor();
    await row.getByLabel('Value event 7').fill('A guest pays the balance at check-out');
    const growth = row.getByLabel('Correlation with growth');
    await growth.fill('7');
    await row.locator('.field-error').waitFor();
    expect(await row.locator('.field-error').textContent()).toMatch(/whole number from 1 .* to 5/);
    expect(await growth.inputValue()).toBe('7');
    await growth.fill('3');
    await row.locator('.field-error').waitFor({ state: 'detached' });
    await growth.blur();
    const stored = await eventually(storedWorksheet, (w) =>
      Boolean(w?.valueEvents.some((e) => e.text.startsWith('A guest pays') && e.ratings.growthCorrelation === 3)),
    );
    expect(stored?.valueEvents).toHaveLength(7);
  });

  it('coaches a candidate as it is typed, with a poor -> good rewrite, and clears a finding once fixed', async () => {
    const event = page.locator('.value-event').nth(6);
    await event.getByRole('button', { name: /Make a candidate/ }).click();
    const card = page.locator('.candidate-card').nth(3);
    await card.waitFor();
    await card.getByLabel('Candidate metric').fill('Users');
    const vague = card.locator('[data-coaching="not-quantifiable"]');
    await vague.waitFor();
    expect(await vague.locator('.rewrite').textContent()).toMatch(
      /Users → Monthly active users who used at least one core feature/,
    );
    expect(await card.locator('[data-coaching="not-time-bound"]').count()).toBe(1);

    await card.getByLabel('Candidate metric').fill('Teams who send at least 50 messages a week');
    await vague.waitFor({ state: 'detached' });
    await card.getByLabel('Period').selectOption('week');
    await card.locator('[data-coaching="not-time-bound"]').waitFor({ state: 'detached' });
    await card.getByLabel('Teams that can move it').fill('Guest experience, Host growth, Trips');
    await card.locator('[data-coaching="one-team"]').waitFor({ state: 'detached' });
    await card.getByLabel('Measures customer value').fill('9');
    expect(await card.locator('.field-error').textContent()).toMatch(/whole number/);
    await card.getByLabel('Measures customer value').fill('5');
  });

  it('makes the chosen candidate the NSM, keeps the worksheet, and offers input metrics to add', async () => {
    const card = page.locator('.candidate-card', {
      has: page.locator('h4', { hasText: 'Teams who send at least 50 messages a week' }),
    });
    await card.getByRole('button', { name: /Choose as North Star/ }).click();
    await card.locator('.role-tag', { hasText: 'Chosen North Star' }).waitFor();
    const worksheet = await eventually(storedWorksheet, (w) =>
      Boolean(
        w?.candidates.find((c) => c.id === w.chosenCandidateId)?.name === 'Teams who send at least 50 messages a week',
      ),
    );
    expect(worksheet?.candidates).toHaveLength(4);
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.metrics.find((m) => m.role === 'nsm')?.name).toBe('Teams who send at least 50 messages a week');
    expect(snap.history.at(-1)).toMatchObject({
      from: 'Nights booked',
      to: 'Teams who send at least 50 messages a week',
    });

    const suggestions = page.locator('.suggestions li');
    await suggestions.first().waitFor();
    const count = await suggestions.count();
    expect(count).toBeGreaterThan(0);
    const name = (await suggestions.first().locator('strong').textContent()) ?? '';
    await suggestions.first().getByRole('button', { name: /Add/ }).click();
    await eventually(
      () => suggestions.count(),
      (n) => n === count - 1,
    );

    await page.getByRole('link', { name: 'Metric tree' }).first().click();
    await page.locator('.nsm-level .metric-name').waitFor();
    expect(await page.locator('.nsm-level .metric-name').textContent()).toBe(
      'Teams who send at least 50 messages a week',
    );
    await page.locator('.metric-card .metric-name', { hasText: name }).first().waitFor();
  });
});
