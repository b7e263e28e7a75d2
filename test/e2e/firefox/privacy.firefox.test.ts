import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeenRequest } from '../../../scripts/browser/firefox.mjs';
import { eventually, JIRA, launchLens, type Lens, panelRoot, seedTree } from './harness';

const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const BOARD = `${JIRA}/jira/software/projects/PRIV/boards/1`;
const HEADING = 'data-testid="issue.views.issue-base.foundation.summary.heading"';
const boardLinks = Array.from({ length: 30 }, (_, i) => `<a href="/browse/PRIV-${i + 1}">PRIV-${i + 1}</a>`).join(' ');
/** Firefox polls its remote settings even offline, whatever the prefs say: its own, not the extension's. */
const FIREFOX_OWN = new Set(['firefox.settings.services.mozilla.com']);

const byFirefox = (r: SeenRequest) => r.from === 'outside any page' && FIREFOX_OWN.has(new URL(r.url).hostname);
const isFavicon = (r: SeenRequest) => new URL(r.url).pathname === '/favicon.ico';

describe('Firefox privacy: a whole session of use', () => {
  let lens: Lens;
  const served = new Set<string>();

  beforeAll(async () => {
    lens = await launchLens();
    const pages: [string, string][] = [
      [`${JIRA}/browse/PRIV-1`, `<!doctype html><title>[PRIV-1] Invite - Jira</title><h1 ${HEADING}>Invite</h1>`],
      [BOARD, `<!doctype html><title>Board - Jira</title>${boardLinks}`],
      [
        CHART,
        `<!doctype html><title>Weekly active teams - Amplitude</title><h1 data-testid="chart-title">Weekly teams</h1>`,
      ],
    ];
    for (const [url, html] of pages) {
      lens.serve(url, html);
      served.add(url);
    }
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('sends nothing: not from the background page, not from its pages, not from its scripts in host pages', async () => {
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting',
      key: 'PRIV-2',
      title: 'x',
    });
    const start = lens.requests.length;
    const dashboard = await lens.extensionPage('dashboard.html');
    const popup = await lens.extensionPage('popup.html');

    const ticket = await lens.open(`${JIRA}/browse/PRIV-1`);
    const panel = await panelRoot(lens, ticket);
    await panel.pill((t) => t.includes('Not tracked'));
    await panel.openPanel();
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-rice-reach'), Boolean);
    await panel.type('#nsl-rice-reach', '1200');
    await panel.type('#nsl-notes', 'private plans');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );

    const board = await lens.open(BOARD);
    await eventually(
      () => lens.evaluate<number>(board, `() => document.querySelectorAll('[data-nsl-badge]').length`),
      (n) => n === 30,
    );
    const chart = await lens.open(CHART);
    const chartPanel = await panelRoot(lens, chart);
    await chartPanel.pill((t) => t.includes('not linked'));

    const exported = await lens.call({ type: 'workspace.export' });
    await lens.call({ type: 'workspace.import', document: exported, mode: 'merge' });
    await lens.call({ type: 'item.update', id: seeded.item.id, patch: { notes: 'later' } });
    await new Promise((r) => setTimeout(r, 1000));

    const session = lens.requests.slice(start).filter((r) => !byFirefox(r));
    expect(session.filter((r) => r.from !== 'host page')).toEqual([]);
    // Host pages fetched their own documents (served here) and Firefox asked for their favicons; nothing else.
    expect(session.filter((r) => !served.has(r.url.split('#')[0]!) && !isFavicon(r))).toEqual([]);
    expect(session.length).toBeGreaterThan(0);
    for (const page of [dashboard, popup, ticket, board, chart]) await page.close();
  });

  it('would notice a request from the background page or an extension page: the probe itself works', async () => {
    const start = lens.requests.length;
    await lens.inBackground(`(bg) => { bg.fetch('https://collector.example/from-background').catch(() => {}); }`);
    const page = await lens.extensionPage('dashboard.html');
    await lens.evaluate(page, `() => { fetch('https://collector.example/from-page').catch(() => {}); }`);
    const caught = await eventually(
      async () => lens.requests.slice(start).filter((r) => r.url.startsWith('https://collector.example/')),
      (list) => list.length === 2,
    );
    expect(caught.map((r) => r.from).sort()).toEqual(['extension page', 'outside any page']);
    await page.close();
  });
});
