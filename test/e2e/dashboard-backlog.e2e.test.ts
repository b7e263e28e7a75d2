import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { IMPACT_LEVELS } from '../../lib/domain/rice';
import { ITEM_STATUSES } from '../../lib/domain/types';
import { eventually, launchLens, type Lens } from './harness';
import { benchWorkspace } from '../../scripts/bench/workspace.mjs';
import { seriousViolations } from './axe';
import { backlogOrder, openDashboard, seedDemo } from './dashboard-helpers';

describe('dashboard: the ranked backlog', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'backlog');
    // Tall enough that the demo's whole backlog, unlinked section included, is drawn: the list
    // draws only the rows near the screen (its own tests are the 10,000-item block below).
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.locator('.backlog-row').first().waitFor();
  });
  afterAll(async () => lens?.close());

  const row = (title: string) => page.locator('.backlog-row', { has: page.locator('.item-title', { hasText: title }) });
  const storedItem = async (title: string) =>
    (await lens.call({ type: 'snapshot.get' })).items.find((i) => i.title === title);

  it('ranks linked items by score, highest first, with the unscored after them', async () => {
    expect(await backlogOrder(page)).toEqual([
      '#1 Instant book for verified guests',
      '#2 Map search on mobile',
      '#3 Weekly-stay discount',
      '#4 Host onboarding checklist',
      '#5 Saved searches with price alerts',
      '#6 Instant search results',
      '#7 Price breakdown before checkout',
      '#8 Guest reviews reminder',
      '#9 Host photo tips',
      '#10 Flexible dates filter',
      '— Calendar sync with other platforms',
    ]);
    expect(await row('Calendar sync').locator('.unscored-reason').textContent()).toBe(
      'Confidence is not estimated yet',
    );
  });

  it('moves an item up while its reach is typed, keeping the caret in the field, and stores it', async () => {
    const reach = row('Saved searches').getByLabel('Reach');
    await reach.click();
    await reach.press('End');
    await reach.pressSequentially('00');
    await eventually(
      () => backlogOrder(page),
      (order) => order[0] === '#1 Saved searches with price alerts',
    );
    expect((await backlogOrder(page))[0]).toBe('#1 Saved searches with price alerts');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id ?? '');
    expect(focused).toMatch(/-reach$/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('1800000');
    await reach.blur();
    const stored = await eventually(
      () => storedItem('Saved searches with price alerts'),
      (i) => i?.rice.reach === 1_800_000,
    );
    expect(stored?.rice.reach).toBe(1_800_000);
  });

  it('refuses an impossible effort in place, saying why, and stores nothing', async () => {
    const effort = row('Weekly-stay discount').getByLabel('Effort');
    await effort.fill('0');
    await row('Weekly-stay discount').getByText('Effort must be more than 0 person-months').waitFor();
    expect(await effort.getAttribute('aria-invalid')).toBe('true');
    await effort.blur();
    await page.waitForTimeout(600);
    expect((await storedItem('Weekly-stay discount'))?.rice.effort).toBe(1);
    await effort.fill('1');
    await row('Weekly-stay discount')
      .getByText('Effort must be more than 0 person-months')
      .waitFor({ state: 'detached' });
  });

  it('scores an item once its last estimate is given, and changes its impact from the scale', async () => {
    await row('Calendar sync').getByLabel('Confidence %').fill('50');
    await eventually(
      () => row('Calendar sync').locator('.cell-rank').textContent(),
      (t) => t !== '—',
    );
    expect(await row('Calendar sync').locator('.cell-rank').textContent()).toMatch(/^#\d$/);
    await row('Calendar sync').getByLabel('Impact on the metric').selectOption('3');
    const stored = await eventually(
      () => storedItem('Calendar sync with other platforms'),
      (i) => i?.rice.impact === 3 && i.rice.confidence === 0.5,
    );
    expect(stored?.rice).toEqual({ reach: 6000, impact: 3, confidence: 0.5, effort: 3 });
  });

  it('filters by input metric, status and site, and sorts by other columns', async () => {
    await page.getByLabel('Input metric', { exact: true }).selectOption({ label: 'Search-to-book conversion' });
    expect((await backlogOrder(page)).map((r) => r.replace(/^\S+ /, ''))).toEqual([
      'Instant book for verified guests',
      'Map search on mobile',
      'Instant search results',
      'Price breakdown before checkout',
      'Flexible dates filter',
    ]);
    await page.getByLabel('Status', { exact: true }).selectOption('planned');
    expect(await page.locator('.backlog-list .backlog-row').count()).toBe(2);
    await page.getByLabel('Status', { exact: true }).selectOption('in-progress');
    await page.getByText('No linked item matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The demo's five shipped items (the outcomes view's) rank below the work still to do.
    expect(await page.locator('.backlog-list .backlog-row').count()).toBe(11);

    await page.getByLabel('Site', { exact: true }).selectOption('jira');
    expect(await page.locator('.backlog-list .backlog-row').count()).toBe(11);
    await page.getByLabel('Search', { exact: true }).fill('STAY-104');
    expect((await backlogOrder(page)).map((r) => r.replace(/^\S+ /, ''))).toEqual(['Weekly-stay discount']);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByLabel('Sort by').selectOption('title');
    const titles = (await backlogOrder(page)).map((r) => r.replace(/^\S+ /, ''));
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    await page.getByLabel('Sort by').selectOption('rank');
  });

  it('links the ticket back to its page', async () => {
    const link = row('Instant book').getByRole('link', { name: /STAY-101/ });
    expect(await link.getAttribute('href')).toBe('https://staydemo.atlassian.net/browse/STAY-101');
  });

  it('keeps unlinked items apart, and ranks one once it is linked to an input metric', async () => {
    const unlinked = page.locator('.unlinked-row', { hasText: 'Redesign the footer' });
    const link = unlinked.getByLabel(/Link Redesign the footer/);
    // Reached first, as a user reaches a select before choosing: a row lists its options then.
    await link.focus();
    await link.selectOption({ label: 'Repeat guests' });
    await row('Redesign the footer').waitFor();
    expect(await page.locator('.unlinked-row').count()).toBe(1);
    const stored = await storedItem('Redesign the footer');
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.metrics.find((m) => m.id === stored?.inputMetricId)?.name).toBe('Repeat guests');
  });

  it('stores an estimate typed just before the dashboard tab is closed', async () => {
    const other = await openDashboard(lens, 'backlog');
    const effort = other
      .locator('.backlog-row', { has: other.locator('.item-title', { hasText: 'Host onboarding checklist' }) })
      .getByLabel('Effort');
    await effort.focus();
    // Typed and closed in one task, well inside the drafts' pause before saving: the
    // field's blur as the page goes is what still sends it.
    await effort.evaluate((input: HTMLInputElement) => {
      input.value = '7';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      window.close();
    });
    const stored = await eventually(
      () => storedItem('Host onboarding checklist'),
      (i) => i?.rice.effort === 7,
    );
    expect(stored?.rice.effort).toBe(7);
  });

  it('adds an idea from the dashboard', async () => {
    await page.getByLabel('New idea').fill('Price tips for new hosts');
    await page.getByRole('button', { name: 'Add idea' }).click();
    await page.locator('.unlinked-row', { hasText: 'Price tips for new hosts' }).waitFor();
    expect((await storedItem('Price tips for new hosts'))?.inputMetricId).toBeNull();
  });
});

