import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordFigure } from '../security/figures';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';
import { seedTree } from './security-helpers';

/** Every page here records what reaches its own error handlers. */
const RECORDER = `<script>
  window.__errors = [];
  window.onerror = (message, source, line, column, error) => { window.__errors.push(String(message) + ' @ ' + source + ':' + line); };
  window.addEventListener('error', (event) => { if (event.error) window.__errors.push('error event: ' + String(event.error)); });
  window.addEventListener('unhandledrejection', (event) => window.__errors.push('rejection: ' + String(event.reason)));
</script>`;

const bare = (body = '') => `<!doctype html><html><head>${RECORDER}</head><body>${body}</body></html>`;

/** Entity pages of every supported site, stripped of everything the adapters read: no title, no heading. */
const ENTITY_URLS: [site: string, url: string, key: string][] = [
  ['jira', 'https://acme.atlassian.net/browse/ODD-1', 'ODD-1'],
  ['github', 'https://github.com/octo-org/octo-app/issues/42', 'octo-org/octo-app#42'],
  ['linear', 'https://linear.app/acme/issue/ENG-42', 'ENG-42'],
  ['asana', 'https://app.asana.com/0/1200000000000001/1200000000000042', '1200000000000042'],
  ['trello', 'https://trello.com/c/AbCd1234/12-redesign', 'AbCd1234'],
  ['aha', 'https://acme.aha.io/features/APP-123', 'APP-123'],
  ['productboard', 'https://acme.productboard.com/entity-detail/features/27273918', '27273918'],
  ['amplitude', 'https://app.amplitude.com/analytics/acme/chart/mccedr54', ''],
  ['mixpanel', 'https://mixpanel.com/project/3/app/insights#report/123', ''],
  ['posthog', 'https://app.posthog.com/project/1/insights/AbC12', ''],
  ['ga', 'https://analytics.google.com/analytics/web/#/p123/reports/intelligenthome', ''],
];

/** Addresses on supported hosts that name nothing, or name it in a malformed way. */
const ODD_URLS = [
  'https://acme.atlassian.net/browse/',
  'https://acme.atlassian.net/browse/%E0%A4%A',
  `https://acme.atlassian.net/browse/ODD-2?q=${'y'.repeat(6000)}`,
  'https://acme.atlassian.net/jira/software/projects/ODD/boards/1?selectedIssue=%3Cscript%3E',
  `https://acme.atlassian.net/browse/ODD-3#${'%'.repeat(50)}`,
  `https://github.com/${'a/'.repeat(1500)}`,
  'https://github.com/octo-org/octo-app/issues/99999999999999999999',
  'https://github.com/orgs/a/projects/1?issue=%7C%7C%7C',
  'https://linear.app/%E3%83%AF%E3%83%BC%E3%82%AF/issue/ENG-1',
  `https://linear.app/acme/issue/${'ENG-'.repeat(300)}`,
  'https://app.asana.com/1/',
  'https://trello.com/c/',
  'https://analytics.google.com/analytics/web/#/p1/reports/explorer?r=%E0%A4%A',
  'https://mixpanel.com/project/1/view/app/boards#id=%',
  'https://app.amplitude.com/analytics/acme/chart/',
];

