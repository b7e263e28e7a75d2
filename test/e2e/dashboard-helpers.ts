/**
 * Shared steps of the dashboard and popup browser tests: a seeded workspace and the
 * extension pages opened on it.
 */
import type { Page } from 'playwright-core';
import { demoWorkspace } from '../../scripts/demo/workspace.mjs';
import { launchLens, type Lens } from './harness';

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
  return page
    .locator('.backlog-list .backlog-row')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.cell-rank')?.textContent?.trim()} ${row.querySelector('.item-title')?.textContent?.trim()}`,
      ),
    );
}

/**
 * The built extension with a changed manifest, for what a headless browser cannot do by
 * hand: answer Chromium's native permission prompt, or click the toolbar button that
 * grants activeTab. Pages are served at their real URLs like in the harness.
 */
/** The harness's lens over a copy of the build with a patched manifest; `send` takes any message, bad ones included. */
export type PatchedLens = Omit<Lens, 'send'> & { send(message: unknown): Promise<any> };

export async function launchPatchedLens(
  patch: (manifest: Record<string, any>) => void,
  pages: { url: string; html: string }[],
): Promise<PatchedLens> {
  const lens = await launchLens({ patchManifest: patch });
  for (const page of pages) await lens.serve(page.url, page.html);
  return lens as unknown as PatchedLens;
}

export interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<any> };
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
    windows: {
      create(options: {
        url: string;
        type: 'popup';
        focused: boolean;
        width: number;
        height: number;
      }): Promise<unknown>;
      getAll(options: { populate: boolean }): Promise<{ id: number; type: string }[]>;
      update(windowId: number, options: { focused: boolean }): Promise<unknown>;
      getLastFocused(): Promise<{ id: number }>;
    };
  };
}
