import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from './harness';
import { panelRoot } from './shadow';
import { demoWorkspace, launchPatchedLens, type ExtensionGlobal, type PatchedLens } from './dashboard-helpers';

const TICKET = 'https://staydemo.atlassian.net/browse/STAY-101';
const NEW_TICKET = 'https://staydemo.atlassian.net/browse/STAY-109';
const NOTES_PAGE = 'https://notes.example.org/plans/q3-bets';
const ticketHtml = (key: string, title: string) =>
  `<!doctype html><html><head><title>[${key}] ${title} - Jira</title></head><body><h1>${title}</h1></body></html>`;

/**
 * The popup as the toolbar opens it, over a tab. A headless browser cannot click the
 * toolbar button, which is what grants the popup the tab's address (activeTab); so the
 * extension runs with the `tabs` permission instead, and the popup page opens in its own
 * unfocused window, reading the tab of the window the user was last in, as it does under
 * the toolbar button.
 */
async function openPopupOver(lens: PatchedLens, url: string): Promise<Page> {
  const tab = await lens.context.newPage();
  await tab.goto(url);
  await tab.bringToFront();
  const opened = lens.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  const worker = lens.context.serviceWorkers().find((w) => w.url().includes(lens.extensionId))!;
  await worker.evaluate(
    (popupUrl) =>
      (globalThis as unknown as ExtensionGlobal).chrome.windows.create({
        url: popupUrl,
        type: 'popup',
        focused: false,
        width: 360,
        height: 600,
      }),
    `chrome-extension://${lens.extensionId}/popup.html`,
  );
  const popup = await opened;
  await popup.locator('.popup').waitFor();
  return popup;
}

