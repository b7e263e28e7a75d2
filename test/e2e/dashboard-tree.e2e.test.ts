import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: the metric tree', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'tree');
  });
  afterAll(async () => lens?.close());

  const card = (name: string) => page.locator('.metric-card', { has: page.locator('.metric-name', { hasText: name }) });

  it('shows the North Star, its input metrics and the team metric under its input', async () => {
    await expect(page.locator('.nsm-level .metric-name').textContent()).resolves.toBe('Nights booked');
    const inputs = await page.locator('.input-grid > .branch > .metric-card .metric-name').allTextContents();
    expect(inputs.sort()).toEqual([
      'Average nights per booking',
      'Bookable listings',
      'Repeat guests',
      'Search-to-book conversion',
    ]);
    const branch = page.locator('.branch', { has: page.locator('.metric-name', { hasText: 'Bookable listings' }) });
    await expect(branch.locator('.team-list .metric-name').textContent()).resolves.toBe('Hosts completing onboarding');
  });

  it('puts a finding beside the metric it concerns, and clears it as the cause is fixed', async () => {
    const repeat = card('Repeat guests');
    await repeat.getByRole('button', { name: /Edit/ }).click();
    await repeat.getByLabel('Owner team').fill('');
    await repeat.locator('[data-lint="input-owner"]').waitFor();
    expect(await repeat.locator('[data-lint="input-owner"]').textContent()).toMatch(/Repeat guests/);

    await repeat.getByLabel('Owner team').fill('Retention');
    await repeat.locator('[data-lint="input-owner"]').waitFor({ state: 'detached' });
    await repeat.getByLabel('Owner team').blur();

    const stored = await eventually(
      () => lens.call({ type: 'snapshot.get' }),
      (snap) => snap.metrics.find((m) => m.name === 'Repeat guests')?.ownerTeam === 'Retention',
    );
    expect(stored.metrics.find((m) => m.name === 'Repeat guests')?.ownerTeam).toBe('Retention');
  });

  it('warns about the whole tree beside it once there are more than five input metrics', async () => {
    expect(await page.locator('.tree-checks [data-lint="input-count"]').count()).toBe(0);
    await page.getByRole('button', { name: '+ Input metric' }).click();
    await page.locator('.metric-card', { hasText: 'New input metric' }).first().waitFor();
    await page.getByRole('button', { name: '+ Input metric' }).click();
    await page.locator('.tree-checks [data-lint="input-count"]').waitFor();
    expect(await page.locator('.tree-checks [data-lint="input-count"]').textContent()).toMatch(/6/);
  });

  it('keeps a typed name that is refused and says why, beside the field', async () => {
    const fresh = page.locator('.metric-card', { hasText: 'New input metric' }).first();
    const name = fresh.getByLabel('Name', { exact: true });
    await name.fill('');
    await fresh.getByText('A metric needs a name').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('Host response time');
    await fresh.getByText('A metric needs a name').waitFor({ state: 'detached' });
  });

  it('deletes a metric after a confirmation', async () => {
    const before = (await lens.call({ type: 'snapshot.get' })).metrics.length;
    const fresh = page.locator('.metric-card', { hasText: 'New input metric' }).first();
    await fresh.getByRole('button', { name: 'Delete metric' }).click();
    await fresh.getByRole('button', { name: 'Delete', exact: true }).click();
    const after = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).metrics.length,
      (n) => n === before - 1,
    );
    expect(after).toBe(before - 1);
  });

  it('switches between trees, one active at a time', async () => {
    await page.getByLabel('Active tree').selectOption({ label: 'My personal tree' });
    await page.locator('.nsm-level .metric-name', { hasText: 'Deep-work hours' }).waitFor();
    const settings = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).tree?.name,
      (name) => name === 'My personal tree',
    );
    expect(settings).toBe('My personal tree');
    await page.getByLabel('Active tree').selectOption({ label: 'Stays marketplace' });
    await page.locator('.nsm-level .metric-name', { hasText: 'Nights booked' }).waitFor();
  });

  it('deletes a tree after a confirmation, leaving the other one active', async () => {
    await page.getByLabel('Active tree').selectOption({ label: 'My personal tree' });
    await page.locator('.nsm-level .metric-name', { hasText: 'Deep-work hours' }).waitFor();
    await page.getByRole('button', { name: 'Delete tree…' }).click();
    await page.getByRole('button', { name: 'Delete tree', exact: true }).click();
    await page.locator('.nsm-level .metric-name', { hasText: 'Nights booked' }).waitFor();
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.trees.map((t) => t.name)).toEqual(['Stays marketplace']);
    expect(snap.tree?.name).toBe('Stays marketplace');
  });
});
