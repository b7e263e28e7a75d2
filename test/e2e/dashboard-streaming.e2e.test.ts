/**
 * A tree larger than the dashboard's first page of items: the backlog draws the top of the
 * ranking from the first page, the other views that count or rank the items say how many
 * have come until all have; then every item shows, kept in step with writes made
 * elsewhere (the notice's item applied, not the tree read again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rankItems } from '../../lib/domain/ranking';
import type { Item, Metric } from '../../lib/domain/types';
import { benchWorkspace } from '../../scripts/bench/workspace.mjs';
import { eventually, launchLens, type Lens } from './harness';
import { backlogOrder } from './dashboard-helpers';

interface Seen {
  loading: string[];
  /** Each list of backlog rows drawn while the status said items were still coming ("#rank title"). */
  rowsWhileLoading: string[][];
  counts: string[];
}

/** Installed before the dashboard's scripts: what the page showed at each change while it loaded. */
function recordWhileLoading() {
  const seen: Seen = { loading: [], rowsWhileLoading: [], counts: [] };
  (window as unknown as { __seen: Seen }).__seen = seen;
  new MutationObserver(() => {
    const status = document.querySelector('.items-loading')?.textContent ?? null;
    if (status && seen.loading.at(-1) !== status) seen.loading.push(status);
    const rows = [...document.querySelectorAll('.backlog-list .backlog-row')].map(
      (row) =>
        `${row.querySelector('.cell-rank')?.textContent?.trim()} ${row.querySelector('.item-title')?.textContent?.trim()}`,
    );
    if (status && rows.length > 0 && rows.join('\n') !== seen.rowsWhileLoading.at(-1)?.join('\n')) {
      seen.rowsWhileLoading.push(rows);
    }
    const count = document.querySelector('.backlog .section-head p')?.textContent?.split(' · ')[0];
    if (count && seen.counts.at(-1) !== count) seen.counts.push(count);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

describe('dashboard: a tree of 3,500 items, loaded in pages', () => {
  const workspace = benchWorkspace({ items: 3_500, metrics: 12 });
  const ranked = rankItems(workspace.items as Item[], workspace.metrics as Metric[]).ranked;
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await lens.call({ type: 'workspace.import', document: workspace, mode: 'replace' });
    page = await lens.context.newPage();
    await page.addInitScript(recordWhileLoading);
    await page.goto(`chrome-extension://${lens.extensionId}/dashboard.html#backlog`);
    await page.locator('.backlog-list .backlog-row').first().waitFor({ timeout: 60_000 });
    await page.locator('.items-loading').waitFor({ state: 'detached', timeout: 60_000 });
  }, 120_000);
  afterAll(async () => lens?.close());

  const seen = () => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

  it('draws the top of the ranking from the first page, before the other items came, saying how many have', async () => {
    const { loading, rowsWhileLoading, counts } = await seen();
    expect(loading[0]).toBe('Loading 1,000 of 3,500 items…');
    for (const status of loading) expect(status).toMatch(/^Loading [\d,]+ of 3,500 items…$/);
    const top = ranked.map((r, i) => `#${i + 1} ${r.item.title}`);
    expect(rowsWhileLoading.length).toBeGreaterThan(0);
    expect(rowsWhileLoading[0]![0]).toBe(top[0]);
    // Every screen drawn while loading was the true top of the whole ranking, in its order: no row moved later.
    for (const rows of rowsWhileLoading) expect(rows).toEqual(top.slice(0, rows.length));
    expect(counts).toEqual(['3500 items']);
    expect(await page.locator('.items-loading').count()).toBe(0);
  });

  it('then ranks every item, as the ranking of the whole tree does', async () => {
    expect((await backlogOrder(page)).slice(0, 3)).toEqual(
      ranked.slice(0, 3).map((r, i) => `#${i + 1} ${r.item.title}`),
    );
    const setSize = await page.locator('.backlog-list .backlog-row').first().getAttribute('aria-setsize');
    expect(Number(setSize)).toBe(
      ranked.length + rankItems(workspace.items as Item[], workspace.metrics as Metric[]).unscored.length,
    );
  });

  it('shows a change made elsewhere to one item, and a removal, without loading the tree again', async () => {
    const top = ranked[0]!.item;
    await lens.call({ type: 'item.update', id: top.id, patch: { title: 'Renamed in another tab' } });
    // Its score ties with the next item's; the title breaks the tie, so the renamed item is second now.
    const renamed = await eventually(
      async () => (await backlogOrder(page)).slice(0, 2),
      (top2) => top2.includes('#2 Renamed in another tab'),
    );
    expect(renamed).toEqual([`#1 ${ranked[1]!.item.title}`, '#2 Renamed in another tab']);
    await lens.call({ type: 'item.delete', id: top.id });
    const after = await eventually(
      async () => (await backlogOrder(page)).slice(0, 2),
      (top2) => !top2.includes('#2 Renamed in another tab'),
    );
    expect(after).toEqual([`#1 ${ranked[1]!.item.title}`, `#2 ${ranked[2]!.item.title}`]);
    expect(await page.locator('.backlog .section-head p').textContent()).toMatch(/^3499 items · /);
    expect((await seen()).loading).not.toContain('Loading 1,000 of 3,499 items…');
  });
});
