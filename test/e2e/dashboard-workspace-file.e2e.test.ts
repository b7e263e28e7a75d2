/**
 * A workspace larger than one message's worth of text goes out and comes back through
 * the dashboard: the export is asked for in parts (lib/domain/workspace-file-parts.ts) and
 * the file chosen is posted whole to the worker (lib/messaging/file-channel.ts). 1,000 items
 * with long notes and 5,000 values export as about 9.5 Mi characters, two parts (few
 * records, so the test stays short on a shared machine); the 141 MiB file of 100,000 items
 * and 500,000 values is measured in `node scripts/bench/file-import.mjs` and
 * `npm run bench -- --only scale` (docs/benchmarks.md, rounds 11 and 12), the same way.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { benchWorkspace } from '../../scripts/bench/workspace.mjs';
import { FILE_PART_CHARS } from '../../lib/domain/workspace-file-parts';
import { launchLens, type Lens } from './harness';
import { demoWorkspace, openDashboard, storedWorkspace } from './dashboard-helpers';

describe('dashboard: a workspace file of more than one part', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    const workspace = benchWorkspace({ items: 1_000, metrics: 10, observations: 5_000 });
    // Notes of 9,000 characters (the limit is 10,000) carry the file past one part.
    for (const item of workspace.items) item.notes = `Why: ${'the longer story. '.repeat(500)}`;
    await lens.call({ type: 'workspace.import', document: workspace, mode: 'replace' });
    page = await openDashboard(lens, 'data');
  }, 240_000);
  afterAll(async () => lens?.close());

  it('exports in parts, and the file replaces another workspace with exactly what was exported', async () => {
    const before = await storedWorkspace(lens);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Export workspace (JSON)' }).click(),
    ]);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.length).toBeGreaterThan(FILE_PART_CHARS);
    const file = JSON.parse(text);
    expect(file.items).toHaveLength(1_000);
    expect(file.observations).toHaveLength(5_000);

    // Another workspace in its place (an empty one would show the onboarding, not the Data section).
    await lens.call({ type: 'workspace.import', document: demoWorkspace(), mode: 'replace' });
    await page.evaluate(() => {
      type Runtime = { sendMessage: (message: { type?: unknown }, ...rest: unknown[]) => unknown };
      const sentTypes = new Set<string>();
      (window as unknown as { __sentTypes: Set<string> }).__sentTypes = sentTypes;
      // Chromium's own `browser` namespace, which the polyfill uses when present, and `chrome`.
      const apis = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
      for (const runtime of [apis.browser?.runtime, apis.chrome?.runtime]) {
        if (!runtime) continue;
        const send = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (message, ...rest) => {
          if (typeof message?.type === 'string' && message.type.startsWith('workspace.')) sentTypes.add(message.type);
          return send(message, ...rest);
        };
      }
    });
    await page.getByLabel('Workspace file (.json)').setInputFiles(path);
    const preview = page.locator('.import-preview');
    await page.locator('.import-preview, .import-error').first().waitFor({ timeout: 240_000 });
    expect(await page.locator('.import-error').allTextContents()).toEqual([]);
    const row = (label: string) => preview.locator('tr', { has: page.locator('th', { hasText: label }) });
    expect(await row('Items').locator('td').first().textContent()).toBe('1000');
    expect(await row('Observations').locator('td').first().textContent()).toBe('5000');

    await page.getByRole('button', { name: 'Replace my workspace with this file' }).click();
    await page.locator('.import-done').waitFor({ timeout: 120_000 });
    expect(await page.locator('.import-done').textContent()).toMatch(/6011 added, 0 updated, \d+ removed/);
    expect(await storedWorkspace(lens)).toEqual(before);
    // Handed over whole: not one part of its text went as an extension message.
    const sentTypes = await page.evaluate(() => [...(window as unknown as { __sentTypes: Set<string> }).__sentTypes]);
    expect(sentTypes.sort()).toEqual(['workspace.importFile', 'workspace.previewFile']);
  }, 600_000);
});
