import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { openDashboard } from './dashboard-helpers';

describe('first run', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    page = await openDashboard(lens);
  });
  afterAll(async () => lens?.close());

  it('offers the six well-known North Stars and a blank start', async () => {
    await page.locator('.template-grid').waitFor();
    const choices = await page.locator('.template-title').allTextContents();
    expect(choices).toEqual([
      'Nights booked',
      'Weekly active teams sending messages',
      'Weekly querying users',
      'Time spent listening',
      'Weekly active collaborative projects',
      'Customers using 2+ services',
      'Start blank',
    ]);
  });

  it('creates the chosen template as the active tree, then asks for input metrics and owners', async () => {
    await page.getByLabel(/Weekly querying users/).check();
    await page.getByLabel('Name this tree').fill('Insights product');
    await page.getByRole('button', { name: 'Create the tree' }).click();
    await page.getByRole('heading', { name: 'Name your input metrics and who owns them' }).waitFor();
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.tree?.name).toBe('Insights product');
    expect(snap.tree?.game).toBe('productivity');
    expect(
      snap.metrics
        .filter((m) => m.role === 'input')
        .map((m) => m.ownerTeam)
        .sort(),
    ).toEqual(['Analysis', 'Collaboration', 'Integrations', 'Onboarding']);
    expect(snap.metrics.find((m) => m.role === 'nsm')).toMatchObject({
      name: 'Weekly querying users',
      period: 'week',
      category: 'engagement',
    });
  });

  it('coaches while the user types: an input metric without an owner is flagged until one is named', async () => {
    const owner = page.getByLabel('Owner team').first();
    await owner.fill('');
    const finding = page.locator('.onboarding-checks [data-lint="input-owner"]');
    await finding.waitFor();
    await owner.fill('Growth');
    await finding.waitFor({ state: 'detached' });
  });

  it('flags a vanity North Star as it is typed', async () => {
    const nsm = page.getByLabel('North Star metric');
    await nsm.fill('Total sign-ups');
    await page.locator('.onboarding-checks [data-lint="vanity-nsm"]').waitFor();
    await nsm.fill('Weekly querying users');
    await page.locator('.onboarding-checks [data-lint="vanity-nsm"]').waitFor({ state: 'detached' });
  });

  it('adds an input metric by name and owner, then opens the dashboard on the tree', async () => {
    await page.getByRole('button', { name: '+ Add an input metric' }).click();
    await page.getByLabel('Input metric 5').fill('Dashboards shared');
    await page.getByLabel('Owner team').nth(4).fill('Sharing');
    await page.getByLabel('Owner team').nth(4).blur();
    const stored = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).metrics.find((m) => m.name === 'Dashboards shared'),
      (m) => m?.ownerTeam === 'Sharing',
    );
    expect(stored?.role).toBe('input');
    await page.getByRole('button', { name: 'Open the dashboard' }).click();
    await page.locator('#tree-heading').waitFor();
    expect(await page.locator('.input-grid .metric-name').count()).toBe(5);
  });

  it('starts a second tree blank from the dashboard', async () => {
    await page.getByRole('button', { name: '+ New tree' }).click();
    await page.getByLabel(/Start blank/).check();
    await page.getByLabel('Name this tree').fill('Personal');
    await page.getByRole('button', { name: 'Create the tree' }).click();
    await page.getByRole('heading', { name: 'Name your input metrics and who owns them' }).waitFor();
    await page.locator('.onboarding-checks [data-lint="input-count"]').waitFor();
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.trees).toHaveLength(2);
    expect(snap.tree?.name).toBe('Personal');
  });
});
