/**
 * Who tagged a shared ticket, and the name each person sets once: Ana (PM) and Ben (PM),
 * each in their own Chromium profile of the built extension, share through a real Apache.
 * The ticket's panel says who tagged it and when; Ben's name, typed at his first join, is
 * the one his next join uses, and renaming it in one place reaches Ana's panel.
 *
 * As in share-team.e2e.test.ts, each profile's manifest holds the loopback host already:
 * Chromium's permission dialog cannot be answered headless.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareStatus } from '../../lib/domain/sharing/share-record';
import { type Apache, startApache } from '../../scripts/webdav/apache.mjs';
import { panelViolations, seriousViolations } from './axe';
import { eventually, type Lens } from './harness';
import { launchTeammate } from './share-helpers';
import { JIRA, seedTree } from './security-helpers';
import { panelRoot } from './shadow';

const TICKET = `${JIRA}/browse/TEAM-1`;
const SHOTS = 'test-results';

let apache: Apache;
let ana: Lens;
let ben: Lens;

async function launchPerson(): Promise<Lens> {
  const lens = await launchTeammate(() => apache);
  lens.serve(
    TICKET,
    '<!doctype html><html lang="en"><title>[TEAM-1] Invite from the share dialog - Jira</title><main><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Invite from the share dialog</h1></main></html>',
  );
  return lens;
}

function dashboard(lens: Lens, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`).then(async (page) => {
    await page.emulateMedia({ colorScheme: scheme });
    return page;
  });
}

async function fillAddress(page: Page, prefix: 'share' | 'join', file: string): Promise<void> {
  await page.locator(`#${prefix}-url`).fill(`${apache.davUrl}${file}`);
  await page.locator(`#${prefix}-kind`).selectOption('password');
  await page.locator(`#${prefix}-user`).fill(apache.user);
  await page.locator(`#${prefix}-secret`).fill(apache.password);
}

/** The ticket's panel, opened, once its tag line says `expected`. */
async function ticketPanel(
  lens: Lens,
  expected: string,
  scheme: 'light' | 'dark' = 'light',
  metric = 'Teams inviting a colleague',
) {
  const tab = await lens.open(TICKET);
  await tab.emulateMedia({ colorScheme: scheme });
  const panel = await panelRoot(tab);
  await eventually(
    () => panel.text('[data-testid=pill]'),
    (t) => Boolean(t?.includes(metric)),
  );
  await panel.openPanel();
  const line = await eventually(
    () => panel.text('[data-testid=item-mark]'),
    (t) => t === expected,
  );
  return { tab, panel, line };
}

beforeAll(async () => {
  apache = await startApache({ password: 'people-pass-7' });
  ana = await launchPerson();
  ben = await launchPerson();
}, 120_000);

afterAll(async () => {
  await Promise.all([ana?.close(), ben?.close()]);
  await apache?.stop();
});

describe('who tagged a shared ticket, by the name each person sets once', () => {
  let treeId = '';
  let itemId = '';
  let otherMetricId = '';

  it('a ticket’s panel says who tagged it and when, in the sharer’s and the joiner’s browser', async () => {
    const seeded = await seedTree(ana, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'TEAM-1',
      title: 'Invite from the share dialog',
    });
    treeId = seeded.tree.id;
    itemId = seeded.item.id;
    otherMetricId = seeded.other.id;
    const anaPage = await dashboard(ana);
    await anaPage.getByText('Share this tree…').click();
    await fillAddress(anaPage, 'share', 'people.json');
    await anaPage.locator('#share-name').fill('Ana');
    await anaPage.getByRole('button', { name: 'Share this tree' }).click();
    await anaPage.getByText(/Shared · synced just now/).waitFor();
    await anaPage.getByText('Your name in shared trees: Ana').waitFor();

    const benPage = await dashboard(ben);
    await benPage.getByText('Join a shared tree…').click();
    await fillAddress(benPage, 'join', 'people.json');
    await benPage.locator('#join-name').fill('Ben');
    await benPage.getByRole('button', { name: 'Join to edit' }).click();
    await benPage.getByText(/Shared · synced/).waitFor();

    const mine = await ticketPanel(ana, 'tagged by Ana · just now');
    expect(mine.line).toBe('tagged by Ana · just now');
    const theirs = await ticketPanel(ben, 'tagged by Ana · just now');
    await theirs.tab.screenshot({ path: `${SHOTS}/share-panel-mark-light.png` });
    expect(await panelViolations(theirs.tab, theirs.panel)).toEqual([]);
    const dark = await ticketPanel(ben, 'tagged by Ana · just now', 'dark');
    await dark.tab.screenshot({ path: `${SHOTS}/share-panel-mark-dark.png` });
    expect(await panelViolations(dark.tab, dark.panel)).toEqual([]);
  }, 180_000);

  it('joining another share uses the name typed at the first, without asking again', async () => {
    const second = await ana.call({ type: 'tree.create', name: 'Mobile' });
    const started = await ana.call({
      type: 'share.start',
      treeId: second.id,
      url: `${apache.davUrl}mobile.json`,
      credentials: { kind: 'password', user: apache.user, password: apache.password },
      displayName: 'Ana',
    });
    expect(started.ok).toBe(true);
    const page = await dashboard(ben);
    await page.getByText('Join a shared tree…').click();
    await page.getByText('Others see your changes as Ben.').first().waitFor();
    expect(await page.locator('#join-name').count()).toBe(0);
    await fillAddress(page, 'join', 'mobile.json');
    await page.getByRole('button', { name: 'Join to edit' }).click();
    await page.getByText('Joined: the shared tree is now in your workspace.').waitFor();
    const statuses = (await ben.call({ type: 'share.status' })) as ShareStatus[];
    expect(statuses.map((s) => s.displayName)).toEqual(['Ben', 'Ben']);
  }, 120_000);

  it.each(['light', 'dark'] as const)(
    'the name’s one place has no serious violations (%s)',
    async (scheme) => {
      const page = await dashboard(ben, scheme);
      await page.getByText('Your name in shared trees: Ben').click();
      await page.locator('#share-person-name').waitFor();
      await page.screenshot({ path: `${SHOTS}/share-person-name-${scheme}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    },
    60_000,
  );

  it('renamed in that one place, every share takes the new name and Ana’s panel shows it', async () => {
    const page = await dashboard(ben);
    await page.getByText('Your name in shared trees: Ben').click();
    await page.locator('#share-person-name').fill('');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Enter your name: others see it beside your changes.').waitFor();
    await page.locator('#share-person-name').fill('Ben Kowalski');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Others now see your changes as Ben Kowalski.').waitFor();
    await page.getByText('Your name in shared trees: Ben Kowalski').waitFor();
    const statuses = (await ben.call({ type: 'share.status' })) as ShareStatus[];
    expect(statuses.map((s) => s.displayName)).toEqual(['Ben Kowalski', 'Ben Kowalski']);

    await ben.call({ type: 'item.update', id: itemId, patch: { inputMetricId: otherMetricId } });
    await ben.call({ type: 'share.syncNow', treeId });
    await ana.call({ type: 'share.syncNow', treeId });
    const { line } = await ticketPanel(ana, 'tagged by Ben Kowalski · just now', 'light', 'Projects shared');
    expect(line).toBe('tagged by Ben Kowalski · just now');
  }, 120_000);
});
