import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request as NetworkRequest } from 'playwright-core';
import { type Apache, startApache } from '../../scripts/webdav/apache.mjs';
import { recordFigure } from '../security/figures';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';
import { JIRA, seedTree } from './security-helpers';
import { serverTexts } from '../background/sharing/server-files';

const CHART = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';
const ISSUE = 'https://github.com/octo-org/octo-app/issues/42';

interface Seen {
  url: string;
  from: 'service worker' | 'extension page' | 'host page';
  type: string;
}

function origin(request: NetworkRequest): Seen['from'] {
  if (request.serviceWorker()) return 'service worker';
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // A request without a frame and without a worker: count it as the extension's, to be strict.
    return 'extension page';
  }
  return frameUrl.startsWith('chrome-extension://') ? 'extension page' : 'host page';
}

describe('privacy: a whole session of use', () => {
  let lens: Lens;
  const seen: Seen[] = [];
  const served = new Set<string>();

  beforeAll(async () => {
    lens = await launchLens();
    lens.context.on('request', (request) => {
      if (/^(https?|wss?):/.test(request.url()))
        seen.push({ url: request.url(), from: origin(request), type: request.resourceType() });
    });
    const pages: [string, string][] = [
      [
        `${JIRA}/browse/PRIV-1`,
        `<!doctype html><title>[PRIV-1] Invite - Jira</title><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Invite</h1>`,
      ],
      [
        `${JIRA}/jira/software/projects/PRIV/boards/1`,
        `<!doctype html><title>Board - Jira</title>${Array.from({ length: 30 }, (_, i) => `<a href="/browse/PRIV-${i + 1}">PRIV-${i + 1}</a>`).join(' ')}`,
      ],
      [
        ISSUE,
        `<!doctype html><title>Onboarding · Issue #42 · octo-org/octo-app</title><bdi class="js-issue-title markdown-title">Onboarding</bdi>`,
      ],
      [
        CHART,
        `<!doctype html><title>Weekly active teams - Amplitude</title><h1 data-testid="chart-title">Weekly active teams</h1><span id="n">1,284</span>`,
      ],
    ];
    for (const [url, html] of pages) {
      await lens.serve(url, html);
      served.add(url);
    }
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('sends nothing over the network: not from the service worker, not from its pages, not from its scripts in host pages', async () => {
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'PRIV-2',
      title: 'Tracked',
    });

    const dashboard = await lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`);
    const popup = await lens.open(`chrome-extension://${lens.extensionId}/popup.html`);
    await dashboard.waitForLoadState('load');
    await popup.waitForLoadState('load');

    const ticket = await lens.open(`${JIRA}/browse/PRIV-1`);
    const panel = await panelRoot(ticket);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    await panel.openPanel();
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-rice-reach'), Boolean);
    await panel.type('#nsl-rice-reach', '1200');
    await panel.type('#nsl-notes', 'private plans');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );

    const board = await lens.open(`${JIRA}/jira/software/projects/PRIV/boards/1`);
    await eventually(
      () => board.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length),
      (n) => n === 30,
    );

    const issue = await lens.open(ISSUE);
    const issuePanel = await panelRoot(issue);
    await eventually(
      () => issuePanel.text('[data-testid=pill]'),
      (t) => Boolean(t && !t.includes('…')),
    );

    const chart = await lens.open(CHART);
    const chartPanel = await panelRoot(chart);
    await eventually(
      () => chartPanel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('not linked')),
    );
    await chartPanel.openPanel();
    await chartPanel.type('#nsl-chart-metric', 'weekly');
    await chart.keyboard.press('Enter');
    await eventually(() => chartPanel.text('[data-testid=chart-metric]'), Boolean);

    await lens.stopServiceWorker();
    const exported = await lens.call({ type: 'workspace.export' });
    await lens.call({ type: 'workspace.import', document: exported, mode: 'merge' });
    await lens.call({ type: 'item.update', id: seeded.item.id, patch: { notes: 'after the restart' } });
    await eventually(
      () => board.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length),
      (n) => n === 30,
    );
    await new Promise((r) => setTimeout(r, 1000));

    const byExtension = seen.filter((s) => s.from !== 'host page');
    expect(byExtension).toEqual([]);
    // Host pages fetched their own documents (served here) and the browser asked for their favicons; nothing else.
    const unexpected = seen.filter(
      (s) => s.from === 'host page' && !served.has(s.url.split('#')[0]!) && new URL(s.url).pathname !== '/favicon.ico',
    );
    expect(unexpected).toEqual([]);
    expect(lens.unservedRequests.filter((url) => new URL(url).pathname !== '/favicon.ico')).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);

    recordFigure('privacy: requests observed during the session', seen.length);
    recordFigure('privacy: requests made by the extension', byExtension.length);
    for (const page of [dashboard, popup, ticket, board, issue, chart]) await page.close();
  }, 120_000);

  it('would notice a request from the service worker or an extension page: the check itself works', async () => {
    const before = seen.length;
    const worker = await lens.serviceWorker();
    await worker.evaluate(() => fetch('https://collector.example/from-worker').catch(() => undefined));
    const page = await lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`);
    await page.evaluate(() => fetch('https://collector.example/from-page').catch(() => undefined));
    const caught = await eventually(
      async () => seen.slice(before).filter((s) => s.url.startsWith('https://collector.example/')),
      (list) => list.length === 2,
    );
    expect(caught.map((s) => s.from).sort()).toEqual(['extension page', 'service worker']);
    await page.close();
  });
});

/**
 * With a shared tree, the extension talks to that share's server and to nothing else:
 * sharing, the pulls a dashboard and a panel trigger, a local edit's publish and Sync now.
 * The server is a real Apache; the profile's manifest holds its loopback host, as the
 * permission prompt (which a headless browser cannot answer) would grant it.
 */
describe('privacy: a session with a shared tree', () => {
  let lens: Lens;
  let apache: Apache;
  const seen: Seen[] = [];

  beforeAll(async () => {
    apache = await startApache({ password: 'privacy-pass-SECRET' });
    lens = await launchLens({
      patchManifest: (manifest) => {
        manifest.host_permissions = [...((manifest.host_permissions as string[]) ?? []), 'http://127.0.0.1/*'];
      },
    });
    await lens.context.route(
      (url) => url.origin === apache.origin,
      (route) => route.continue(),
    );
    lens.context.on('request', (request) => {
      if (/^(https?|wss?):/.test(request.url()))
        seen.push({ url: request.url(), from: origin(request), type: request.resourceType() });
    });
    await lens.serve(
      `${JIRA}/browse/PRIV-2`,
      `<!doctype html><title>[PRIV-2] Tracked - Jira</title><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Tracked</h1>`,
    );
  }, 60_000);
  afterAll(async () => {
    await lens?.close();
    await apache?.stop();
  });

  it("sends requests to the share's server only, from the background only", async () => {
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting',
      key: 'PRIV-2',
      title: 'T',
    });
    const shared = await lens.call({
      type: 'share.start',
      treeId: seeded.tree.id,
      url: `${apache.davUrl}privacy.json`,
      credentials: { kind: 'password', user: apache.user, password: apache.password },
      displayName: 'Ana',
    });
    expect(shared.ok).toBe(true);
    const dashboard = await lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`);
    await dashboard.getByText(/Shared · synced/).waitFor();
    const ticket = await lens.open(`${JIRA}/browse/PRIV-2`);
    const panel = await panelRoot(ticket);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
    );
    await lens.call({ type: 'item.update', id: seeded.item.id, patch: { notes: 'published after the pause' } });
    await eventually(
      async () => serverTexts(apache, 'privacy.json').join('\n'),
      (text) => text.includes('published after the pause'),
    );
    await lens.call({ type: 'share.syncNow', treeId: seeded.tree.id });

    const byExtension = seen.filter((s) => s.from !== 'host page');
    expect(byExtension.length).toBeGreaterThan(0);
    expect(byExtension.filter((s) => new URL(s.url).origin !== apache.origin)).toEqual([]);
    expect(byExtension.filter((s) => s.from !== 'service worker')).toEqual([]);
    expect(seen.filter((s) => s.from === 'host page' && new URL(s.url).origin === apache.origin)).toEqual([]);
    recordFigure('privacy: requests to the share server during a shared session', byExtension.length);
  }, 120_000);
});
