import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panelViolations as seriousViolations } from './axe';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';

const TICKET = 'https://acme.atlassian.net/browse/ABC-1';
const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const PINNED_CHART = 'https://app.amplitude.com/analytics/acme/chart/pinned1';
const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`;

describe.each(['light', 'dark'] as const)('accessibility of the in-page panel in the %s theme', (scheme) => {
  let lens: Lens;
  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    const nsm = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'nsm',
      name: 'Weekly active teams',
      fields: { target: 1500 },
    });
    const input = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'input',
      name: 'Teams inviting a colleague',
    });
    const item = await lens.call({
      type: 'item.create',
      treeId: tree.id,
      title: 'Invite',
      links: [{ site: 'jira', key: 'ABC-1', url: TICKET }],
      inputMetricId: input.id,
    });
    await lens.call({
      type: 'item.update',
      id: item.id,
      patch: { rice: { reach: 100, impact: 1, confidence: 0.8, effort: 1 } },
    });
    await lens.call({ type: 'metric.update', id: nsm.id, patch: { sourceUrls: [CHART, PINNED_CHART] } });
    await lens.call({
      type: 'metric.update',
      id: nsm.id,
      patch: {
        pins: [
          {
            sourceUrl: PINNED_CHART,
            label: 'Weekly active teams',
            labelAfter: false,
            shape: { prefix: '', percent: false },
            gap: 1,
            autoRecord: false,
          },
        ],
      },
    });
    await lens.call({ type: 'observation.add', metricId: nsm.id, at: '2026-11-02', value: 1200 });
    await lens.call({ type: 'observation.add', metricId: nsm.id, at: '2026-11-09', value: 1260 });
    await lens.serve(TICKET, page('Invite - Jira'));
    await lens.serve(CHART, page('Weekly active teams - Amplitude'));
    await lens.serveFixture(PINNED_CHART, 'pin/chart-kpi.html');
  });
  afterAll(async () => lens?.close());

  async function openPanel(url: string, ready: (pill: string | null) => boolean) {
    const tab = await lens.open(url);
    await tab.emulateMedia({ colorScheme: scheme });
    const panel = await panelRoot(tab);
    await eventually(() => panel.text('[data-testid=pill]'), ready);
    return { tab, panel };
  }

  it('the collapsed pill has no serious violations', async () => {
    const { tab, panel } = await openPanel(TICKET, (t) => Boolean(t?.includes('Teams')));
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await tab.close();
  });

  it('the ticket panel, with a refused estimate showing, has no serious violations', async () => {
    const { tab, panel } = await openPanel(TICKET, (t) => Boolean(t?.includes('Teams')));
    await panel.openPanel();
    await panel.type('#nsl-rice-effort', '0');
    await eventually(() => panel.exists('.rice-field.has-error'), Boolean);
    await panel.focus('#nsl-input-metric');
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await tab.close();
  });

  it('the analytics panel has no serious violations', async () => {
    const { tab, panel } = await openPanel(CHART, (t) => Boolean(t?.includes('Measures')));
    await panel.openPanel();
    await eventually(() => panel.exists('svg.sparkline'), Boolean);
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await tab.close();
  });

  it('the pinned number offered for this period, and the note with its Undo, have no serious violations', async () => {
    const { tab, panel } = await openPanel(PINNED_CHART, (t) => Boolean(t?.includes('Measures')));
    await panel.openPanel();
    await eventually(() => panel.exists('[data-testid=pin-offer]'), Boolean);
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await panel.click('[data-testid=pin-offer]');
    await eventually(() => panel.exists('[data-testid=capture-note] button'), Boolean);
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await panel.click('[data-testid=pinned-number] .pin-row button.link');
    await eventually(() => panel.exists('.pin-mode'), Boolean);
    expect(await seriousViolations(tab, panel)).toEqual([]);
    await tab.close();
  });
});
