/**
 * Shared steps of the dashboard and popup browser tests: a seeded workspace and the
 * extension pages opened on it.
 */
import type { Page } from 'playwright-core';
import { demoWorkspace } from '../../scripts/demo/workspace.mjs';
import type { Lens } from './harness';

export { demoWorkspace };

export async function seedDemo(lens: Lens): Promise<void> {
  await lens.call({ type: 'workspace.import', document: demoWorkspace(), mode: 'replace' });
}

export async function openDashboard(lens: Lens, section = 'tree'): Promise<Page> {
  const page = await lens.context.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/dashboard.html#${section}`);
  await page.locator('.content h2, .onboarding').first().waitFor();
  return page;
}

/** The stored workspace without its export timestamp: what "nothing changed" compares. */
export async function storedWorkspace(lens: Lens): Promise<unknown> {
  const file = (await lens.call({ type: 'workspace.export' })) as Record<string, unknown>;
  const { exportedAt: _at, ...rest } = file;
  return rest;
}

/** Rows of the ranked backlog as the user reads them: rank and title. */
export async function backlogOrder(page: Page): Promise<string[]> {
  return page.locator('.backlog-list .backlog-row').evaluateAll((rows) =>
    rows.map((row) => `${row.querySelector('.cell-rank')?.textContent?.trim()} ${row.querySelector('.item-title')?.textContent?.trim()}`),
  );
}
