/**
 * The team loop's views (issue 17) in Firefox, on the demo workspace in one browser: the
 * panel's key-result line on a ticket, the quarter's OKRs, a metric's page, the weekly
 * review, outcomes, and last (since it changes the North Star) the discovery worksheet.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteWeek, reviewPeriod, reviewTitle } from '../../../lib/domain/review-period';
import { demoPages } from '../../../scripts/demo/pages.mjs';
import { clickText, eventually, launchLens, type Lens, openExtensionPage, panelRoot, seedDemo } from './harness';

describe('Firefox: the team loop', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    for (const demo of demoPages()) lens.serve(demo.url, demo.html);
    await seedDemo(lens);
  });
  afterAll(async () => {
    await lens?.close();
  });

  const text = (selector: string) =>
    lens.evaluate<string>(page, `() => document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`);
  const texts = (selector: string) =>
    lens.evaluate<string[]>(
      page,
      `() => [...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent)`,
    );
  const count = (selector: string) =>
    lens.evaluate<number>(page, `() => document.querySelectorAll(${JSON.stringify(selector)}).length`);
  /** Replaces what a field holds by typing, like a person, then leaves it. */
  async function typeInto(selector: string, value: string): Promise<void> {
    await page.bringToFront();
    await page.focus(selector);
    await lens.evaluate(page, `() => document.querySelector(${JSON.stringify(selector)}).select()`);
    await page.keyboard.press('Backspace');
    await page.keyboard.type(value, { delay: 10 });
    await page.keyboard.press('Tab');
  }
  async function show(hash: string, rendered: string): Promise<void> {
    if (!page || page.isClosed()) page = await openExtensionPage(lens, `dashboard.html#${hash}`, rendered);
    else {
      await lens.evaluate(page, `() => { location.hash = ${JSON.stringify(hash)}; }`);
      await page.waitForSelector(rendered);
    }
  }
  const loop = () => lens.call({ type: 'loop.get', treeId: 'demo-tree' });

  it('shows on a ticket the key result its input metric serves, with its status', async () => {
    const ticket = await lens.open('https://staydemo.atlassian.net/browse/STAY-101');
    const panel = await panelRoot(lens, ticket);
    await panel.pill();
    await panel.openPanel();
    const line = await eventually(() => panel.text('[data-testid=key-result]'), Boolean);
    expect(line).toMatch(/^KR: search-to-book conversion 21% -> 30% by \d+ \w{3}, Guest experience · on track$/);
    await ticket.close();
  });

  it("states the quarter's key results with their progress and status in words", async () => {
    await show('okrs', '.kr .kr-status');
    expect(await text('.objective-text')).toMatch(/grow “Nights booked” per week/);
    const rows = await lens.evaluate<{ name: string; status: string; text: string }[]>(
      page,
      `() => [...document.querySelectorAll('.kr')].map((kr) => ({
        name: kr.querySelector('.kr-name strong').textContent,
        status: kr.querySelector('.kr-status').textContent,
        text: kr.querySelector('.kr-main').textContent,
      }))`,
    );
    const kr = (name: string) => rows.find((r) => r.name === name);
    expect(kr('Search-to-book conversion')?.status).toBe('on track');
    expect(kr('Search-to-book conversion')?.text).toMatch(/\d+% of the way/);
    expect(kr('Bookable listings')?.status).toBe('off track');
    expect(kr('Repeat guests')?.status).toBe('no values yet');
  });

  it('opens a metric: its chart with the target line, the work linked to it, and saves a threshold', async () => {
    await show('metric/m-listings', '.metric-chart svg');
    expect(await text('#metric-heading')).toBe('Bookable listings');
    expect(await count('.metric-chart .chart-target')).toBe(1);
    expect(await count('.metric-chart .chart-point')).toBe(26);
    const work = await texts('.metric-work li');
    expect(work.some((w) => w.includes('Host onboarding checklist'))).toBe(true);
    expect(work.some((w) => w.includes('Calendar sync with other platforms'))).toBe(true);
    expect(await text('.metric-headline .rag')).toContain('Near target');

    await typeInto('#metric-page-amber', '2');
    expect(
      await eventually(
        () => text('.metric-headline .rag'),
        (t) => t.includes('Off target'),
      ),
    ).toContain('Off target');
    const stored = await eventually(loop, (l) =>
      l.thresholds.some((t) => t.metricId === 'm-listings' && t.amberWithin === 0.02),
    );
    expect(stored.thresholds.find((t) => t.metricId === 'm-listings')?.amberWithin).toBe(0.02);
  });

  it('reviews the last complete week: values, the unusual change in words, notes kept, Markdown to copy', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const period = reviewPeriod(lastCompleteWeek(today), today);
    await show('weekly-review', '.review-table');
    expect(await text('h2')).toBe(reviewTitle(period));
    const values = await lens.evaluate<Record<string, string>>(
      page,
      `() => Object.fromEntries([...document.querySelectorAll('.review-table tbody tr')].map((r) =>
        [r.querySelector('th').firstChild.textContent.trim(), r.querySelectorAll('td')[1].textContent]))`,
    );
    expect(values['Nights booked']).toMatch(/^[\d,]+ nights$/);
    expect(values['Bookable listings']).toMatch(/^[\d,]+ listings$/);
    expect(values['Search-to-book conversion']).toBe('29%');
    expect(await texts('.unusual-list li')).toEqual([
      expect.stringMatching(
        /^Search-to-book conversion: 29% is [\d.]+ standard deviations above the last 8 weeks' mean/,
      ),
    ]);

    await typeInto('#review-notes', 'Conversion jumped: check the tracking first.');
    await clickText(page, 'button', 'Save notes');
    expect(
      await eventually(
        () => text('#review-notes-status'),
        (t) => t === 'Saved',
      ),
    ).toBe('Saved');
    const notes = await eventually(loop, (l) => l.reviewNotes.some((n) => n.week === period.week));
    expect(notes.reviewNotes.find((n) => n.week === period.week)).toMatchObject({
      heldOn: today,
      text: 'Conversion jumped: check the tracking first.',
    });

    await clickText(page, 'button', 'Copy as Markdown');
    expect(await eventually(() => text('[role=status]'), Boolean)).toMatch(/^Copied the review as Markdown/);
    // What Firefox put on the clipboard, pasted into a field of the page by the keyboard.
    await lens.evaluate(
      page,
      `() => { const t = document.createElement('textarea'); t.id = 'paste'; document.body.append(t); }`,
    );
    await page.focus('#paste');
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    const markdown = await eventually(
      () => lens.evaluate<string>(page, `() => document.getElementById('paste').value`),
      Boolean,
    );
    expect(markdown.startsWith(`# ${reviewTitle(period)}\n`)).toBe(true);
    expect(markdown).toContain('- **Search-to-book conversion**: 29% is ');
    expect(markdown).toContain('- Price breakdown before checkout (STAY-94), shipped');
    expect(markdown).toContain('## Notes\n\nConversion jumped: check the tracking first.\n');
  });

  it('steps the review to the current week, in progress, with its own empty notes', async () => {
    await clickText(page, 'button', 'Week after →');
    expect(
      await eventually(
        () => text('h2'),
        (t) => t.endsWith('(in progress)'),
      ),
    ).toMatch(/\(in progress\)$/);
    expect(await lens.evaluate(page, `() => document.getElementById('review-notes').value`)).toBe('');
    await clickText(page, 'button', 'Last complete week');
    expect(
      await eventually(
        () => lens.evaluate<string>(page, `() => document.getElementById('review-notes').value`),
        (t) => t !== '',
      ),
    ).toBe('Conversion jumped: check the tracking first.');
  });

  it('shows each shipped item’s means before and after, and the experiments’ win rates', async () => {
    await show('outcomes', '.outcomes-table');
    expect(await text('.win-rates')).toMatch(
      /: 12 experiments: 60% moved their input metric \(of 10 with a result\), 40% the North Star \(of 10\); 2 still running\.$/,
    );
    const row = () =>
      lens.evaluate<string[]>(
        page,
        `() => [...[...document.querySelectorAll('.outcomes-table tbody tr')]
          .find((r) => r.textContent.includes('Instant search results')).querySelectorAll('td')].map((c) => c.textContent)`,
      );
    const cells = await row();
    expect(cells[0]).toBe('Search-to-book conversion');
    expect(cells[2]).toMatch(/^21(\.\d+)? \(4 of 4\)$/);
    expect(cells[3]).toMatch(/^23(\.\d+)? \(4 of 4\)$/);
    await typeInto('#outcome-periods', '2');
    expect(await eventually(row, (c) => c[2]!.endsWith('(2 of 2)'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\(2 of 2\)$/)]),
    );
  });

  it('adds a value event and a candidate, coaches it, and choosing it makes it the North Star on the tree', async () => {
    await show('discovery', '.value-event');
    expect(await count('.value-event')).toBe(6);
    await clickText(page, 'button', '+ Value event');
    await eventually(
      () => count('.value-event'),
      (n) => n === 7,
    );
    const event = await lens.evaluate<string>(
      page,
      `() => [...document.querySelectorAll('.value-event')].at(-1).dataset.eventId`,
    );
    await typeInto(`#event-${event}-text`, 'A guest pays the balance at check-out');
    await eventually(loop, (l) => Boolean(l.worksheet?.valueEvents.some((e) => e.text.startsWith('A guest pays'))));

    await lens.evaluate(
      page,
      `() => document.querySelector('[data-event-id="${event}"] .event-actions button').click()`,
    );
    await eventually(
      () => count('.candidate-card'),
      (n) => n === 4,
    );
    const candidate = await lens.evaluate<string>(
      page,
      `() => [...document.querySelectorAll('.candidate-card h4')].at(-1).id.replace(/^candidate-|-title$/g, '')`,
    );
    await typeInto(`#candidate-${candidate}-name`, 'Users');
    const rewrite = await eventually(
      () => text(`[aria-labelledby="candidate-${candidate}-title"] [data-coaching="not-quantifiable"] .rewrite`),
      Boolean,
    );
    expect(rewrite).toMatch(/^Users → Monthly active users who used at least one core feature/);

    const name = 'Guests who pay the balance each week';
    await typeInto(`#candidate-${candidate}-name`, name);
    await page.select(`#candidate-${candidate}-period`, 'week');
    await eventually(
      () => count(`[aria-labelledby="candidate-${candidate}-title"] [data-coaching="not-time-bound"]`),
      (n) => n === 0,
    );
    await lens.evaluate(
      page,
      `() => [...document.querySelectorAll('[aria-labelledby="candidate-${candidate}-title"] .actions button')]
        .find((b) => b.textContent.startsWith('Choose as North Star')).click()`,
    );
    const snapshot = await eventually(
      () => lens.call({ type: 'snapshot.get' }),
      (s) => s.metrics.find((m) => m.role === 'nsm')?.name === name,
    );
    expect(snapshot.history.at(-1)).toMatchObject({ from: 'Nights booked', to: name });
    await show('tree', '.nsm-level .metric-name');
    expect(
      await eventually(
        () => text('.nsm-level .metric-name'),
        (t) => t === name,
      ),
    ).toBe(name);
  });

  it('printed no error of its own', () => {
    expect(lens.extensionErrors()).toEqual([]);
  });
});
