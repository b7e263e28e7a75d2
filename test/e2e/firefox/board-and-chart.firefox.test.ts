import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodLabel } from '../../../lib/domain/period';
import { localDate } from '../../../lib/state/page/auto-capture';
import {
  badgeCount,
  badgeTexts,
  eventually,
  JIRA,
  launchLens,
  type Lens,
  panelRoot,
  seedTree,
  serveFixture,
} from './harness';

const BOARD = `${JIRA}/jira/software/projects/ABC/boards/1`;
const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const ASANA_BOARD = 'https://app.asana.com/0/1200000000000001/board';

function boardPage(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `<li><a href="/browse/ABC-${i + 1}">ABC-${i + 1}</a></li>`);
  return `<!doctype html><html><head><title>ABC board - Jira</title></head><body><ul id="rows">${rows.join('')}</ul>
  <script>
    window.addRows = (from, n) => {
      const list = document.getElementById('rows');
      for (let i = from; i < from + n; i++) {
        const li = document.createElement('li');
        li.innerHTML = '<a href="/browse/ABC-' + i + '">ABC-' + i + '</a>';
        list.appendChild(li);
      }
    };
  </script></body></html>`;
}

describe('Firefox: badges on a board, and the panel on an analytics chart', () => {
  let lens: Lens;
  let nsmId: string;

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'ABC-1',
      title: 'Invite from the empty state',
    });
    nsmId = seeded.nsm.id;
    // An Asana task tracked as the panel links it from its own page (lib/sites/asana.ts).
    await lens.call({
      type: 'item.create',
      treeId: seeded.tree.id,
      title: 'Draft Q3 launch plan',
      links: [{ site: 'asana', key: '1200000000000042', url: 'https://app.asana.com/0/0/1200000000000042/f' }],
      inputMetricId: seeded.input.id,
    });
    await serveFixture(lens, ASANA_BOARD, 'sites/asana-board.html');
    for (const [at, value] of [
      ['2026-10-19', 1090],
      ['2026-10-26', 1180],
      ['2026-11-02', 1210],
    ] as const) {
      await lens.call({ type: 'observation.add', metricId: nsmId, at, value });
    }
    lens.serve(BOARD, boardPage(40));
    lens.serve(
      CHART,
      `<!doctype html><html><head><title>Weekly active teams - Amplitude</title></head><body>
      <h1 data-testid="chart-title">Weekly active teams</h1><p>This week: <span id="big-number">1,284</span></p></body></html>`,
    );
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('puts one badge beside each ticket link, saying its input metric and score or that it is unlinked', async () => {
    const page = await lens.open(BOARD);
    expect(
      await eventually(
        () => badgeCount(lens, page),
        (n) => n === 40,
      ),
    ).toBe(40);
    const badges = await eventually(
      () => badgeTexts(lens, page),
      (b) => b.length === 40 && !b.some((x) => x.badge === '…'),
    );
    expect(badges.find((b) => b.anchorText === 'ABC-1')?.badge).toBe('Teams inviting a… · 400');
    expect(badges.filter((b) => b.badge === 'unlinked')).toHaveLength(39);
    const modes = await lens.shadowRoots(page, '[data-nsl-badge]');
    expect(new Set(modes.map((r) => r.mode))).toEqual(new Set(['closed']));
    await page.close();
  });

  it('badges rows the board adds later, never twice', async () => {
    const page = await lens.open(BOARD);
    await eventually(
      () => badgeCount(lens, page),
      (n) => n === 40,
    );
    await lens.evaluate(page, '() => window.addRows(41, 15)');
    expect(
      await eventually(
        () => badgeCount(lens, page),
        (n) => n === 55,
      ),
    ).toBe(55);
    await new Promise((r) => setTimeout(r, 300));
    expect(await badgeCount(lens, page)).toBe(55);
    await page.close();
  });

  it('badges an Asana board’s cards, which link nowhere, beside each card’s name', async () => {
    const page = await lens.open(ASANA_BOARD);
    const badges = await eventually(
      () => badgeTexts(lens, page),
      (b) => b.length === 3 && !b.some((x) => x.badge === '…'),
    );
    expect(badges).toEqual([
      { anchorText: 'Draft Q3 launch plan', badge: 'Teams inviting a… · unscored' },
      { anchorText: 'Book venue', badge: 'unlinked' },
      { anchorText: 'Press kit', badge: 'unlinked' },
    ]);
    await page.close();
  });

  it('links an unknown chart to a metric, then shows its latest value and sparkline', async () => {
    const page = await lens.open(CHART);
    const panel = await panelRoot(lens, page);
    expect(await panel.pill((t) => t.includes('not linked'))).toContain('Chart not linked to a metric');
    await panel.openPanel();
    await panel.type('#nsl-chart-metric', 'weekly');
    await page.keyboard.press('Enter');
    expect(await eventually(() => panel.text('[data-testid=chart-metric]'), Boolean)).toContain('Weekly active teams');
    expect(await panel.text('.latest')).toContain('1,210');
    expect(await panel.exists('svg.sparkline polyline')).toBe(true);
    expect((await lens.call({ type: 'metric.bySourceUrl', url: CHART }))?.id).toBe(nsmId);
    await page.close();
  });

  it('records the number the user selected on the chart page', async () => {
    const page = await lens.open(CHART);
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('Measures'));
    await lens.evaluate(
      page,
      `() => { const range = document.createRange(); range.selectNodeContents(document.getElementById('big-number'));
        getSelection().removeAllRanges(); getSelection().addRange(range); }`,
    );
    await panel.openPanel();
    const useSelection = await eventually(() => panel.text('.record-actions button:not(.primary)'), Boolean);
    expect(useSelection).toBe('Use selection (1,284)');
    await panel.click('.record-actions button:not(.primary)');
    await panel.click('.record-actions button.primary');
    await eventually(
      () => panel.text('.latest'),
      (t) => Boolean(t?.includes('1,284')),
    );
    const values = await lens.call({ type: 'observations.list', metricId: nsmId });
    expect(values.at(-1)).toMatchObject({ value: 1284, sourceUrl: CHART });
    await page.close();
  });

  it('pins the chart’s headline number with one click, then records it for this week in one click', async () => {
    await serveFixture(lens, CHART, 'pin/chart-kpi.html');
    const page = await lens.open(CHART);
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('Measures'));
    await panel.openPanel();
    await eventually(() => panel.exists('[data-testid=pinned-number] button'), Boolean);
    await panel.click('[data-testid=pinned-number] button');
    await eventually(() => panel.exists('.pin-mode'), Boolean);
    await page.click('#headline');
    const week = periodLabel(localDate(), 'week');
    expect(await eventually(() => panel.text('[data-testid=pin-offer]'), Boolean)).toBe(`Record 51,870 for ${week}`);
    await panel.click('[data-testid=pin-offer]');
    // The selected number recorded above is this week's value: the capture updates it.
    expect(await eventually(() => panel.text('[data-testid=capture-note]'), Boolean)).toBe(
      `Updated 51,870 for ${week} (was 1,284) · Undo`,
    );
    const values = await lens.call({ type: 'observations.list', metricId: nsmId });
    expect(values.map((o) => o.value)).toEqual([1090, 1180, 1210, 51_870]);
    expect((await lens.call({ type: 'metric.bySourceUrl', url: CHART }))?.pins?.[0]?.label).toBe('Weekly active teams');
    await page.close();
  });

  it('printed no error of its own', () => {
    expect(lens.extensionErrors()).toEqual([]);
  });
});
