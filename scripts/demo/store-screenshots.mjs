/**
 * The store listings' screenshots (docs/store/README.md): the real extension over the demo
 * workspace, at exactly 1280 × 800 (what the Chrome Web Store takes as it is; AMO shows
 * any size at 1.6:1), light theme, viewport only, so no browser toolbar can go stale.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_CHART_URL, DEMO_ORIGIN_JIRA } from './pages.mjs';

export const STORE_SIZE = { width: 1280, height: 800 };

/** Tells every tab to open its panel: what the toolbar button or Alt+Shift+N does. */
async function openPanels(dashboard) {
  await dashboard.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    await Promise.all(
      tabs.map((tab) => chrome.tabs.sendMessage(tab.id, { type: 'nsl.togglePanel' }).catch(() => undefined)),
    );
  });
}

/**
 * @param {import('../browser/chromium.d.mts').ChromiumLens} lens with the demo workspace and pages served
 * @param {string} outDir
 * @returns {Promise<string[]>} the files written, in the listing's order
 */
export async function storeScreenshots(lens, outDir) {
  await mkdir(outDir, { recursive: true });
  const written = [];
  const shoot = async (page, name) => {
    await page.waitForTimeout(400);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    written.push(file);
  };
  const dashboard = await lens.bridgePage();
  await dashboard.setViewportSize(STORE_SIZE);
  const dashboardAt = async (section, ready) => {
    await dashboard.goto(`chrome-extension://${lens.extensionId}/dashboard.html#${section}`);
    await dashboard.waitForSelector(ready);
  };

  const ticket = await lens.open(`${DEMO_ORIGIN_JIRA}/browse/STAY-101`);
  await ticket.setViewportSize(STORE_SIZE);
  await ticket.waitForTimeout(800);
  await openPanels(dashboard);
  await shoot(ticket, '1-panel-ticket');
  await ticket.close();

  const board = await lens.open(`${DEMO_ORIGIN_JIRA}/jira/software/projects/STAY/boards/1`);
  await board.setViewportSize(STORE_SIZE);
  await shoot(board, '2-badges-board');
  await board.close();

  await dashboardAt('backlog', '.backlog-row');
  await shoot(dashboard, '3-dashboard-backlog');
  await dashboardAt('tree', '.metric-card');
  await shoot(dashboard, '4-dashboard-tree');

  const chart = await lens.open(DEMO_CHART_URL);
  await chart.setViewportSize(STORE_SIZE);
  await chart.waitForTimeout(800);
  await openPanels(dashboard);
  await shoot(chart, '5-panel-chart');
  await chart.close();
  return written;
}
