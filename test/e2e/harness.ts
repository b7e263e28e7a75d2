/**
 * Runs the built extension (.output/chrome-mv3) in Debian's Chromium, launched as the
 * bench and the demo launch it (scripts/browser/chromium.mjs): fixture pages at the
 * sites' real URLs, nothing on the network. What is the tests' own is here: a patched
 * copy of the build, fixture files, and waiting for an assertion to hold.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_BUILD_DIR, type ChromiumLens, launchChromium } from '../../scripts/browser/chromium.mjs';

export const EXTENSION_DIR = CHROME_BUILD_DIR;
export const FIXTURES_DIR = resolve(__dirname, '../fixtures');

export interface Lens extends ChromiumLens {
  /** Every test runs the build, which has a service worker. */
  extensionId: string;
  serveFixture(url: string | RegExp, fixtureFile: string): Promise<void>;
}

export interface LaunchOptions {
  /** Other unpacked extensions loaded beside ours. */
  alongside?: string[];
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
  const patchedDir = options.patchManifest ? await patchedCopy(options.patchManifest, options.files ?? {}) : null;
  const browser = await launchChromium({
    extension: patchedDir ?? EXTENSION_DIR,
    alongside: options.alongside,
    userDataDir: options.userDataDir,
    keepUserData: options.keepUserData,
    profilePrefix: 'nsl-e2e-',
  });
  const { extensionId } = browser;
  if (!extensionId) throw new Error(`The extension at ${EXTENSION_DIR} has no service worker.`);
  const closeBrowser = browser.close;
  return Object.assign(browser, {
    extensionId,
    async serveFixture(url: string | RegExp, fixtureFile: string) {
      browser.serve(url, await readFile(join(FIXTURES_DIR, fixtureFile), 'utf8'));
    },
    async close() {
      await closeBrowser();
      if (patchedDir) await rm(patchedDir, { recursive: true, force: true });
    },
  });
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
