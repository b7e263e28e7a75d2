#!/usr/bin/env node
/**
 * `npm start`: builds the extension and opens Chromium with it loaded, a demo workspace
 * in it, and demo Jira and Amplitude pages at their real URLs (served locally by request
 * interception: nothing leaves the machine, no account anywhere).
 *
 * Without a display (no DISPLAY, or CI set) it runs headless instead, writes a
 * screenshot of each page to a folder and prints where.
 *
 *   node scripts/demo.mjs [--no-build] [--headless] [--out DIR]
 *   node scripts/demo.mjs --store   (the store listings' 1280 × 800 screenshots, into docs/store/screenshots)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium } from './browser/chromium.mjs';
import { demoPages } from './demo/pages.mjs';
import { STORE_SIZE, storeScreenshots } from './demo/store-screenshots.mjs';
import { demoWorkspace } from './demo/workspace.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const store = flag('--store');
const headless = store || flag('--headless') || !process.env.DISPLAY || Boolean(process.env.CI);
const outDir = resolve(option('--out', join(ROOT, 'demo-screenshots')));

function build() {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

/**
 * The in-page panel opens on the toolbar button or a shortcut; here the dashboard asks
 * for it. Only one demo page is open at a time, so every tab is asked: the extension may
 * not read tab addresses, and tabs without the overlay ignore the message.
 */
async function openPanel(dashboard) {
  await dashboard.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    await Promise.all(
      tabs.map((tab) => chrome.tabs.sendMessage(tab.id, { type: 'nsl.togglePanel' }).catch(() => undefined)),
    );
  });
}

/** A metric's page (issue 17): its chart with the target line and a ship marker named, light and dark. */
async function metricPage(dashboard, extensionId, shoot) {
  for (const scheme of ['light', 'dark']) {
    await dashboard.emulateMedia({ colorScheme: scheme });
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#metric/m-listings`);
    await dashboard.waitForSelector('.metric-chart .ship-mark');
    await dashboard.focus('.metric-chart .ship-mark');
    await shoot(dashboard, `metric${scheme === 'dark' ? '-dark' : ''}`);
  }
}

async function screenshots(lens, pages) {
  const { context, extensionId } = lens;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const written = [];
  const shoot = async (page, name) => {
    await page.waitForTimeout(400);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  };
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#tree`);
  await dashboard.waitForSelector('.metric-card');
  for (const scheme of ['light', 'dark']) {
    await dashboard.emulateMedia({ colorScheme: scheme });
    for (const section of ['tree', 'backlog', 'alignment', 'validation', 'data', 'sites']) {
      if (scheme === 'dark' && section !== 'tree' && section !== 'backlog') continue;
      await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#${section}`);
      await dashboard.waitForSelector('.content h2');
      await shoot(dashboard, `dashboard-${section}${scheme === 'dark' ? '-dark' : ''}`);
    }
  }
  // The team loop's views, named as issue 17 asks (light, and dark to check the theme).
  for (const [section, scheme] of [
    ['discovery', 'light'],
    ['okrs', 'light'],
    ['discovery', 'dark'],
    ['okrs', 'dark'],
  ]) {
    await dashboard.emulateMedia({ colorScheme: scheme });
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#${section}`);
    await dashboard.waitForSelector(section === 'okrs' ? '.kr' : '.candidate-card');
    await shoot(dashboard, `${section}${scheme === 'dark' ? '-dark' : ''}`);
  }
  await metricPage(dashboard, extensionId, shoot);
  // The team loop's weekly review and outcomes, named as the issue lists them.
  for (const scheme of ['light', 'dark']) {
    await dashboard.emulateMedia({ colorScheme: scheme });
    for (const section of ['weekly-review', 'outcomes']) {
      await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#${section}`);
      await dashboard.waitForSelector('.content h2');
      await shoot(dashboard, `${section}${scheme === 'dark' ? '-dark' : ''}`);
    }
  }
  await dashboard.emulateMedia({ colorScheme: 'light' });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForSelector('.popup');
  await shoot(popup, 'popup');
  await popup.close();
  for (const demo of pages) {
    const tab = await lens.open(demo.url);
    await tab.waitForTimeout(800);
    if (!demo.name.endsWith('board')) await openPanel(dashboard);
    await shoot(tab, demo.name);
    await tab.close();
  }
  await lens.call({ type: 'workspace.clear' });
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.waitForSelector('.template-grid');
  await shoot(dashboard, 'first-run');
  return written;
}

async function main() {
  if (!flag('--no-build')) build();
  const lens = await launchChromium({
    headless,
    // Headed, the window keeps the size it opens with.
    viewport: store ? STORE_SIZE : headless ? { width: 1360, height: 900 } : null,
    profilePrefix: 'north-star-lens-demo-',
  });
  const pages = demoPages();
  for (const demo of pages) lens.serve(demo.url, demo.html);
  // The page requests go from is the dashboard, shown again once the workspace is in.
  const dashboard = await lens.bridgePage();
  await lens.call({ type: 'workspace.import', document: demoWorkspace(), mode: 'replace' });
  await dashboard.reload();

  if (store) {
    const written = await storeScreenshots(lens, resolve(option('--out', join(ROOT, 'docs/store/screenshots'))));
    await lens.close();
    console.log(`Wrote the ${written.length} store screenshots (1280 × 800):`);
    for (const file of written) console.log(`  ${file}`);
    return;
  }

  if (headless) {
    const written = await screenshots(lens, pages);
    await lens.close();
    console.log(`No display: ran headless and wrote ${written.length} screenshots to ${outDir}`);
    for (const file of written) console.log(`  ${file}`);
    return;
  }

  for (const demo of pages) await lens.open(demo.url);
  await dashboard.bringToFront();
  console.log('North Star Lens is open in Chromium with a demo workspace.');
  console.log('Demo pages (served locally):');
  for (const demo of pages) console.log(`  ${demo.url}`);
  console.log('Close the browser window to end the demo.');
  await new Promise((done) => lens.context.on('close', done));
  await lens.close();
}

main().catch((failure) => {
  console.error(failure);
  process.exit(1);
});
