/**
 * Badges on the lists and boards of sites whose rows hold no link to their entity: Asana's
 * list rows and board cards (test/fixtures/sites/asana-list-view.html, asana-board.html, with
 * their sources), served at the addresses Asana gives those views.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { badgeTexts, panelRoot } from './shadow';

const PROJECT = 'https://app.asana.com/0/1200000000000001';
const TRACKED = '1200000000000042';
const ALSO_TRACKED = '1200000000000046';

/** Each badge by the text of the name it follows, once every badge has its answer. */
async function badgesByName(page: Page, count: number): Promise<Map<string, string>> {
  const badges = await eventually(
    () => badgeTexts(page),
    (found) => found.length === count && found.every((b) => b.badge !== '…'),
  );
  return new Map(badges.map((b) => [b.anchorText.trim(), b.badge]));
}

describe('badges beside Asana tasks on a list and a board, which hold no link to them', () => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    await lens.call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    const input = await lens.call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Launches' });
    for (const [key, title] of [
      [TRACKED, 'Draft Q3 launch plan'],
      [ALSO_TRACKED, 'Order swag'],
    ] as const) {
      // As the panel links a task from its own page: the key and address entityFromUrl gives it.
      const item = await lens.call({
        type: 'item.create',
        treeId: tree.id,
        title,
        links: [{ site: 'asana', key, url: `https://app.asana.com/0/0/${key}/f` }],
        inputMetricId: input.id,
      });
      await lens.call({
        type: 'item.update',
        id: item.id,
        patch: { rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 2 } },
      });
    }
    await lens.serveFixture(`${PROJECT}/list`, 'sites/asana-list-view.html');
    await lens.serveFixture(`${PROJECT}/board`, 'sites/asana-board.html');
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('in the list: the tracked task’s badge after its name, an untracked one as such, a new row none', async () => {
    const page = await lens.open(`${PROJECT}/list`);
    await panelRoot(page);
    const badges = await badgesByName(page, 3);
    expect(badges.get('Draft Q3 launch plan')).toBe('Launches · 960');
    expect(badges.get('Book venue')).toBe('unlinked');
    expect(badges.get('Press kit')).toBe('unlinked');
    const afterName = await page.evaluate(() =>
      [...document.querySelectorAll('.SpreadsheetTaskName')].map((name) =>
        Boolean(name.nextElementSibling?.hasAttribute('data-nsl-badge')),
      ),
    );
    expect(afterName).toEqual([true, true, true, false]);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/badges-asana-list.png' });

    // Asana re-renders a row (a new element for the same task), and reuses another for a task
    // scrolled into view, as a virtualised list does: each keeps or gets its own badge.
    await page.evaluate((reused) => {
      const rows = document.querySelectorAll('.SpreadsheetRow');
      // Rendered anew from the page's own state, which knows nothing of the badge.
      const fresh = rows[0]!.cloneNode(true) as Element;
      for (const badge of fresh.querySelectorAll('[data-nsl-badge]')) badge.remove();
      rows[0]!.replaceWith(fresh);
      const textarea = rows[1]!.querySelector('textarea')!;
      textarea.id = `SpreadsheetTaskName_1_${reused}`;
      textarea.textContent = 'Order swag';
    }, ALSO_TRACKED);
    const after = await eventually(
      () => badgesByName(page, 3),
      (found) => found.get('Order swag') === 'Launches · 960',
    );
    expect(after.get('Order swag')).toBe('Launches · 960');
    expect(after.get('Draft Q3 launch plan')).toBe('Launches · 960');
    expect(after.get('Press kit')).toBe('unlinked');
    expect(after.has('Book venue')).toBe(false);
    await page.close();
  });

  it('on the board: the tracked card’s badge after its name, and it follows cards the board renders anew', async () => {
    const page = await lens.open(`${PROJECT}/board`);
    await panelRoot(page);
    const badges = await badgesByName(page, 3);
    expect(badges.get('Draft Q3 launch plan')).toBe('Launches · 960');
    expect(badges.get('Book venue')).toBe('unlinked');
    expect(badges.get('Press kit')).toBe('unlinked');
    await page.screenshot({ path: 'test-results/badges-asana-board.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/badges-asana-board-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.evaluate((reused) => {
      const cards = document.querySelectorAll('.BoardCardLayout');
      const fresh = cards[0]!.cloneNode(true) as Element;
      for (const badge of fresh.querySelectorAll('[data-nsl-badge]')) badge.remove();
      cards[0]!.replaceWith(fresh);
      cards[1]!.setAttribute('data-task-id', reused);
      cards[1]!.querySelector('.BoardCard-taskName')!.textContent = 'Order swag';
    }, ALSO_TRACKED);
    const after = await eventually(
      () => badgesByName(page, 3),
      (found) => found.get('Order swag') === 'Launches · 960' && found.get('Draft Q3 launch plan') === 'Launches · 960',
    );
    expect(after.get('Order swag')).toBe('Launches · 960');
    expect(after.get('Draft Q3 launch plan')).toBe('Launches · 960');
    expect(after.get('Press kit')).toBe('unlinked');
    await page.close();
  });
});
