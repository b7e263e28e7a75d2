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

  it('opens on the last complete week, with a value for each metric the demo records weekly', async () => {
    const heading = (await page.getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(heading).toMatch(/^Weekly review of \d{4}-W\d\d, \d+ \w{3} – \d+ \w{3} \d{4}$/);
    const values = await page
      .locator('.review-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.querySelector('th')?.textContent} ${r.querySelectorAll('td')[1]?.textContent}`),
      );
    for (const name of ['Nights booked', 'Bookable listings', 'Search-to-book conversion', 'Revenue']) {
      expect(values.find((v) => v.startsWith(name))).not.toMatch(/no value/);
    }
  });

  it('steps to the current week, labelled as in progress, and back to earlier weeks', async () => {
    const heading = page.getByRole('heading', { level: 2 });
    const lastWeek = (await heading.textContent()) ?? '';
    await page.getByRole('button', { name: 'Week after →' }).click();
    await expect.poll(() => heading.textContent()).toMatch(/ \(in progress\)$/);
    expect(await page.getByRole('button', { name: 'Week after →' }).count()).toBe(0);
    // The week has only begun: the anomaly was last week's.
    expect(await page.locator('.unusual-list li').count()).toBe(0);
    await page.getByRole('button', { name: '← Week before' }).click();
    await page.getByRole('button', { name: '← Week before' }).click();
    await expect.poll(() => heading.textContent()).not.toBe(lastWeek);
    expect(await page.getByText('Price breakdown before checkout').count()).toBe(0);
    await page.getByRole('button', { name: 'Last complete week' }).click();
    await expect.poll(() => heading.textContent()).toBe(lastWeek);
  });

  it('flags the week outside the usual range, in words', async () => {
    const unusual = page.locator('section', { has: page.getByRole('heading', { name: 'Unusual changes' }) });
    await expect
      .poll(() => unusual.locator('li').allTextContents())
      .toEqual([
        expect.stringMatching(
          /^Search-to-book conversion: 29% is [\d.]+ standard deviations above the last 8 weeks' mean of 2[23](\.\d+)?%$/,
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
