import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe.each(['light', 'dark'] as const)('accessibility of the extension pages in the %s theme', (scheme) => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
  });
  afterAll(async () => lens?.close());

  async function open(section: string): Promise<Page> {
    const page = await openDashboard(lens, section);
    await page.emulateMedia({ colorScheme: scheme });
    return page;
  }

  it('the metric tree, with a metric open for editing and its findings beside it, has no serious violations', async () => {
    const page = await open('tree');
    const card = page.locator('.metric-card', { hasText: 'Repeat guests' });
    await card.getByRole('button', { name: /Edit/ }).click();
    await card.getByLabel('Owner team').fill('');
    await card.locator('[data-lint="input-owner"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByLabel('Owner team').fill('Loyalty');
    await page.close();
  });

  it('the share and join forms of the tree header have no serious violations', async () => {
    const page = await open('tree');
    await page.getByText('Share this tree…').click();
    await page.locator('#share-kind').selectOption('password');
    await page.getByText('Join a shared tree…').click();
    await page.locator('#join-kind').selectOption('token');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['backlog', 'alignment', 'validation', 'sites', 'discovery', 'okrs', 'weekly-review', 'outcomes'])(
    'the %s section has no serious violations',
    async (section) => {
      const page = await open(section);
      await page.waitForTimeout(200);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('the data section, with an import error and the delete confirmation showing, has no serious violations', async () => {
    const page = await open('data');
    await page
      .getByLabel('Workspace file (.json)')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
    await page.locator('.import-error').waitFor();
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('a metric page, with a ship marker focused and an impossible amber band refused, has no serious violations', async () => {
    const page = await open('metric/m-listings');
    await page.locator('.metric-chart .ship-mark').first().focus();
    await page.getByLabel('Amber band (% of the target)').fill('150');
    await page.locator('#metric-page-amber[aria-invalid="true"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('the popup has no serious violations', async () => {
    const page = await lens.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${lens.extensionId}/popup.html`);
    await page.locator('#nsm-name').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('first run, both steps, has no serious violations', async () => {
    const fresh = await launchLens();
    try {
      const page = await openDashboard(fresh);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.template-grid').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Create the tree' }).click();
      await page.getByRole('heading', { name: 'Name your input metrics and who owns them' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
