import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { eventually, launchLens, type Lens } from './harness';
import { badgeTexts, panelRoot } from './shadow';

const JIRA = 'https://acme.atlassian.net';

/** The extension APIs a test drives from the service worker, as the toolbar button does. */
interface WorkerApis {
  chrome: {
    tabs: {
      query(filter: { url: string }): Promise<{ id: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  };
}

function ticketPage(key: string, title: string): string {
  return `<!doctype html><html><head><title>[${key}] ${title} - Jira</title>
  <style>
    body { margin: 0; font: 14px/1.5 -apple-system, 'Segoe UI', Roboto, sans-serif; color: #172b4d; }
    .top { height: 48px; background: #fafbfc; border-bottom: 1px solid #dfe1e6; display: flex; align-items: center; padding: 0 20px; font-weight: 600; color: #0052cc; }
    main { max-width: 760px; padding: 24px 40px; }
    .crumbs { color: #5e6c84; font-size: 13px; }
    h1 { font-size: 24px; font-weight: 500; margin: 8px 0 20px; }
    .field { color: #5e6c84; font-size: 12px; font-weight: 600; margin-top: 16px; }
    .desc { border: 1px solid #dfe1e6; border-radius: 3px; padding: 12px; }
  </style></head><body>
  <div class="top">Jira · Acme</div>
  <main>
    <div class="crumbs">Projects / Growth / <span id="crumb">${key}</span></div>
    <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${title}</h1>
    <div class="field">Description</div>
    <div class="desc">New workspaces land on an empty project list. Offer to invite a teammate right there, with the link pre-filled.</div>
  </main>
  <script>
    // A single-page app: navigating replaces the heading and pushes a new URL.
    window.goTo = (key, title) => {
      history.pushState({}, '', '/browse/' + key);
      document.title = '[' + key + '] ' + title + ' - Jira';
      document.querySelector('h1').textContent = title;
      document.getElementById('crumb').textContent = key;
    };
  </script></body></html>`;
}

/**
 * A list whose addRows() replaces its rows with ten links never shown before (`linkTo`
 * and a number, shown as `label` and the number; `firstRow` goes ahead of them) and
 * counts their badges once the microtasks after the insertion have run: before any
 * answer from the worker could come back.
 */
function rowsPage(title: string, linkTo: string, label: string, firstRow = ''): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><ul id="rows"></ul><script>
    let next = 1;
    window.addRows = async () => {
      let rows = ${JSON.stringify(firstRow)};
      for (let i = 0; i < 10; i++, next++) rows += '<li><a href="${linkTo}' + next + '">${label}' + next + '</a></li>';
      const list = document.getElementById('rows');
      list.innerHTML = rows;
      await Promise.resolve();
      await Promise.resolve();
      return [...list.querySelectorAll('a')].filter((a) => a.nextElementSibling?.hasAttribute('data-nsl-badge')).length;
    };
  </script></body></html>`;
}

function boardPage(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `<li><a href="/browse/ABC-${i + 1}">ABC-${i + 1}</a> Card ${i + 1}</li>`,
  ).join('');
  return `<!doctype html><html><head><title>ABC board - Jira</title></head><body><ul id="rows">${rows}</ul>
  <a href="/jira/your-work">Your work</a>
  <script>
    window.addRows = (from, n) => {
      const list = document.getElementById('rows');
      for (let i = from; i < from + n; i++) {
        const li = document.createElement('li');
        li.innerHTML = '<a href="/browse/ABC-' + i + '">ABC-' + i + '</a> Late card';
        list.appendChild(li);
      }
    };
    window.removeRows = (n) => { const list = document.getElementById('rows'); for (let i = 0; i < n; i++) list.lastElementChild.remove(); };
  </script></body></html>`;
}

describe('the in-page panel on a tracker', () => {
  let lens: Lens;
  let treeId: string;
  let _inputId: string;

  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
    treeId = tree.id;
    await lens.call({
      type: 'metric.create',
      treeId,
      role: 'nsm',
      name: 'Weekly active teams',
      fields: { period: 'week' },
    });
    const input = await lens.call({
      type: 'metric.create',
      treeId,
      role: 'input',
      name: 'Teams inviting a colleague',
      fields: { ownerTeam: 'Growth' },
    });
    await lens.call({
      type: 'metric.create',
      treeId,
      role: 'input',
      name: 'Projects shared',
      fields: { ownerTeam: 'Collab' },
    });
    _inputId = input.id;
    await lens.serve(new RegExp(`^${JIRA}/browse/`), ticketPage('ABC-1', 'Invite from the empty state'));
  });
  afterAll(async () => {
    await lens?.close();
  });

  async function openTicket(key: string): Promise<Page> {
    return lens.open(`${JIRA}/browse/${key}`);
  }

  it('shows a collapsed pill saying the ticket is not linked yet', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t && !t.includes('…')),
    );
    expect(pill).toContain('Not tracked');
    await page.close();
  });

  it("loads the open panel's code only when the user reaches for the pill, and once", async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    const stylesheets = () => panel.run<number>('(root) => root.querySelectorAll("style").length');
    // Only the pill's stylesheet: the panel's code (which brings its own) is not on the page.
    await new Promise((r) => setTimeout(r, 300));
    expect(await stylesheets()).toBe(1);
    const box = await panel.run<{ x: number; y: number }>(
      '(root) => { const r = root.querySelector("[data-testid=pill]").getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
    await page.mouse.move(box.x, box.y);
    expect(await eventually(stylesheets, (n) => n === 2)).toBe(2);
    expect(await panel.exists('[data-testid=panel]')).toBe(false);
    await panel.openPanel();
    await page.keyboard.press('Escape');
    await panel.openPanel();
    expect(await stylesheets()).toBe(2);
    await page.close();
  });

  it('creates, links and scores an item from the ticket, and it is still there after a reload', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe('ABC-1');
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-input-metric'), Boolean);

    await panel.type('#nsl-input-metric', 'invit');
    await page.keyboard.press('Enter');
    await eventually(
      () => panel.text('[data-testid=path]'),
      (t) => Boolean(t?.includes('Teams inviting a colleague')),
    );
    expect(await panel.text('[data-testid=path]')).toContain('Weekly active teams');

    await panel.type('#nsl-rice-reach', '1,000');
    await panel.select('#nsl-rice-impact', '2');
    await panel.type('#nsl-rice-confidence', '80');
    await panel.type('#nsl-rice-effort', '4');
    const score = await eventually(
      () => panel.text('[data-testid=score]'),
      (t) => Boolean(t?.includes('400')),
    );
    expect(score).toContain('400');
    expect(score).toContain('#1 of 1');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/panel-tracker.png' });

    await page.reload();
    const again = await panelRoot(page);
    const pill = await eventually(
      () => again.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('400')),
    );
    expect(pill).toBe('★Teams inviting a colleague · 400');
    await page.close();
  });

  it('keeps an impossible estimate in the field with the reason, and does not store it', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('400')),
    );
    await panel.openPanel();
    await panel.type('#nsl-rice-effort', '0');
    const error = await eventually(() => panel.text('.rice-field.has-error .field-error'), Boolean);
    expect(error).toMatch(/Effort must be more than 0/);
    expect(await panel.value('#nsl-rice-effort')).toBe('0');
    await new Promise((r) => setTimeout(r, 800));
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'ABC-1' }] });
    expect(stored.item?.rice.effort).toBe(4);
    await page.close();
  });

  it('follows single-page navigation to another ticket without a reload', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('400')),
    );
    await page.evaluate(() =>
      (window as unknown as { goTo(k: string, t: string): void }).goTo('ABC-2', 'Onboarding checklist'),
    );
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    expect(pill).toContain('Not tracked');
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe('ABC-2');
    await page.close();
  });

  it('shows an edit made in one tab in another open tab', async () => {
    const first = await openTicket('ABC-1');
    const second = await openTicket('ABC-1');
    const a = await panelRoot(first);
    const b = await panelRoot(second);
    await eventually(
      () => b.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('400')),
    );
    await a.openPanel();
    await a.type('#nsl-rice-reach', '2000');
    const seen = await eventually(
      () => b.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('800')),
      5000,
    );
    expect(seen).toContain('800');
    await first.close();
    await second.close();
  });

  it('puts exactly one badge beside each of 300 entity links, and on rows added later', async () => {
    await lens.serve(`${JIRA}/jira/software/projects/ABC/boards/1`, boardPage(300));
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/1`);
    const countBadges = () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length);
    expect(await eventually(countBadges, (n) => n === 300)).toBe(300);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countBadges()).toBe(300);

    await page.evaluate(() => (window as unknown as { addRows(f: number, n: number): void }).addRows(301, 25));
    expect(await eventually(countBadges, (n) => n === 325)).toBe(325);
    await page.evaluate(() => (window as unknown as { removeRows(n: number): void }).removeRows(10));
    expect(await eventually(countBadges, (n) => n === 315)).toBe(315);

    const badgeOfFirst = await page.evaluate(() => {
      const anchor = document.querySelector('a[href="/browse/ABC-1"]');
      return anchor?.nextElementSibling?.hasAttribute('data-nsl-badge') ?? false;
    });
    expect(badgeOfFirst).toBe(true);
    await page.close();
  });

  it('updates a board’s badge when the ticket’s tag changes in another tab', async () => {
    const board = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/1`);
    const badgeOf = (key: string) => async () =>
      (await badgeTexts(board)).find((b) => b.anchorText === key)?.badge ?? null;
    expect(await eventually(badgeOf('ABC-1'), (b) => b === 'Teams inviting a… · 800')).toBe('Teams inviting a… · 800');
    const ticket = await openTicket('ABC-1');
    const panel = await panelRoot(ticket);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('800')),
    );
    // Tagged in the ticket's open panel, as a PM does.
    await panel.openPanel();
    await panel.type('#nsl-input-metric', 'projects');
    await ticket.keyboard.press('Enter');
    expect(await eventually(badgeOf('ABC-1'), (b) => Boolean(b?.startsWith('Projects shared')))).toMatch(
      /^Projects shared · /,
    );
    const item = (await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'ABC-1' }] })).item!;
    await lens.call({ type: 'item.update', id: item.id, patch: { inputMetricId: _inputId } });
    expect(await eventually(badgeOf('ABC-1'), (b) => b === 'Teams inviting a… · 800')).toBe('Teams inviting a… · 800');
    await ticket.close();
    await board.close();
  });

  it('says on each badge which input metric the ticket moves and its score, or that it is unlinked', async () => {
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/1`);
    await eventually(
      () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length),
      (n) => n === 300,
    );
    const badges = await eventually(
      () => badgeTexts(page),
      (b) => b.length === 300 && !b.some((x) => x.badge === '…'),
    );
    expect(badges.find((b) => b.anchorText === 'ABC-1')?.badge).toBe('Teams inviting a… · 800');
    expect(badges.find((b) => b.anchorText === 'ABC-2')?.badge).toBe('unlinked');
    expect(badges.filter((b) => b.badge === 'unlinked')).toHaveLength(299);

    // A virtualised list recycles a row: same anchor, new href, so the badge must follow it.
    await page.evaluate(() => {
      const anchor = document.querySelector<HTMLAnchorElement>('a[href="/browse/ABC-2"]')!;
      anchor.href = '/browse/ABC-1';
      anchor.textContent = 'ABC-1 (recycled)';
    });
    const recycled = await eventually(
      () => badgeTexts(page),
      (b) => b.find((x) => x.anchorText === 'ABC-1 (recycled)')?.badge.includes('800') ?? false,
    );
    expect(recycled.find((x) => x.anchorText === 'ABC-1 (recycled)')?.badge).toBe('Teams inviting a… · 800');
    expect(recycled).toHaveLength(300);
    await page.close();
  });

  it('badges every one of 5,000 links a board inserts at once, more than it resolves or places in one go', async () => {
    await lens.serve(
      `${JIRA}/jira/software/projects/ABC/boards/2`,
      `<!doctype html><html><head><title>ABC board - Jira</title></head><body><ul id="rows"></ul><script>
        window.addLinks = (n) => {
          let rows = '';
          for (let i = 1; i <= n; i++) rows += '<li><a href="/browse/ABC-' + i + '">ABC-' + i + '</a> Card ' + i + '</li>';
          document.getElementById('rows').innerHTML = rows;
        };
      </script></body></html>`,
    );
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/2`);
    await panelRoot(page);
    await page.evaluate(() => (window as unknown as { addLinks(n: number): void }).addLinks(5000));
    const countBadges = () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length);
    expect(await eventually(countBadges, (n) => n === 5000)).toBe(5000);
    const everyLinkOnce = await page.evaluate(() =>
      [...document.querySelectorAll('#rows a')].every(
        (anchor) =>
          anchor.nextElementSibling?.hasAttribute('data-nsl-badge') &&
          !anchor.nextElementSibling.nextElementSibling?.hasAttribute('data-nsl-badge'),
      ),
    );
    expect(everyLinkOnce).toBe(true);
    const badges = await badgeTexts(page);
    expect(badges.find((b) => b.anchorText === 'ABC-1')?.badge).toMatch(/^Teams inviting a… · /);
    expect(badges.filter((b) => b.badge === 'unlinked')).toHaveLength(4999);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countBadges()).toBe(5000);
    await page.close();
  });

  it('on a board, badges the rows the host adds in the host’s own task, before it renders them', async () => {
    // Each batch also holds a malformed link, which gets no badge and must not stop the others.
    const malformed = '<li><a href="https://[bad/browse/ABC-0">malformed</a></li>';
    await lens.serve(
      `${JIRA}/jira/software/projects/ABC/boards/4`,
      rowsPage('ABC board - Jira', '/browse/ABC-', 'ABC-', malformed),
    );
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/4`);
    await panelRoot(page);
    // Until the board's index has come, rows are badged one answer later; then at once.
    const addRows = () => page.evaluate(() => (window as unknown as { addRows(): Promise<number> }).addRows());
    expect(await eventually(addRows, (badged) => badged === 10)).toBe(10);
    const badges = await eventually(
      () => badgeTexts(page),
      (b) => b.length === 10,
    );
    expect(badges.every((b) => b.badge === 'unlinked' || /·/.test(b.badge))).toBe(true);
    expect(badges.some((b) => b.anchorText === 'malformed')).toBe(false);
    await page.close();
  });

  it('on GitHub, holds every badge up front on an issue list but not while browsing code', async () => {
    const page = (title: string) => rowsPage(`${title} · GitHub`, '/acme/app/issues/', '#');
    await lens.serve('https://github.com/acme/app/blob/main/README.md', page('app/README.md at main · acme/app'));
    await lens.serve('https://github.com/acme/app/issues', page('Issues · acme/app'));
    const addRows = (tab: Page) => tab.evaluate(() => (window as unknown as { addRows(): Promise<number> }).addRows());
    const allBadged = (tab: Page) =>
      eventually(
        () => badgeTexts(tab),
        (b) => b.length === 10 && b.every((x) => x.badge === 'unlinked'),
      );

    const code = await lens.open('https://github.com/acme/app/blob/main/README.md');
    await panelRoot(code);
    for (let round = 0; round < 3; round++) {
      expect(await addRows(code)).toBe(0);
      await allBadged(code);
    }
    await code.close();

    const list = await lens.open('https://github.com/acme/app/issues');
    await panelRoot(list);
    expect(
      await eventually(
        () => addRows(list),
        (badged) => badged === 10,
      ),
    ).toBe(10);
    await allBadged(list);

    // As GitHub moves between its pages without a load: the index goes with the list, and comes back with it.
    const goTo = (path: string) => list.evaluate((to) => history.pushState({}, '', to), path);
    await goTo('/acme/app/blob/main/README.md');
    expect(
      await eventually(
        () => addRows(list),
        (badged) => badged === 0,
      ),
    ).toBe(0);
    await allBadged(list);
    expect(await addRows(list)).toBe(0);
    await allBadged(list);
    await goTo('/acme/app/issues');
    expect(
      await eventually(
        () => addRows(list),
        (badged) => badged === 10,
      ),
    ).toBe(10);
    await list.close();
  });

  it('resolves links as the browser does, against the page’s <base>', async () => {
    await lens.serve(
      `${JIRA}/jira/software/projects/ABC/boards/3`,
      `<!doctype html><html><head><title>ABC board - Jira</title><base href="https://github.com/"></head><body>
        <a id="elsewhere" href="/browse/ABC-1">ABC-1 elsewhere</a>
        <a id="here" href="https://acme.atlassian.net/browse/ABC-1">ABC-1</a>
      </body></html>`,
    );
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/3`);
    const badged = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('a')].map((a) => a.nextElementSibling?.hasAttribute('data-nsl-badge') ?? false),
      );
    expect(await eventually(badged, (b) => b[1] === true)).toEqual([false, true]);
    await page.close();
  });

  it('collapses on Esc, and shows a change made in the dashboard without a reload', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('800')),
    );
    await panel.openPanel();
    expect(await panel.exists('[data-testid=panel]')).toBe(true);
    // The panel takes the focus as it opens; Esc is the next key the user presses.
    const focused = await eventually(
      () => panel.run<boolean>("(root) => Boolean(root.activeElement?.closest('[data-testid=panel]'))"),
      Boolean,
    );
    expect(focused).toBe(true);
    await page.keyboard.press('Escape');
    expect(
      await eventually(
        () => panel.exists('[data-testid=panel]'),
        (open) => !open,
      ),
    ).toBe(false);

    const item = (await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'ABC-1' }] })).item!;
    await lens.call({ type: 'item.update', id: item.id, patch: { rice: { effort: 16 } } });
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('200')),
    );
    expect(pill).toBe('★Teams inviting a colleague · 200');
    await page.close();
  });
  it('retires the copy already in a page when another is injected, leaving one pill that still answers', async () => {
    const page = await openTicket('ABC-1');
    const before = await panelRoot(page);
    const shown = await eventually(
      () => before.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('·')),
    );
    const worker = await lens.serviceWorker();
    // What the toolbar button does on a page whose copy it cannot reach (after an update).
    await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as WorkerApis;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id }, files: ['/overlay.js'] });
    }, page.url());
    const hosts = () => page.evaluate(() => document.querySelectorAll('north-star-lens').length);
    await eventually(
      async () => (await panelRoot(page)).text('[data-testid=pill]'),
      (t) => t === shown,
    );
    expect(await hosts()).toBe(1);

    await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as WorkerApis;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab!.id, { type: 'nsl.togglePanel' });
    }, page.url());
    const after = await panelRoot(page);
    expect(await eventually(() => after.exists('[data-testid=panel]'), Boolean)).toBe(true);
    expect(await hosts()).toBe(1);
    await page.close();
  });

  it('shows nothing on a site the user switched off, and comes back when switched on again', async () => {
    await lens.call({ type: 'settings.update', patch: { disabledSites: ['jira'] } });
    const page = await lens.open(`${JIRA}/jira/software/projects/ABC/boards/1`);
    const ticket = await openTicket('ABC-1');
    const panel = await panelRoot(ticket);
    await new Promise((r) => setTimeout(r, 800));
    expect(await panel.exists('[data-testid=pill]')).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length)).toBe(0);

    await lens.call({ type: 'settings.update', patch: { disabledSites: [] } });
    expect(await eventually(() => panel.exists('[data-testid=pill]'), Boolean)).toBe(true);
    const count = () => page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length);
    expect(await eventually(count, (n) => n === 300)).toBe(300);
    await page.close();
    await ticket.close();
  });
});

/**
 * Added to a copy of the build at document_start, in the extension's isolated world (the
 * only place that sees its closed shadow root): every text the pill holds, in order, goes
 * onto <html data-pill-texts> for the test to read.
 */
const PILL_WATCH = `(() => {
  const texts = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName !== 'north-star-lens') return root;
    new MutationObserver(() => {
      const text = root.querySelector('[data-testid=pill] .pill-text')?.textContent ?? null;
      if (text === null || texts.at(-1) === text) return;
      texts.push(text);
      document.documentElement.dataset.pillTexts = JSON.stringify(texts);
    }).observe(root, { subtree: true, childList: true, characterData: true });
    return root;
  };
})();`;

/**
 * Added the same way, ahead of the early request, on pages whose address asks for it
 * (`?hold`): the answer to `page.open`, once the background has given it, is held back
 * until the page says <html data-release>, so a test can change things while it is on its
 * way. The page learns that it is held (<html data-opening-held>) and that a change notice
 * reached the content scripts (<html data-noticed>).
 */
const HOLD_OPENING = `(() => {
  if (!location.search.includes('hold')) return;
  const html = document.documentElement;
  const released = new Promise((resolve) => {
    new MutationObserver(() => { if ('release' in html.dataset) resolve(); })
      .observe(html, { attributes: true, attributeFilter: ['data-release'] });
  });
  for (const runtime of new Set([globalThis.chrome?.runtime, globalThis.browser?.runtime])) {
    if (!runtime?.sendMessage) continue;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (message, ...rest) => {
      const reply = send(message, ...rest);
      if (message?.type !== 'page.open') return reply;
      return reply.then(async (value) => {
        html.dataset.openingHeld = '';
        await released;
        return value;
      });
    };
    runtime.onMessage.addListener((message) => {
      if (message?.type === 'nsl.changed') html.dataset.noticed = '';
    });
  }
})();`;

describe('the pill on a page load', () => {
  let lens: Lens;
  let itemId: string;
  let inviting: string;
  let sharing: string;

  beforeAll(async () => {
    lens = await launchLens({
      files: { 'pill-watch.js': PILL_WATCH, 'hold-opening.js': HOLD_OPENING },
      patchManifest: (manifest) => {
        const scripts = manifest.content_scripts as { matches: string[]; js: string[]; run_at?: string }[];
        scripts.unshift({
          matches: scripts[0]!.matches,
          js: ['pill-watch.js', 'hold-opening.js'],
          run_at: 'document_start',
        });
      },
    });
    const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
    await lens.call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    const input = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'input',
      name: 'Teams inviting a colleague',
    });
    inviting = input.id;
    sharing = (await lens.call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Projects shared' })).id;
    const item = await lens.call({
      type: 'item.create',
      treeId: tree.id,
      title: 'Invite from the empty state',
      links: [{ site: 'jira', key: 'ABC-9', url: `${JIRA}/browse/ABC-9` }],
      inputMetricId: input.id,
    });
    await lens.call({
      type: 'item.update',
      id: item.id,
      patch: { rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 2 } },
    });
    itemId = item.id;
    await lens.serve(new RegExp(`^${JIRA}/browse/`), ticketPage('ABC-9', 'Offer an invite on the empty project list'));
  });
  afterAll(async () => {
    await lens?.close();
  });

  it("draws the ticket's stored linkage as its very first text, then takes the ticket's title and the whole tree", async () => {
    const page = await lens.open(`${JIRA}/browse/ABC-9`);
    const pillTexts = () =>
      page.evaluate(() => JSON.parse(document.documentElement.dataset.pillTexts ?? '[]') as string[]);
    await eventually(pillTexts, (texts) => texts.length > 0);
    const panel = await panelRoot(page);
    await panel.openPanel();
    expect(await panel.text('.panel-title')).toBe('Offer an invite on the empty project list');
    // The early answer named only the ticket's own metric and the NSM: the panel offers every input.
    await panel.focus('[role=combobox]');
    const offered = await eventually(
      () => panel.run<string[]>('(root) => [...root.querySelectorAll(".picker-name")].map((n) => n.textContent)'),
      (names) => names.length > 1,
    );
    expect(offered).toEqual(expect.arrayContaining(['Teams inviting a colleague', 'Projects shared']));
    // Never a placeholder first: no "North Star…" while loading, no ticket without its linkage.
    expect(await pillTexts()).toEqual([expect.stringMatching(/^Teams inviting a colleague · \d/)]);
    await page.close();
  });

  /** A page of ABC-9 whose opening answer has come and is held back; its pill's texts so far. */
  async function heldTicket(address = `${JIRA}/browse/ABC-9?hold`) {
    const page = await lens.open(address);
    const html = (name: string) => page.evaluate((n) => n in document.documentElement.dataset, name);
    expect(await eventually(() => html('openingHeld'), Boolean)).toBe(true);
    return {
      page,
      noticed: () => eventually(() => html('noticed'), Boolean),
      release: () => page.evaluate(() => (document.documentElement.dataset.release = '')),
      pillTexts: () => page.evaluate(() => JSON.parse(document.documentElement.dataset.pillTexts ?? '[]') as string[]),
    };
  }

  it('never draws an answer read before an edit made in another tab meanwhile: it shows the edit', async () => {
    const held = await heldTicket();
    await lens.call({ type: 'item.update', id: itemId, patch: { inputMetricId: sharing } });
    expect(await held.noticed()).toBe(true);
    await held.release();
    const texts = await eventually(held.pillTexts, (t) => t.some((text) => text.startsWith('Projects shared · ')));
    expect(texts.at(-1)).toMatch(/^Projects shared · \d/);
    expect(texts.filter((text) => text.startsWith('Teams inviting a colleague'))).toEqual([]);
    await lens.call({ type: 'item.update', id: itemId, patch: { inputMetricId: inviting } });
    await held.page.close();
  });

  it('never draws the ticket it was asked about once the page has moved to another one meanwhile', async () => {
    const held = await heldTicket();
    await held.page.evaluate(() => (window as unknown as { goTo(k: string, t: string): void }).goTo('ABC-10', 'Other'));
    await held.release();
    const texts = await eventually(held.pillTexts, (t) => t.includes('Not tracked · no path to the NSM'));
    expect(texts).toContain('Not tracked · no path to the NSM');
    expect(texts.filter((text) => text.startsWith('Teams inviting a colleague'))).toEqual([]);
    await held.page.close();
  });

  it('shows nothing when the site was switched off while the answer was on its way', async () => {
    const held = await heldTicket();
    await lens.call({ type: 'settings.update', patch: { disabledSites: ['jira'] } });
    expect(await held.noticed()).toBe(true);
    await held.release();
    const panel = await panelRoot(held.page);
    await new Promise((r) => setTimeout(r, 800));
    expect(await panel.exists('[data-testid=pill]')).toBe(false);
    expect(await held.pillTexts()).toEqual([]);
    await lens.call({ type: 'settings.update', patch: { disabledSites: [] } });
    expect(await eventually(() => panel.exists('[data-testid=pill]'), Boolean)).toBe(true);
    await held.page.close();
  });
});
