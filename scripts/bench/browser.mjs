/**
 * One Chromium with one extension (or none), launched as the browser tests launch it
 * (scripts/browser/chromium.mjs), so the figures are of the browser the tests check.
 * The bench's own part: requests go from its blank bridge page, and the service-worker
 * timer (sw-timer.js) is read back.
 */
import { launchChromium } from '../browser/chromium.mjs';
import { BRIDGE_PAGE } from './extension.mjs';

/** `extensionDir` null: a browser without any extension, for the baselines. */
export async function launchBrowser(extensionDir) {
  const browser = await launchChromium({
    extension: extensionDir,
    bridgePage: BRIDGE_PAGE,
    profilePrefix: 'nsl-bench-profile-',
  });
  return Object.assign(browser, {
    /** Time the background spent on each request since the last call, from sw-timer.js. */
    async workerTimes() {
      return (await browser.serviceWorker()).evaluate(() => globalThis.__nslBench.times.splice(0));
    },
  });
}
