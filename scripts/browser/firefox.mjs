/**
 * Firefox with the extension installed, as the Firefox browser tests run it: Debian's
 * firefox-esr driven by puppeteer-core over WebDriver BiDi (no browser is ever
 * downloaded, no geckodriver), the built MV2 extension installed as a temporary add-on at
 * a fixed moz-extension:// address, fixture pages served at the sites' real URLs by each
 * page's request interception (routes.mjs, as for Chromium), and every request that gets
 * past interception caught by a local proxy that answers none: nothing leaves the machine,
 * and a privacy test can read what was attempted.
 *
 * See shared notes/firefox.md for the facts this rests on, and why puppeteer-core is pinned
 * (extension pages are reached through its internal BiDi browsing context).
 */
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fixtureRoutes } from './routes.mjs';
import { replyValue } from './reply.mjs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Where `npm run build:firefox` puts the Firefox build. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The extension's fixed internal UUID, so its pages have a known address in every run. */
export const EXTENSION_UUID = '6e0b5c1a-4f3e-4c55-9d3b-7a1f00c0ffee';

/**
 * Launches one Firefox and installs `extension` into it (once: a second install in the same
 * browser has broken the next extension-page navigation).
 *
 * @param {import('./firefox.d.mts').FirefoxOptions} [options]
 * @returns {Promise<import('./firefox.d.mts').FirefoxLens>}
 */
