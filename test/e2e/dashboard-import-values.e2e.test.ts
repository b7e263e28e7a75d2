/**
 * Metric values from files people already export (issue 18), through the dashboard as a
 * user does it: pick the file, see the series and the periods they roll up into, import,
 * and see the values on the metric's card. Twice is once; a bad file changes nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, seedDemo, storedWorkspace } from './dashboard-helpers';
import { FIXTURES_DIR, eventually, launchLens, type Lens } from './harness';
import { shows, controlValue } from './import-helpers';

async function fixture(name: string) {
  return { name, mimeType: 'text/csv', buffer: await readFile(join(FIXTURES_DIR, 'import', name)) };
}

function card(page: Page, name: string) {
  return page.locator('.metric-card', { has: page.getByRole('heading', { name, exact: true }) });
}

async function tableRows(page: Page, scope: string, count: number): Promise<string[]> {
  const rows = page.locator(`${scope} .value-import-table tbody tr`);
  const texts = await eventually(
    () => rows.allInnerTexts(),
    (all) => all.length === count,
  );
  return texts.map((r) => r.replace(/\s+/g, ' ').trim());
}

describe('dashboard: importing metric values', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'data');
  });
  afterAll(async () => lens?.close());

  it('previews a GA4 export rolled up to the metric’s weeks, imports it and shows it on the card', async () => {
    await page.getByLabel('Metric values (.csv)').setInputFiles(await fixture('ga4-two-tables.csv'));
    const preview = page.locator('.value-import-preview');
    await preview.waitFor();
    await preview.getByLabel('Series in the file').selectOption('Active users');
    await preview.getByLabel('Metric it fills').selectOption({ label: 'Repeat guests (input metric, per week)' });
    expect(await controlValue(preview.getByLabel('Days roll up per week as'), 'sum')).toBe('sum');
    expect(await tableRows(page, '', 2)).toEqual([
      '2023-02-27 – 2023-03-05 5 6,503',
      '2023-03-06 – 2023-03-12 2 3,208',
    ]);
    await shows(preview.locator('.value-import-summary'), '2 new, 0 changed, 0 unchanged in Repeat guests.');
    await preview.getByRole('button', { name: 'Import values' }).click();
    await shows(page.locator('.value-import-done'), '2 new, 0 changed, 0 unchanged');

    await page.getByRole('link', { name: 'Metric tree' }).click();
    const repeat = card(page, 'Repeat guests');
    // The demo keeps repeat guests without values (the OKR checks' "no values" case).
    await shows(repeat.locator('.metric-count'), '2 values');
    await repeat.getByRole('link', { name: 'Repeat guests' }).click();
    await page
      .locator('.metric-chart')
      .getByRole('group', { name: /Repeat guests over time/ })
      .waitFor();
    const rows = await page.locator('.metric-values-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.children]
          .map((c) => c.textContent?.trim())
          .join(' ')
          .trim(),
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows.slice(-2)).toEqual(['2023-03-12 2023-W10 3,208', '2023-03-05 2023-W09 6,503']);
  });

  it('offers the same choices for the same kind of file, and a second import changes nothing', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    const before = await storedWorkspace(lens);
    await page.getByLabel('Metric values (.csv)').setInputFiles(await fixture('ga4-two-tables.csv'));
    const preview = page.locator('.value-import-preview');
    expect(await controlValue(preview.getByLabel('Series in the file'), 'Active users')).toBe('Active users');
    await shows(preview.locator('.value-import-summary'), '0 new, 0 changed, 2 unchanged in Repeat guests.');
    expect(await preview.getByRole('button', { name: 'Import values' }).isDisabled()).toBe(true);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedWorkspace(lens)).toEqual(before);
  });

  it('records a range total as one value at the range’s end', async () => {
    await page.getByLabel('Metric values (.csv)').setInputFiles(await fixture('ga4-two-tables.csv'));
    const preview = page.locator('.value-import-preview');
    await preview.getByLabel('Series in the file').selectOption('Users · Organic Search (total over the range)');
    await preview.getByLabel('Metric it fills').selectOption({ label: 'Bookable listings (input metric, per week)' });
    expect(await tableRows(page, '', 1)).toEqual(['2023-03-01 – 2023-03-07 total 4,210']);
    await preview.getByRole('button', { name: 'Import values' }).click();
    await shows(page.locator('.value-import-done'), '1 new');
  });

  it('imports from a metric’s own card, listing the cells it could not read by line and column', async () => {
    await page.getByRole('link', { name: 'Metric tree' }).click();
    const nsm = card(page, 'Nights booked');
    await nsm.getByRole('button', { name: 'Edit' }).click();
    await nsm.getByLabel('Import values of Nights booked (CSV)').setInputFiles(await fixture('table-long.csv'));
    const preview = nsm.locator('.value-import-preview');
    expect(await controlValue(preview.getByLabel('Metric it fills'), 'm-nsm')).toBe('m-nsm');
    await preview.locator('.import-problems li').first().waitFor();
    const problems = await preview.locator('.import-problems li').allInnerTexts();
    expect(problems.some((p) => /^Line 4, column 2: .*formula/.test(p))).toBe(true);
    expect(problems.some((p) => /^Line 7, column 2: "abc" is not a number/.test(p))).toBe(true);
    await preview.getByLabel('Series in the file').selectOption('Signups');
    await preview.getByLabel('Days roll up per week as').selectOption('max');
    expect(await tableRows(page, '.metric-card', 1)).toEqual(['2023-03-20 – 2023-03-26 2 1,234']);
    await preview.getByRole('button', { name: 'Import values' }).click();
    await shows(nsm.locator('.value-import-done'), '1 new');
    await nsm.getByRole('button', { name: 'Done' }).click();
    await shows(nsm.locator('.metric-count'), '27 values');
  });

  it('refuses a file over 50 MB before reading it', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    const before = await storedWorkspace(lens);
    // Playwright hands over buffers of at most 50 MB: a larger file goes by its path.
    const dir = await mkdtemp(join(tmpdir(), 'nsl-huge-'));
    const huge = join(dir, 'huge.csv');
    await writeFile(huge, Buffer.alloc(51 * 1024 * 1024, 32));
    await page.getByLabel('Metric values (.csv)').setInputFiles(huge);
    await rm(dir, { recursive: true, force: true });
    await shows(page.locator('.value-import-error'), /51\.0 MB; files up to 50 MB/);
    expect(await storedWorkspace(lens)).toEqual(before);
  });

  describe.each([
    {
      kind: 'an image',
      file: { name: 'chart.png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]) },
      says: /image/,
    },
    {
      kind: 'an Excel workbook',
      file: { name: 'report.xlsx', buffer: Buffer.from('PK\u0003\u0004rest', 'latin1') },
      says: /Excel/,
    },
    { kind: 'an empty file', file: { name: 'empty.csv', buffer: Buffer.alloc(0) }, says: /empty/ },
    {
      kind: 'a header and no rows',
      file: { name: 'head.csv', buffer: Buffer.from('Date,Users\n') },
      says: /no data rows/,
    },
    {
      kind: 'no dates at all',
      file: { name: 'plain.csv', buffer: Buffer.from('Name,Users\nA,1\nB,2\n') },
      says: /date/,
    },
  ])('a file that is $kind', ({ file, says }) => {
    it('is refused with the reason, and nothing changes', async () => {
      await page.getByRole('link', { name: 'Data' }).click();
      const before = await storedWorkspace(lens);
      await page.getByLabel('Metric values (.csv)').setInputFiles({ ...file, mimeType: 'text/csv' });
      const error = page.locator('.value-import-error');
      await shows(error, says);
      expect(await error.textContent()).toMatch(/Nothing was changed\.$/);
      expect(await page.locator('.value-import-preview').count()).toBe(0);
      expect(await storedWorkspace(lens)).toEqual(before);
    });
  });
});
