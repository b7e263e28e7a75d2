import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodLabel } from '../../lib/domain/period';
import { localDate } from '../../lib/state/page/auto-capture';
import { eventually, FIXTURES_DIR, launchLens, type Lens } from './harness';
import { panelRoot, type ShadowHandle } from './shadow';

const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
/** The week the browser's today falls in, as the panel names it ("the week of 30 Nov"). */
const WEEK = periodLabel(localDate(), 'week');

async function fixture(name: string, replace: [string, string][] = []): Promise<string> {
  let html = await readFile(join(FIXTURES_DIR, 'pin', name), 'utf8');
  for (const [from, to] of replace) html = html.replace(from, to);
  return html;
}

describe('Pin this number: capture on the chart page, again and again', () => {
  let lens: Lens;
  let metricId: string;
  const values = async () => (await lens.call({ type: 'observations.list', metricId })).map((o) => o.value);

  async function openChart(html: string): Promise<{ page: Page; panel: ShadowHandle }> {
    await lens.serve(CHART, html);
    const page = await lens.open(CHART);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Measures')),
    );
    return { page, panel };
  }

  async function openPanel(html: string) {
    const opened = await openChart(html);
    await opened.panel.openPanel();
    await eventually(() => opened.panel.exists('[data-testid=pinned-number]'), Boolean);
    return opened;
  }

  async function shoot(page: Page, name: string) {
    await mkdir('test-results', { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `test-results/pin-${name}-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    const nsm = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'nsm',
      name: 'Weekly active teams',
      fields: { period: 'week', target: 60_000, sourceUrls: [CHART] },
    });
    metricId = nsm.id;
    await lens.call({ type: 'observation.add', metricId, at: '2026-11-02', value: 45_010 });
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('pins the headline number with one click on the page, remembered by its label and shape', async () => {
    const { page, panel } = await openPanel(await fixture('chart-kpi.html'));
    await panel.click('[data-testid=pinned-number] button');
    await eventually(
      () => panel.text('[data-testid=pinned-number]'),
      (t) => Boolean(t?.includes('Click the number to pin')),
    );
    await shoot(page, 'mode');
    await page.click('#headline');
    const offer = await eventually(() => panel.text('[data-testid=pin-offer]'), Boolean);
    expect(offer).toBe(`Record 51,870 for ${WEEK}`);
    const metric = await lens.call({ type: 'metric.bySourceUrl', url: CHART });
    expect(metric?.pins).toEqual([
      {
        sourceUrl: CHART,
        label: 'Weekly active teams',
        labelAfter: false,
        shape: { prefix: '', percent: false },
        gap: 1,
        autoRecord: false,
      },
    ]);
    expect(await values()).toEqual([45_010]);
    await page.close();
  });

  it('refuses to pin a click that is not on a number, and stays in pin mode', async () => {
    const { page, panel } = await openPanel(await fixture('chart-kpi.html'));
    await panel.click('[data-testid=pinned-number] .pin-row button.link');
    await page.click('.css-caption');
    const problem = await eventually(() => panel.text('[data-testid=pinned-number] [role=alert]'), Boolean);
    expect(problem).toContain('not a number');
    expect(await panel.text('[data-testid=pinned-number]')).toContain('Click the number to pin');
    await panel.click('[data-testid=pinned-number] .pin-row button');
    await eventually(() => panel.exists('[data-testid=pin-offer]'), Boolean);
    expect((await lens.call({ type: 'metric.bySourceUrl', url: CHART }))?.pins?.[0]?.label).toBe('Weekly active teams');
    await page.close();
  });

  it('after a re-render, offers the new value for this week; one click records it, Undo takes it back', async () => {
    const { page, panel } = await openPanel(await fixture('chart-kpi-rerendered.html'));
    const offer = await eventually(() => panel.text('[data-testid=pin-offer]'), Boolean);
    expect(offer).toBe(`Record 52,410 for ${WEEK}`);
    await shoot(page, 'offer');
    await panel.click('[data-testid=pin-offer]');
    const note = await eventually(() => panel.text('[data-testid=capture-note]'), Boolean);
    expect(note).toBe(`Recorded 52,410 for ${WEEK} · Undo`);
    expect(await eventually(() => panel.text('[data-testid=pin-recorded]'), Boolean)).toBe(
      `52,410 is recorded for ${WEEK}.`,
    );
    expect(await values()).toEqual([45_010, 52_410]);
    expect((await lens.call({ type: 'observations.list', metricId })).at(-1)).toMatchObject({
      at: localDate(),
      sourceUrl: CHART,
    });
    await shoot(page, 'recorded');
    await panel.click('[data-testid=capture-note] button');
    expect(
      await eventually(
        () => panel.text('[data-testid=capture-note]'),
        (t) => Boolean(t?.startsWith('Undone')),
      ),
    ).toBe(`Undone: nothing recorded for ${WEEK}`);
    expect(await values()).toEqual([45_010]);
    await panel.click('[data-testid=pin-offer]');
    await eventually(values, (v) => v.length === 2);
    await page.close();
  });

  it('a second capture in the same week updates the value and says what it was; Undo restores it', async () => {
    const { page, panel } = await openPanel(await fixture('chart-kpi-rerendered.html', [['52,410', '53,100']]));
    await panel.click('[data-testid=pin-offer]');
    const note = await eventually(() => panel.text('[data-testid=capture-note]'), Boolean);
    expect(note).toBe(`Updated 53,100 for ${WEEK} (was 52,410) · Undo`);
    expect(await values()).toEqual([45_010, 53_100]);
    await shoot(page, 'updated');
    await panel.click('[data-testid=capture-note] button');
    expect(
      await eventually(
        () => panel.text('[data-testid=capture-note]'),
        (t) => Boolean(t?.startsWith('Undone')),
      ),
    ).toBe(`Undone: ${WEEK} is back to 52,410`);
    expect(await values()).toEqual([45_010, 52_410]);
    await page.close();
  });

  it('with "record it on every visit" on, the next visit records the number without the panel being opened', async () => {
    const first = await openPanel(await fixture('chart-kpi.html'));
    await first.panel.click('[data-testid=pinned-number] input[type=checkbox]');
    await eventually(
      async () => (await lens.call({ type: 'metric.bySourceUrl', url: CHART }))?.pins?.[0]?.autoRecord,
      Boolean,
    );
    await first.page.close();

    // The chart renders its number late, after the page has loaded.
    const late = (await fixture('chart-kpi-rerendered.html')).replace(
      '<b class="sc-eqUAAy" id="headline">52,410</b>',
      `<b class="sc-eqUAAy" id="headline">…</b>
       <script>setTimeout(() => { document.getElementById('headline').textContent = '54,020'; }, 800);</script>`,
    );
    const { page, panel } = await openChart(late);
    expect(await eventually(values, (v) => v.at(-1) === 54_020)).toEqual([45_010, 54_020]);
    expect(await panel.exists('[data-testid=panel]')).toBe(false);
    await panel.openPanel();
    const note = await eventually(() => panel.text('[data-testid=capture-note]'), Boolean);
    expect(note).toBe(`Updated automatically 54,020 for ${WEEK} (was 52,410) · Undo`);
    await shoot(page, 'auto');
    await panel.click('[data-testid=capture-note] button');
    await eventually(values, (v) => v.at(-1) === 52_410);
    await page.close();
  });

  it('on a page where the number is gone, records nothing and says so', async () => {
    const before = await values();
    const { page, panel } = await openPanel(await fixture('chart-kpi-missing.html'));
    const missing = await eventually(() => panel.text('[data-testid=pin-missing]'), Boolean);
    expect(missing).toBe('The pinned number beside “Weekly active teams” is not on the page now: nothing recorded.');
    expect(await panel.exists('[data-testid=pin-offer]')).toBe(false);
    await shoot(page, 'missing');
    expect(await values()).toEqual(before);
    await page.close();
  });

  it('unpins the number: the panel offers to pin one again', async () => {
    const { page, panel } = await openPanel(await fixture('chart-kpi.html'));
    await eventually(() => panel.exists('[data-testid=pin-offer], [data-testid=pin-recorded]'), Boolean);
    await panel.click('[data-testid=pinned-number] .pin-row button.link:last-child');
    expect(
      await eventually(
        () => panel.text('[data-testid=pinned-number] button'),
        (t) => t === 'Pin this number',
      ),
    ).toBe('Pin this number');
    expect((await lens.call({ type: 'metric.bySourceUrl', url: CHART }))?.pins).toEqual([]);
    await page.close();
  });
});
