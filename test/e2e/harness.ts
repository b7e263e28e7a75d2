/**
 * Runs the built extension (.output/chrome-mv3) in Debian's Chromium through
 * playwright-core. Host pages are fixtures served at the sites' real URLs by request
 * interception, so content scripts inject under their real match patterns and nothing
 * touches the network: any request without a fixture is aborted and recorded.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Reply, RequestOf, RequestType, Responses } from '../../lib/messaging/protocol';

export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');
export const FIXTURES_DIR = resolve(__dirname, '../fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Lens {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Requests that left no fixture behind: a test of privacy reads this. */
  unservedRequests: string[];
  serve(url: string | RegExp, html: string): Promise<void>;
  serveFixture(url: string | RegExp, fixtureFile: string): Promise<void>;
  open(url: string): Promise<Page>;
  serviceWorker(): Promise<Worker>;
  /** Sends one request to the background as the dashboard would, and returns its reply. */
  send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<Responses[T]>>;
  call<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]>;
  /** Stops the extension's service worker as the browser does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /** False right after stopServiceWorker succeeded. */
  serviceWorkerRunning: boolean;
  close(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  keepUserData?: boolean;
  /**
   * Runs a copy of the build with its manifest changed: for what a headless browser
   * cannot do, such as a click on the toolbar button granting activeTab. `files` are
   * written into the copy first, for a manifest that names them.
   */
  patchManifest?(manifest: Record<string, unknown>): void;
  files?: Record<string, string>;
}

export async function launchLens(options: LaunchOptions = {}): Promise<Lens> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'nsl-e2e-')));
  const patchedDir = options.patchManifest ? await patchedCopy(options.patchManifest, options.files ?? {}) : null;
  const extensionDir = patchedDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
    ],
  });

  const routes: { url: string | RegExp; html: string }[] = [];
  const unservedRequests: string[] = [];
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const url = route.request().url();
      const match = [...routes]
        .reverse()
        .find((r) => (typeof r.url === 'string' ? sameUrlIgnoringHash(r.url, url) : r.url.test(url)));
      if (match && route.request().resourceType() === 'document') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: match.html });
      } else {
        unservedRequests.push(url);
        await route.abort('blockedbyclient');
      }
    },
  );

  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await serviceWorker()).url()).host;

  let extensionPage: Page | null = null;
  const bridge = async (): Promise<Page> => {
    if (extensionPage && !extensionPage.isClosed()) return extensionPage;
    extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/dashboard.html`);
    return extensionPage;
  };

  const lens: Lens = {
    context,
    extensionId,
    userDataDir,
    unservedRequests,
    async serve(url, html) {
      routes.push({ url, html });
    },
    async serveFixture(url, fixtureFile) {
      routes.push({ url, html: await readFile(join(FIXTURES_DIR, fixtureFile), 'utf8') });
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    serviceWorker,
    async send(request) {
      const page = await bridge();
      return page.evaluate(
        (req) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(req),
        request as unknown,
      ) as Promise<never>;
    },
    async call(request) {
      const reply = await lens.send(request);
      if (!reply.ok) throw new Error(`${request.type} failed: ${reply.error.code}: ${reply.error.message}`);
      return reply.value;
    },
    async stopServiceWorker() {
      // What the browser does to an idle worker: the target goes, and memory with it.
      const cdp = await context.newCDPSession(await bridge());
      const workers = async () =>
        ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
        );
      const closed = new Set<string>();
      for (const worker of await workers()) {
        closed.add(worker.targetId);
        await cdp.send('Target.closeTarget', { targetId: worker.targetId });
      }
      // Waits for the closed worker to go, not for no worker at all: anything that wakes
      // the extension meanwhile (a page's request) starts a new one, with empty memory.
      const stillThere = async () => (await workers()).some((t) => closed.has(t.targetId));
      const deadline = Date.now() + 10_000;
      while ((await stillThere()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      lens.serviceWorkerRunning = await stillThere();
      await cdp.detach();
    },
    serviceWorkerRunning: true,
    async close() {
      await context.close();
      if (!options.keepUserData && !options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
      if (patchedDir) await rm(patchedDir, { recursive: true, force: true });
    },
  };
  return lens;
}

async function patchedCopy(
  patch: (manifest: Record<string, unknown>) => void,
  files: Record<string, string>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nsl-patched-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  patch(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

interface TargetInfo {
  type: string;
  url: string;
  targetId: string;
}

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

function sameUrlIgnoringHash(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** Polls `read` until `accept` holds; the last value is returned either way for the assertion. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}
