/**
 * Shared steps of the dashboard and popup browser tests: a seeded workspace and the
 * extension pages opened on it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoWorkspace } from '../../scripts/demo/workspace.mjs';
import { EXTENSION_DIR, type Lens } from './harness';

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

/**
 * The built extension with a changed manifest, for what a headless browser cannot do by
 * hand: answer Chromium's native permission prompt, or click the toolbar button that
 * grants activeTab. Pages are served at their real URLs like in the harness.
 */
export interface PatchedLens {
  context: BrowserContext;
  extensionId: string;
  /** Sends a request to the background as a view would. */
  send(message: unknown): Promise<{ ok: boolean; value?: any; error?: { message: string } }>;
  close(): Promise<void>;
}

export async function launchPatchedLens(patch: (manifest: Record<string, any>) => void, pages: { url: string; html: string }[]): Promise<PatchedLens> {
  const dir = await mkdtemp(join(tmpdir(), 'nsl-patched-'));
  const extension = join(dir, 'extension');
  await cp(EXTENSION_DIR, extension, { recursive: true });
  const manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8'));
  patch(manifest);
  await writeFile(join(extension, 'manifest.json'), JSON.stringify(manifest));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      const found = pages.find((p) => p.url === route.request().url().split('#')[0]);
      return found && route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: found.html })
        : route.abort('blockedbyclient');
    },
  );
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  let bridge: Page | null = null;
  return {
    context,
    extensionId,
    async send(message) {
      if (!bridge || bridge.isClosed()) {
        bridge = await context.newPage();
        await bridge.goto(`chrome-extension://${extensionId}/dashboard.html`);
      }
      return bridge.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), message);
    },
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The few extension APIs the tests call inside extension pages (page.evaluate bodies). */
export interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<any> };
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
    windows: { create(options: { url: string; type: 'popup'; focused: boolean; width: number; height: number }): Promise<unknown> };
  };
}
