import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: the weekly review', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'weekly-review');
    await page.locator('.review-table').waitFor();
  });
  afterAll(async () => lens?.close());

  it('flags the week outside the usual range, in words', async () => {
    const unusual = page.locator('section', { has: page.getByRole('heading', { name: 'Unusual changes' }) });
    await expect
      .poll(() => unusual.locator('li').allTextContents())
      .toEqual([
        expect.stringMatching(
          /^Search-to-book conversion: 29% is [\d.]+ standard deviations above the last 8 weeks' mean of 23/,
        ),
      ]);
  });

  it('lists what shipped since the last review under its input metric', async () => {
    const shipped = page.locator('section', { has: page.getByRole('heading', { name: /^Shipped since/ }) });
    const group = shipped.locator('.shipped-group', { hasText: 'Search-to-book conversion' });
    expect(await group.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Price breakdown before checkout (STAY-94), shipped'),
    ]);
  });

  it('saves the week’s notes and shows them after a reload', async () => {
    const notes = page.getByRole('textbox', { name: /^Notes for/ });
    await notes.fill('Conversion jumped: check the tracking before celebrating.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => page.locator('#review-notes-status').textContent()).toBe('Saved');
    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: /^Notes for/ }).inputValue())
      .toBe('Conversion jumped: check the tracking before celebrating.');
  });

  it('copies the review as Markdown that says what the page says, and confirms it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Copied the review as Markdown/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const heading = await page.getByRole('heading', { level: 2 }).textContent();
    expect(markdown.startsWith(`# ${heading}\n`)).toBe(true);
    const anomaly = (await page.locator('.unusual-list li').textContent()) ?? '';
    expect(markdown).toContain(
      `- **Search-to-book conversion**: ${anomaly.replace(/^Search-to-book conversion: /, '')}`,
    );
    expect(markdown).toContain('- Price breakdown before checkout (STAY-94), shipped');
    expect(markdown).toContain('## Notes\n\nConversion jumped: check the tracking before celebrating.\n');
    for (const name of await page.locator('.review-table tbody th').allTextContents()) {
      expect(markdown).toContain(`| ${name} |`);
    }
  });

  it('prints without navigation or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    const visible = async (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length);
    expect(await visible('button')).toBe(0);
    expect(await visible('.sidenav')).toBe(0);
    expect(await visible('.topbar')).toBe(0);
    expect(await page.locator('.notes-print').textContent()).toBe(
      'Conversion jumped: check the tracking before celebrating.',
    );
    await page.emulateMedia({ media: 'screen' });
  });
});
