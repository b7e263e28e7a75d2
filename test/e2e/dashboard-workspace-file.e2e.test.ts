/**
 * A workspace larger than one message's worth of text goes out and comes back through
 * the dashboard: the export is asked for in parts and the import sent in parts
 * (lib/domain/workspace-file-parts.ts). 10,000 items and 50,000 values export as about
 * 14 MiB, two parts each way; the 141 MiB file of 100,000 items is measured in
 * `npm run bench -- --only scale` (docs/benchmarks.md, round 11), which the same code serves.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { benchWorkspace } from '../../scripts/bench/workspace.mjs';
import { FILE_PART_CHARS } from '../../lib/domain/workspace-file-parts';
import { launchLens, type Lens } from './harness';
import { openDashboard, storedWorkspace } from './dashboard-helpers';

describe('dashboard: a workspace file of more than one part', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    const workspace = benchWorkspace({ items: 10_000, metrics: 10, observations: 50_000 });
    await lens.call({ type: 'workspace.import', document: workspace, mode: 'replace' });
    page = await openDashboard(lens, 'data');
  }, 240_000);
  afterAll(async () => lens?.close());

  it('exports in parts, and the file imports back into an empty workspace as it was', async () => {
    const before = await storedWorkspace(lens);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Export workspace (JSON)' }).click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.length).toBeGreaterThan(FILE_PART_CHARS);
    const file = JSON.parse(text);
    expect(file.items).toHaveLength(10_000);
    expect(file.observations).toHaveLength(50_000);

    await lens.call({ type: 'workspace.clear' });
    await page.getByLabel('Workspace file (.json)').setInputFiles(path);
    const preview = page.locator('.import-preview');
    await preview.waitFor({ timeout: 120_000 });
    const row = (label: string) => preview.locator('tr', { has: page.locator('th', { hasText: label }) });
    expect(await row('Items').locator('td').first().textContent()).toBe('10000');
    expect(await row('Observations').locator('td').first().textContent()).toBe('50000');

    await page.getByRole('button', { name: 'Replace my workspace with this file' }).click();
    await page.locator('.import-done').waitFor({ timeout: 120_000 });
    expect(await page.locator('.import-done').textContent()).toMatch(/60011 added, 0 updated, 0 removed/);
    expect(await storedWorkspace(lens)).toEqual(before);
  }, 300_000);
});
