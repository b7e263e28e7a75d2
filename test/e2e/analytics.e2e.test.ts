import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';

const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const chartPage = `<!doctype html><html><head><title>Weekly active teams - Amplitude</title></head><body>
  <h1 data-testid="chart-title">Weekly active teams</h1>
  <p>This week: <span id="big-number">1,284</span> teams</p></body></html>`;

describe('the panel on an analytics chart', () => {
  let lens: Lens;
  let nsmId: string;
  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    const nsm = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'nsm',
      name: 'Weekly active teams',
      fields: { period: 'week', target: 1500 },
    });
    nsmId = nsm.id;
    await lens.call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Teams inviting a colleague' });
    for (const [at, value] of [
      ['2026-10-05', 1010],
      ['2026-10-12', 1100],
      ['2026-10-19', 1090],
      ['2026-10-26', 1180],
      ['2026-11-02', 1210],
    ] as const) {
      await lens.call({ type: 'observation.add', metricId: nsm.id, at, value });
    }
    await lens.serve(CHART, chartPage);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('offers to link an unknown chart to a metric, then shows that metric with its values', async () => {
    const page = await lens.open(CHART);
    const panel = await panelRoot(page);
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('not linked')),
    );
    expect(pill).toContain('Chart not linked to a metric');
    await panel.openPanel();
    await panel.type('#nsl-chart-metric', 'weekly');
    await page.keyboard.press('Enter');
    const measures = await eventually(() => panel.text('[data-testid=chart-metric]'), Boolean);
    expect(measures).toContain('Weekly active teams');
    expect(await panel.text('.latest')).toContain('1,210');
    expect(await panel.exists('svg.sparkline polyline')).toBe(true);
    expect(await panel.exists('svg.sparkline .spark-target')).toBe(true);
    const stored = await lens.call({ type: 'metric.bySourceUrl', url: CHART });
    expect(stored?.id).toBe(nsmId);
    await page.close();
  });

  it('records the number the user selected on the page', async () => {
    const page = await lens.open(CHART);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Measures')),
    );
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('big-number')!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    await panel.openPanel();
    const useSelection = await eventually(() => panel.text('.record-actions button:not(.primary)'), Boolean);
    expect(useSelection).toBe('Use selection (1,284)');
    await panel.click('.record-actions button:not(.primary)');
    expect(await panel.value('#nsl-value')).toBe('1284');
    await panel.click('.record-actions button.primary');
    await eventually(
      () => panel.text('.latest'),
      (t) => Boolean(t?.includes('1,284')),
    );
    const values = await lens.call({ type: 'observations.list', metricId: nsmId });
    expect(values.at(-1)).toMatchObject({ value: 1284, sourceUrl: CHART });
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/panel-analytics.png' });
    await page.close();
  });

  it('follows the system theme and keeps host CSS out of the panel and its own CSS out of the host', async () => {
    const hostile = `<!doctype html><html><head><title>Weekly active teams - Amplitude</title>
      <style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } north-star-lens { display: none !important; }</style></head>
      <body><h1 data-testid="chart-title">Weekly active teams</h1><button class="pill primary">Host button</button></body></html>`;
    await lens.serve('https://app.amplitude.com/analytics/acme/chart/hostile1', hostile);
    const page = await lens.open('https://app.amplitude.com/analytics/acme/chart/hostile1');
    await page.emulateMedia({ colorScheme: 'dark' });
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t && !t.includes('…')),
    );
    const style = await panel.run<{ color: string; size: string; background: string; visible: boolean }>(`(root) => {
      const pill = root.querySelector('[data-testid=pill]');
      const cs = getComputedStyle(pill);
      const box = pill.getBoundingClientRect();
      return { color: cs.color, size: cs.fontSize, background: cs.backgroundColor, visible: box.width > 0 && box.height > 0 };
    }`);
    expect(style.visible).toBe(true);
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.size).toBe('13px');
    expect(style.background).toBe('rgb(27, 31, 39)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(
      await panel.run(`(root) => getComputedStyle(root.querySelector('[data-testid=pill]')).backgroundColor`),
    ).toBe('rgb(255, 255, 255)');
    const hostButton = await page.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('button.pill')!);
      return { radius: cs.borderRadius, position: cs.position };
    });
    expect(hostButton.position).toBe('static');
    expect(hostButton.radius).not.toBe('999px');
    await page.close();
  });
});