describe('host pages the adapters did not expect', () => {
  let lens: Lens;
  const consoleErrors: string[] = [];
  let pagesVisited = 0;

  beforeAll(async () => {
    lens = await launchLens();
    await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'ODD-9',
      title: 'Tracked',
    });
    lens.context.on('page', (page) =>
      page.on('console', (message) => {
        // The fixtures have no favicon: the browser's own failed fetch of it is not ours.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          consoleErrors.push(`${page.url().slice(0, 80)}: ${message.text()}`);
      }),
    );
  });
  afterAll(async () => {
    recordFigure('odd pages: pages and addresses tried, none raising an error in the page', pagesVisited);
    await lens?.close();
  });

  async function expectQuiet(page: Page): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    pagesVisited += 1;
  }

  it.each(ENTITY_URLS)(
    'on a %s page with no title and no heading, still shows the panel, named after the address',
    async (_site, url, key) => {
      await lens.serve(url, bare());
      const page = await lens.open(url);
      const panel = await panelRoot(page);
      const pill = await eventually(
        () => panel.text('[data-testid=pill]'),
        (t) => Boolean(t && !t.includes('…')),
      );
      expect(pill).toMatch(/Not tracked|not linked/);
      await panel.openPanel();
      const shownKey = await eventually(() => panel.text('[data-testid=entity-key]'), Boolean);
      if (key) expect(shownKey).toBe(key);
      expect((await panel.text('.panel-title'))?.length).toBeGreaterThan(0);
      await expectQuiet(page);
      await page.close();
    },
  );

  it('raises nothing in the page on addresses that name no entity, or name one in a malformed way', async () => {
    for (const url of ODD_URLS) {
      await lens.serve(url, bare('<h1>Odd</h1><a href="/browse/%">odd link</a><a href="/issues/">issues</a>'));
      const page = await lens.open(url);
      await page.waitForSelector('north-star-lens', { state: 'attached', timeout: 10_000 });
      await expectQuiet(page);
      await page.close();
    }
  });

  it('follows a hundred navigations in a burst through odd addresses, and ends on the right ticket', async () => {
    const url = 'https://acme.atlassian.net/browse/ODD-4';
    await lens.serve(url, bare('<h1 data-testid="issue.views.issue-base.foundation.summary.heading">Burst</h1>'));
    const page = await lens.open(url);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    await page.evaluate(() => {
      const odd = [
        '/browse/',
        '/browse/%E0%A4%A',
        '/browse/ODD-5?x=<script>',
        '/jira/your-work',
        '/browse/ODD-6#%',
        '/wiki/spaces/X/pages/1?selectedIssue=ODD-7',
      ];
      for (let i = 0; i < 100; i++) history.pushState({}, '', odd[i % odd.length]!.replace('ODD-5', `ODD-${100 + i}`));
      history.pushState({}, '', '/browse/ODD-9');
    });
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
      10_000,
    );
    expect(pill).toContain('Teams inviting');
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe('ODD-9');
    await expectQuiet(page);
    await page.close();
  });

  it('keeps badging links when the page swaps its whole <body>, as Turbo-driven sites such as GitHub do', async () => {
    const url = 'https://github.com/octo-org/octo-app/issues';
    const links = (from: number) =>
      Array.from(
        { length: 20 },
        (_, i) => `<li><a href="/octo-org/octo-app/issues/${from + i}">#${from + i}</a></li>`,
      ).join('');
    await lens.serve(url, bare(`<ul>${links(1)}</ul>`));
    const page = await lens.open(url);
    const count = () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length);
    expect(await eventually(count, (n) => n === 20)).toBe(20);
    await page.evaluate((html) => {
      const next = document.createElement('body');
      next.innerHTML = `<ul>${html}</ul>`;
      document.documentElement.replaceChild(next, document.body);
    }, links(101));
    expect(await eventually(count, (n) => n === 20, 5000)).toBe(20);
    expect(
      await page.evaluate(() =>
        document.querySelector('a[href$="/issues/101"]')?.nextElementSibling?.hasAttribute('data-nsl-badge'),
      ),
    ).toBe(true);
    await expectQuiet(page);
    await page.close();
  });

  it('works on a page that has sabotaged its own globals (URL, JSON, Array, Promise, MutationObserver, history, document.title)', async () => {
    const url = 'https://acme.atlassian.net/browse/ODD-9';
    await lens.serve(
      url,
      `<!doctype html><html><head>${RECORDER}<title>[ODD-9] Sabotage - Jira</title><script>
        window.URL = function () { throw new Error('no URL for you'); };
        JSON.parse = () => ({ type: 'item.delete' });
        JSON.stringify = () => '{}';
        Array.prototype.map = function () { return []; };
        Array.from = () => [];
        window.Promise = function () { throw new Error('no promises'); };
        window.MutationObserver = function () { throw new Error('no observers'); };
        window.requestAnimationFrame = () => 0;
        history.pushState = () => { throw new Error('no navigation'); };
        Object.defineProperty(document, 'title', { get() { throw new Error('no title'); } });
        Element.prototype.attachShadow = function () { throw new Error('no shadows'); };
        EventTarget.prototype.addEventListener = function () {};
      </script></head><body><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Sabotage</h1>
      <a href="/browse/ODD-9">ODD-9</a></body></html>`,
    );
    const page = await lens.open(url);
    const panel = await panelRoot(page);
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
    );
    expect(pill).toContain('Teams inviting');
    expect(
      await eventually(
        () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length),
        (n) => n === 1,
      ),
    ).toBe(1);
    await panel.openPanel();
    expect(await panel.text('.panel-title')).toBe('Sabotage');
    await expectQuiet(page);
    await page.close();
  });
});