describe('popup', () => {
  let lens: PatchedLens;
  const call = async (message: unknown) => {
    const reply = await lens.send(message);
    if (!reply.ok) throw new Error(reply.error?.message);
    return reply.value;
  };

  beforeAll(async () => {
    // The host permission stands in for what activeTab grants after a real click.
    lens = await launchPatchedLens(
      (manifest) => {
        manifest.permissions = [...manifest.permissions, 'tabs'];
        manifest.host_permissions = ['https://notes.example.org/*'];
      },
      [
        {
          url: NOTES_PAGE,
          html: '<!doctype html><html><head><title>Q3 bets · Team notes</title></head><body><h1>Q3 bets</h1></body></html>',
        },
        { url: TICKET, html: ticketHtml('STAY-101', 'Instant book for verified guests') },
        { url: NEW_TICKET, html: ticketHtml('STAY-109', 'Flexible dates search') },
      ],
    );
    await call({ type: 'workspace.import', document: demoWorkspace(), mode: 'replace' });
  });
  afterAll(async () => lens?.close());

  it('shows the North Star with its latest value and its trend', async () => {
    const popup = await openPopupOver(lens, TICKET);
    await expect(popup.locator('#nsm-name').textContent()).resolves.toBe('Nights booked');
    const values: { at: string; value: number }[] = await call({ type: 'observations.list', metricId: 'm-nsm' });
    const latest = values.sort((a, b) => a.at.localeCompare(b.at)).at(-1)!;
    expect(await popup.locator('.nsm-value').textContent()).toContain(latest.value.toLocaleString('en-US'));
    expect(await popup.locator('.trend').textContent()).toMatch(/(up|down) \d+%/);
    await popup.close();
  });

  it('says what the current ticket is linked to, with its rank', async () => {
    const popup = await openPopupOver(lens, TICKET);
    const section = popup.locator('.this-page');
    await section.locator('.linked-title').waitFor();
    expect(await section.locator('.pill').textContent()).toBe('Jira STAY-101');
    expect(await section.locator('.linked-title').textContent()).toBe('Instant book for verified guests');
    expect(await section.textContent()).toMatch(/Moves Search-to-book conversion · rank #1 · score 33\.6k/);
    await popup.close();
  });

  it('adds an idea linked to the ticket in the current tab', async () => {
    const popup = await openPopupOver(lens, NEW_TICKET);
    await popup.getByText('Not in the backlog yet.').waitFor();
    expect(await popup.getByLabel('Idea', { exact: true }).inputValue()).toBe('Flexible dates search');
    await popup.getByLabel('Moves').selectOption({ label: 'Search-to-book conversion' });
    await popup.getByRole('button', { name: 'Add idea' }).click();
    await popup.locator('.linked-title', { hasText: 'Flexible dates search' }).waitFor();
    const item = await eventually(
      async () =>
        (
          (await call({ type: 'snapshot.get' })).items as { title: string; links: unknown; inputMetricId: string }[]
        ).find((i) => i.title === 'Flexible dates search'),
      (i) => Boolean(i),
    );
    expect(item?.links).toEqual([{ site: 'jira', key: 'STAY-109', url: NEW_TICKET }]);
    expect(item?.inputMetricId).toBe('m-conversion');
    await popup.close();
  });

  it('opens the panel on a page of no supported site, to track it as an item', async () => {
    const popup = await openPopupOver(lens, NOTES_PAGE);
    const tab = lens.context.pages().find((p) => p.url() === NOTES_PAGE)!;
    expect(await tab.evaluate(() => document.querySelector('north-star-lens'))).toBeNull();
    await popup.getByRole('button', { name: 'Open the panel on this page' }).click();
    const panel = await panelRoot(tab);
    expect(await eventually(() => panel.text('[data-testid=entity-key]'), Boolean)).toBe(
      'https://notes.example.org/plans/q3-bets',
    );
    expect(await panel.text('.panel-title')).toBe('Q3 bets · Team notes');
    await panel.click('.track button.primary');
    const item = await eventually(
      async () =>
        ((await call({ type: 'snapshot.get' })).items as { title: string; links: { site: string }[] }[]).find(
          (i) => i.title === 'Q3 bets · Team notes',
        ),
      Boolean,
    );
    expect(item?.links[0]?.site).toBe('web');
    await popup.close();
  });

  // The popup's own window can take the focus (here by asking; for people, a second
  // browser window): it must go on showing the tab it was opened over as the workspace
  // changes, not whatever tab is active where the focus is now.
  it('keeps to the tab it was opened over when the focus moves and the workspace changes', async () => {
    const popup = await openPopupOver(lens, TICKET);
    const section = popup.locator('.this-page');
    await section.locator('.linked-title', { hasText: 'Instant book for verified guests' }).waitFor();
    const worker = lens.context.serviceWorkers().find((w) => w.url().includes(lens.extensionId))!;
    const focusedPopup = await worker.evaluate(async () => {
      const { windows } = (globalThis as unknown as ExtensionGlobal).chrome;
      const popupWindow = (await windows.getAll({ populate: true })).find((w) => w.type === 'popup');
      await windows.update(popupWindow!.id, { focused: true });
      return (await windows.getLastFocused()).id === popupWindow!.id;
    });
    expect(focusedPopup).toBe(true);
    const items: { id: string; title: string; links: { key: string }[] }[] = (await call({ type: 'snapshot.get' }))
      .items;
    const linked = items.find((i) => i.links.some((l) => l.key === 'STAY-101'))!;
    await call({ type: 'item.update', id: linked.id, patch: { title: 'Instant book, verified guests first' } });
    await section
      .locator('.linked-title', { hasText: 'Instant book, verified guests first' })
      .waitFor({ timeout: 10_000 });
    expect(await section.locator('.pill').textContent()).toBe('Jira STAY-101');
    await call({ type: 'item.update', id: linked.id, patch: { title: linked.title } });
    await popup.close();
  });

  it('opens the dashboard in a tab', async () => {
    const popup = await openPopupOver(lens, TICKET);
    const opened = lens.context.waitForEvent('page', (p) => p.url().includes('/dashboard.html'));
    await popup.getByRole('button', { name: 'Open dashboard' }).click();
    const dashboard = await opened;
    await dashboard.locator('#tree-heading').waitFor();
    expect(await dashboard.locator('#tree-heading').textContent()).toBe('Metric tree');
  });
});
