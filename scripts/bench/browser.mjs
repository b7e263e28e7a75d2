/**
 * One Chromium with one extension (or none), launched as the browser tests launch it
 * (test/e2e/harness.ts): the same flags, fixture pages served at real URLs by request
 * interception, every other request aborted so nothing leaves the machine.
 */
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from './paths.mjs';
import { BRIDGE_PAGE } from './extension.mjs';

export async function launchBrowser(extensionDir) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'nsl-bench-profile-'));
  const extensionFlags = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      ...extensionFlags,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
    ],
  });

  const routes = [];
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const url = route.request().url().split('#')[0];
      const match = [...routes].reverse().find((r) => (typeof r.url === 'string' ? r.url === url : r.url.test(url)));
      if (match && route.request().resourceType() === 'document') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: match.html(url) });
      } else {
        await route.abort('blockedbyclient');
      }
    },
  );

  const browser = {
    context,
    /** `html` is a string, or a function of the requested URL. */
    serve(url, html) {
      routes.push({ url, html: typeof html === 'function' ? html : () => html });
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  if (!extensionDir || !(await hasServiceWorker(extensionDir))) return browser;

  const worker = () =>
    context
      .serviceWorkers()
      .filter((w) => w.url().startsWith('chrome-extension://'))
      .at(-1);
  const serviceWorker = async () => worker() ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  let bridge = null;
  const bridgePage = async () => {
    if (bridge && !bridge.isClosed()) return bridge;
    bridge = await context.newPage();
    await bridge.goto(`chrome-extension://${extensionId}/${BRIDGE_PAGE}`);
    return bridge;
  };

  return Object.assign(browser, {
    extensionId,
    serviceWorker,
    bridgePage,
    /** Sends a request as an extension page does; returns the reply and the round trip in ms. */
    async send(request) {
      const page = await bridgePage();
      return page.evaluate(async (req) => {
        const start = performance.now();
        const reply = await chrome.runtime.sendMessage(req);
        return { reply, ms: performance.now() - start };
      }, request);
    },
    async call(request) {
      const { reply } = await browser.send(request);
      if (!reply?.ok) throw new Error(`${request.type} failed: ${JSON.stringify(reply?.error)}`);
      return reply.value;
    },
    /** Time the background spent on each request since the last call, from sw-timer.js. */
    async workerTimes() {
      return (await serviceWorker()).evaluate(() => globalThis.__nslBench.times.splice(0));
    },
    /** What the browser does to an idle worker: the target goes, and its memory with it. */
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(await bridgePage());
      const workers = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
        );
      const closed = new Set();
      for (const target of await workers()) {
        closed.add(target.targetId);
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
      }
      // The closed worker gone, whether or not something has started a new one since.
      const stillThere = async () => (await workers()).some((t) => closed.has(t.targetId));
      const deadline = Date.now() + 10_000;
      while ((await stillThere()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await cdp.detach();
    },
  });
}

async function hasServiceWorker(extensionDir) {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  return Boolean(manifest.background?.service_worker);
}