// 10,000 items, not the 100,000 of issue 20: seeding and loading 100,000 items (in pages now,
// see dashboard-streaming.e2e.test.ts) takes minutes on this shared machine, so that size
// lives in `npm run bench -- --only scale`. The windowed list is the same code.
describe('dashboard: a backlog of 10,000 items, drawn a window at a time', () => {
  const workspace = benchWorkspace({ items: 10_000 });
  const linked = workspace.items.filter((i) => i.inputMetricId !== null).length;
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await lens.call({ type: 'workspace.import', document: workspace, mode: 'replace' });
    page = await lens.context.newPage();
    await page.goto(`chrome-extension://${lens.extensionId}/dashboard.html#backlog`);
    // Generous: 3 MB seeded and then loaded by the dashboard, on two cores shared with other browsers.
    await page.locator('.backlog-list .backlog-row').first().waitFor({ timeout: 120_000 });
    // The first rows are drawn from the first page; the list's places count every item once all have come.
    await page.locator('.items-loading').waitFor({ state: 'detached', timeout: 120_000 });
  }, 240_000);
  afterAll(async () => lens?.close());

  const rows = () => page.locator('.backlog-list .backlog-row');
  /** The place the row holding the focus says it has in the list, or null when the focus is outside the list. */
  const focusedPlace = () =>
    page.evaluate(() => {
      const row = document.activeElement?.closest('.backlog-list [data-item-id]');
      return row ? Number(row.getAttribute('aria-posinset')) : null;
    });
  const scrollTo = (where: 'top' | 'middle' | 'end') =>
    page.evaluate((to) => {
      const list = document.querySelector('.backlog-list') as HTMLElement;
      const bottom = list.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
      window.scrollTo(0, to === 'top' ? 0 : to === 'middle' ? bottom / 2 : bottom);
    }, where);
  const nextFrames = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  it('draws only the rows near the screen, each telling its place among all the linked items', async () => {
    expect(await rows().count()).toBeLessThan(60);
    expect(await rows().first().getAttribute('aria-posinset')).toBe('1');
    expect(await rows().first().getAttribute('aria-setsize')).toBe(String(linked));
    expect(await rows().first().locator('.cell-rank').textContent()).toBe('#1');
  });

  it('scrolls to the end of the ranked list and shows its last item', async () => {
    await scrollTo('end');
    const last = page.locator(`.backlog-list .backlog-row[aria-posinset="${linked}"]`);
    await last.waitFor();
    await last.scrollIntoViewIfNeeded();
    expect(await last.locator('.cell-rank').textContent()).toBe(`#${linked}`);
    const box = await last.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 800).toBe(true);
    expect(await rows().count()).toBeLessThan(60);
    await scrollTo('top');
  });

  it('filters the whole list, ranked and unlinked, and shows every match', async () => {
    await page.getByLabel('Search', { exact: true }).fill('idea 999');
    try {
      // 999 and 9990-9999: one in seven is not linked to an input metric (9996 here).
      await eventually(
        () => rows().count(),
        (n) => n === 10,
      );
      expect(await rows().first().getAttribute('aria-setsize')).toBe('10');
      const titles = await rows().locator('.item-title').allTextContents();
      expect(titles.sort()).toEqual(
        ['999', '9990', '9991', '9992', '9993', '9994', '9995', '9997', '9998', '9999'].map((n) => `Backlog idea ${n}`),
      );
      // Drawn once on screen, as every row is.
      await page.locator('#unlinked-heading').scrollIntoViewIfNeeded();
      const unlinked = await eventually(
        () => page.locator('.unlinked-row .item-title').allTextContents(),
        (t) => t.length > 0,
      );
      expect(unlinked).toEqual(['Backlog idea 9996']);
    } finally {
      await page.getByRole('button', { name: 'Clear filters' }).click();
    }
    await eventually(
      () => rows().first().getAttribute('aria-setsize'),
      (n) => n === String(linked),
    );
    expect(await rows().first().getAttribute('aria-setsize')).toBe(String(linked));
  });

  it('moves through the rows with the keyboard past the rows first drawn, and back', async () => {
    await scrollTo('top');
    await nextFrames();
    const drawnAtFirst = await rows().count();
    await rows()
      .first()
      .getByLabel(/^Status of/)
      .focus();
    for (let presses = 0; presses < 600 && ((await focusedPlace()) ?? 0) <= drawnAtFirst + 3; presses++)
      await page.keyboard.press('Tab');
    const reached = await focusedPlace();
    expect(reached).toBeGreaterThan(drawnAtFirst + 3);
    for (let presses = 0; presses < 40 && (await focusedPlace()) === reached; presses++)
      await page.keyboard.press('Shift+Tab');
    expect(await focusedPlace()).toBe((reached ?? 0) - 1);
  });

  it('keeps the focus in a row while the list is scrolled far from it, and the row where it was', async () => {
    await scrollTo('top');
    await nextFrames();
    const first = rows().first();
    const id = await first.getAttribute('data-item-id');
    await first.getByLabel('Reach').focus();
    await scrollTo('middle');
    await nextFrames();
    await nextFrames();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`item-${id}-reach`);
    expect(await rows().count()).toBeLessThan(70);
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    expect(await page.locator(`#item-${id}-reach`).inputValue()).toMatch(/0$/);
    await page.keyboard.press('Backspace');
    await scrollTo('top');
  });

  it('shows a select’s value in a row not yet reached, and every option once reached by Tab or pointer', async () => {
    await scrollTo('middle');
    await nextFrames();
    const selects = async (row: Locator) => {
      const id = await row.getAttribute('data-item-id');
      const item = workspace.items.find((i) => i.id === id);
      const select = (field: string) => page.locator(`#item-${id}-${field}`);
      return { item, status: select('status'), metric: select('metric'), impact: select('impact') };
    };
    const taggable = workspace.metrics.filter((m) => m.role === 'input' || m.role === 'team').length;
    const listsEvery = async (s: Awaited<ReturnType<typeof selects>>) => {
      expect(await s.status.locator('option').count()).toBe(ITEM_STATUSES.length);
      expect(await s.metric.locator('option').count()).toBe(1 + taggable);
      expect(await s.impact.locator('option').count()).toBe(1 + IMPACT_LEVELS.length);
    };

    const byTab = await selects(rows().nth(3));
    // Drawn but not reached: the chosen option alone, the value shown and announced as stored.
    for (const select of [byTab.status, byTab.metric, byTab.impact])
      expect(await select.locator('option').count()).toBe(1);
    expect(await byTab.status.inputValue()).toBe(byTab.item?.status);
    expect(await byTab.metric.inputValue()).toBe(byTab.item?.inputMetricId);
    expect(await byTab.impact.inputValue()).toBe(String(byTab.item?.rice.impact ?? ''));
    await rows().nth(2).getByLabel('Effort').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await byTab.status.getAttribute('id'));
    await listsEvery(byTab);
    expect(await byTab.status.inputValue()).toBe(byTab.item?.status);
    expect(await byTab.metric.inputValue()).toBe(byTab.item?.inputMetricId);
    expect(await byTab.impact.inputValue()).toBe(String(byTab.item?.rice.impact ?? ''));

    const byPointer = await selects(rows().nth(5));
    await byPointer.impact.click();
    await page.keyboard.press('Escape');
    await listsEvery(byPointer);
    expect(await byPointer.impact.inputValue()).toBe(String(byPointer.item?.rice.impact ?? ''));
  });

  it('has no serious accessibility violations with the list scrolled half way', async () => {
    await scrollTo('middle');
    await nextFrames();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
