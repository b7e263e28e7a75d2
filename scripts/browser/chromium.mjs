/**
 * Chromium with the extension loaded, as the browser tests, the bench and the demo all
 * run it: Debian's Chromium through playwright-core (no browser is ever downloaded), fixture
 * pages served at the sites' real URLs by request interception so content scripts inject
 * under their real match patterns, every other request aborted so nothing leaves the
 * machine, and the extension's service worker found, talked to and stopped.
 */
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixtureRoutes } from './routes.mjs';
import { replyValue } from './reply.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where `npm run build` puts the Chromium build. */
export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

// Generous: a first launch after a build, on two cores shared with other browsers, can be slow to start the worker.
const WORKER_TIMEOUT_MS = 20_000;

/**
 * Launches one Chromium, with `extension` loaded (and any `alongside` it), or with none.
 *
 * @param {import('./chromium.d.mts').ChromiumOptions} [options]
 * @returns {Promise<import('./chromium.d.mts').ChromiumLens>}
 */
export async function launchChromium(options = {}) {
  const { extension = CHROME_BUILD_DIR, alongside = [], headless = true, bridgePage = 'dashboard.html' } = options;
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), options.profilePrefix ?? 'nsl-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: chromiumArgs(extension ? [extension, ...alongside] : [], headless),
  });

  const routes = fixtureRoutes();
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const request = route.request();
      const html = routes.answer(request.url(), request.resourceType() === 'document');
      if (html === null) await route.abort('blockedbyclient');
      else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    },
  );

  const script = extension ? await serviceWorkerScript(extension) : null;
  // Found by its script while other extensions' workers may be starting beside it;
  // after that by its address, which a restarted worker keeps.
  const extensionId = script
    ? new URL((await findServiceWorker(context, (url) => url.pathname === `/${script}`)).url()).host
    : null;
  const ours = (/** @type {URL} */ url) => url.protocol === 'chrome-extension:' && url.host === extensionId;

  /** @type {import('playwright-core').Page | null} */
  let bridge = null;
  /** @type {import('./chromium.d.mts').ChromiumLens} */
  const lens = {
    context,
    extensionId,
    userDataDir,
    unservedRequests: routes.unserved,
    serve: routes.serve,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    serviceWorker: () => findServiceWorker(context, ours),
    async bridgePage() {
      if (!extensionId) throw new Error('This extension has no service worker to send requests to.');
      if (bridge && !bridge.isClosed()) return bridge;
      bridge = await lens.open(`chrome-extension://${extensionId}/${bridgePage}`);
      return bridge;
    },
    async send(request) {
      const page = await lens.bridgePage();
      return page.evaluate((req) => chrome.runtime.sendMessage(req), request);
    },
    async call(request) {
      return replyValue(request, await lens.send(request));
    },
    async stopServiceWorker() {
      lens.serviceWorkerRunning = await stopServiceWorker(context, await lens.bridgePage(), extensionId);
    },
    serviceWorkerRunning: Boolean(extensionId),
    async close() {
      await context.close();
      if (!options.userDataDir && !options.keepUserData) await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return lens;
}

/**
 * The same flags everywhere, so the bench measures the browser the tests check: no
 * background traffic of Chromium's own, and no GPU where there is no display to use one.
 */
function chromiumArgs(extensions, headless) {
  const list = extensions.join(',');
  return [
    '--no-sandbox',
    ...(extensions.length > 0
      ? [`--disable-extensions-except=${list}`, `--load-extension=${list}`]
      : ['--disable-extensions']),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...(headless ? ['--disable-gpu'] : []),
    '--disable-quic',
  ];
}

/** The worker script the manifest names, or null for an extension without one (the bench's floor). */
async function serviceWorkerScript(extensionDir) {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  return manifest.background?.service_worker ?? null;
}

/**
 * The newest running service worker whose address passes `matches`, or the next to start.
 * The newest, because a worker just stopped can still be listed beside its successor.
 *
 * @param {import('playwright-core').BrowserContext} context
 * @param {(url: URL) => boolean} matches
 */
export async function findServiceWorker(context, matches) {
  const test = (/** @type {import('playwright-core').Worker} */ worker) => matches(new URL(worker.url()));
  return (
    context.serviceWorkers().filter(test).at(-1) ??
    context.waitForEvent('serviceworker', { predicate: test, timeout: WORKER_TIMEOUT_MS })
  );
}

/**
 * What the browser does to an idle worker: the target goes, and its memory with it.
 * Returns whether the closed worker is still there after waiting for it to go.
 */
async function stopServiceWorker(context, extensionPage, extensionId) {
  const cdp = await context.newCDPSession(extensionPage);
  const workers = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
  const closed = new Set();
  for (const target of await workers()) {
    closed.add(target.targetId);
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  }
  // Waits for the closed worker to go, not for no worker at all: anything that wakes the
  // extension meanwhile (a page's request) starts a new one, with empty memory.
  const stillThere = async () => (await workers()).some((t) => closed.has(t.targetId));
  const deadline = Date.now() + 10_000;
  while ((await stillThere()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const running = await stillThere();
  await cdp.detach();
  return running;
}