export async function launchFirefox(options = {}) {
  const { extension = FIREFOX_BUILD_DIR, headless = true, bridgePage = 'dashboard.html' } = options;
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox was not found at ${FIREFOX_PATH}. Install it (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  const manifestPath = resolve(extension, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension at ${extension}: run \`npm run build:firefox\` first.`);
  }
  // The gecko id comes from the build, not from here: it is the manifest's to change.
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId) throw new Error(`${manifestPath} names no browser_specific_settings.gecko.id`);
  const origin = `moz-extension://${EXTENSION_UUID}`;

  /** @type {import('./firefox.d.mts').SeenRequest[]} */
  const requests = [];
  const proxy = await startRefusingProxy((url) => requests.push({ url, from: 'outside any page' }));
  const downloadsDir = await mkdtemp(join(tmpdir(), 'nsl-firefox-downloads-'));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    defaultViewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    // Extension pages can be navigated to only with system access allowed to the remote agent.
    args: ['--remote-allow-system-access'],
    // Read below, line by line, rather than poured into the test run's own output.
    dumpio: false,
    extraPrefsFirefox: {
      ...firefoxPrefs({ extensionId, uuid: EXTENSION_UUID, proxyPort: proxy.port, downloadsDir }),
      // Firefox's own switch for answering the optional-permission prompt a headless browser cannot show.
      ...(options.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    },
  });
  /** @type {string[]} */
  const output = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  try {
    await browser.installExtension(extension);
  } catch (failure) {
    await browser.close();
    proxy.close();
    await rm(downloadsDir, { recursive: true, force: true });
    throw failure;
  }

  const routes = fixtureRoutes();
  /** Pages navigated to the extension's own address: their requests are the extension's. */
  const extensionPages = new WeakSet();
  /** @type {import('puppeteer-core').Page | null} */
  let bridge = null;

  /** Every page the lens opens intercepts its requests: fixtures for documents, nothing for the rest. */
  async function interceptedPage() {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(https?|wss?):/.test(url)) {
        void request.continue();
        return;
      }
      const from = extensionPages.has(page) ? 'extension page' : 'host page';
      requests.push({ url, from });
      const html = routes.answer(url, request.isNavigationRequest());
      if (html === null) void request.abort('blockedbyclient');
      else void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    return page;
  }

  /** @type {import('./firefox.d.mts').FirefoxLens} */
  const lens = {
    browser,
    extensionId,
    origin,
    unservedRequests: routes.unserved,
    serve: routes.serve,
    requests,
    async open(url) {
      const page = await interceptedPage();
      await lens.navigate(page, url);
      return page;
    },
    async navigate(page, url) {
      // page.goto() waits for load events that an extension page never sends to it.
      if (url.startsWith('moz-extension:')) {
        extensionPages.add(page);
        await contextOf(page).navigate(url, 'complete');
      } else {
        extensionPages.delete(page);
        await page.goto(url);
      }
    },
    extensionPage: (path) => lens.open(`${origin}/${path.replace(/^\//, '')}`),
    async bridgePage() {
      if (bridge && !bridge.isClosed()) return bridge;
      const page = await lens.extensionPage(bridgePage);
      // A BiDi page can still say it is open just after a test closed it.
      const close = page.close.bind(page);
      page.close = async (...args) => {
        if (bridge === page) bridge = null;
        await close(...args);
      };
      bridge = page;
      return page;
    },
    async send(request) {
      const page = await lens.bridgePage();
      return callIn(page, '(request) => browser.runtime.sendMessage(request)', [request]);
    },
    async call(request) {
      return replyValue(request, await lens.send(request));
    },
    async inBackground(fn, ...args) {
      // The MV2 background is a page in the extension's process: an extension page reaches
      // its window directly. The function runs in the bridge page, given that window.
      const page = await lens.bridgePage();
      return callIn(page, `async (...args) => (${fn})(await browser.runtime.getBackgroundPage(), ...args)`, args);
    },
    evaluate: (page, fn, ...args) => callIn(page, String(fn), args),
    async shadowRoot(page, hostSelector) {
      return (await lens.shadowRoots(page, hostSelector))[0] ?? null;
    },
    async shadowRoots(page, hostSelector) {
      const found = await session(page).send('script.callFunction', {
        functionDeclaration: '(selector) => [...document.querySelectorAll(selector)]',
        arguments: [{ type: 'string', value: hostSelector }],
        target: { context: contextOf(page).id, sandbox: SANDBOX },
        awaitPromise: false,
        resultOwnership: 'none',
        // What makes a closed root reachable: DevTools' view of the DOM, not page script's.
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      if (found.result.type !== 'success') return [];
      /** @type {{ value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } }[]} */
      const hosts = found.result.result?.value ?? [];
      return hosts.flatMap((host) => {
        const root = host.value?.shadowRoot;
        if (!root?.sharedId) return [];
        const sharedId = root.sharedId;
        return [{ mode: root.value?.mode ?? null, run: (fn, ...args) => callIn(page, String(fn), args, { sharedId }) }];
      });
    },
    extensionErrors() {
      // Firefox logs its own noise offline (remote settings, Nimbus, ...): keep what names
      // the extension's address, or comes from its own console.error calls. Warnings stay
      // out: closing a tab over BiDi interrupts a running pagehide handler with one.
      return output.filter(
        (line) =>
          (/^(console\.error|JavaScript error)/.test(line) && line.includes(origin)) ||
          /^console\.error: .*North Star Lens/.test(line),
      );
    },
    browserOutput: output,
    downloadsDir,
    async close() {
      await browser.close();
      proxy.close();
      await rm(downloadsDir, { recursive: true, force: true });
    },
  };
  return lens;
}

/** Scripts the tests run in host pages see the DOM through a sandbox, safe from the page's patched prototypes. */
const SANDBOX = 'north-star-lens-test';

function contextOf(page) {
  // Internal to puppeteer's BiDi page (hence the pinned version): the W3C browsing context.
  return page.mainFrame().browsingContext;
}

function session(page) {
  return contextOf(page).userContext.browser.session;
}

/**
 * Calls `fn` (source text) in `page` over BiDi script.callFunction with JSON arguments and
 * a JSON result; `shadowRoot` (a node's shared id) goes first as the function's argument.
 * Runs in a sandbox when a node is passed: a closed shadow root is reachable from it, and
 * the page's own script cannot reach into it.
 */
async function callIn(page, fn, args, shadowRoot) {
  const declaration = shadowRoot
    ? `async (root, json) => JSON.stringify(await (${fn})(root, ...JSON.parse(json)) ?? null)`
    : `async (json) => JSON.stringify(await (${fn})(...JSON.parse(json)) ?? null)`;
  const json = { type: 'string', value: JSON.stringify(args) };
  const reply = await session(page).send('script.callFunction', {
    functionDeclaration: declaration,
    arguments: shadowRoot ? [{ sharedId: shadowRoot.sharedId }, json] : [json],
    target: shadowRoot ? { context: contextOf(page).id, sandbox: SANDBOX } : { context: contextOf(page).id },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  const result = reply.result;
  if (result.type === 'exception') {
    throw new Error(`${result.exceptionDetails.text}\n  in: ${fn.slice(0, 200)}`);
  }
  return JSON.parse(result.result.value);
}

/**
 * Preferences of the test profile, beside puppeteer's own: the extension's address is fixed,
 * console output of extension and content scopes goes to stdout, downloads are saved to
 * `downloadsDir` without asking, and all traffic goes to the refusing proxy. Firefox still
 * polls its remote settings host there, whatever the prefs say (checked on 153 ESR): a
 * privacy test tells those apart by host.
 */
function firefoxPrefs({ extensionId, uuid, proxyPort, downloadsDir }) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'browser.download.folderList': 2,
    'browser.download.dir': downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

/**
 * An HTTP proxy on 127.0.0.1 that records each request it is asked to carry and refuses it.
 * HTTPS arrives as CONNECT with only a host, recorded as `https://host/`.
 */
async function startRefusingProxy(record) {
  const server = createServer((request, response) => {
    record(request.url ?? '');
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    record(`https://${(request.url ?? '').replace(/:443$/, '')}/`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => server.close(),
  };
}
