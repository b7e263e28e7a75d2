/**
 * Tickets from the files trackers export (issue 18), through the dashboard as a user does
 * it: pick the tracker and the file, map labels and RICE columns, see what is new, updated,
 * unchanged and skipped, import, and find the tickets in the backlog. Re-importing
 * updates titles and statuses only; twice is once; a bad file changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, seedDemo, storedWorkspace } from './dashboard-helpers';
import { FIXTURES_DIR, launchLens, type Lens } from './harness';
import { controlValue, shows } from './import-helpers';

async function fixture(name: string) {
  return { name, mimeType: 'text/plain', buffer: await readFile(join(FIXTURES_DIR, 'import', name)) };
}

function csv(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

describe('dashboard: importing tickets', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'data');
    // Tall enough that every imported ticket's backlog row is drawn: the backlog draws only
    // the rows near the screen (tested on its own in dashboard-backlog.e2e.test.ts).
    await page.setViewportSize({ width: 1280, height: 4000 });
  });
  afterAll(async () => lens?.close());

  const preview = () => page.locator('.item-import-preview');
  /** A backlog row, ranked or unlinked, by its title as shown. */
  const row = (title: string) =>
    page.locator('li[data-item-id]', { has: page.locator('.item-title', { hasText: new RegExp(`^${title}$`) }) });

  async function pick(tracker: string, file: Parameters<Page['setInputFiles']>[1]): Promise<void> {
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Tracker').selectOption({ label: tracker });
    await page.getByLabel('Export file').setInputFiles(file);
  }

  async function stored(title: string) {
    const snap = await lens.call({ type: 'snapshot.get' });
    return snap.items.find((i) => i.title === title);
  }

  it('imports a Jira export with labels mapped to metrics and story points as effort', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByLabel('Tracker').selectOption({ label: 'Jira (CSV export)' });
    await page.getByLabel('Jira address').fill('https://staydemo.atlassian.net');
    await page.getByLabel('Export file').setInputFiles(await fixture('jira-issues.csv'));
    await preview().waitFor();
    await preview()
      .getByLabel('Input metric for the label search')
      .selectOption({ label: 'Search-to-book conversion' });
    await preview().getByLabel('Reach from').selectOption('Reach');
    await preview().getByLabel('Effort from').selectOption('Story Points');
    await preview().getByLabel('Story points per person-month').fill('0');
    await shows(preview(), 'Story points per person-month must be more than 0');
    expect(await preview().getByRole('button', { name: 'Import tickets' }).isDisabled()).toBe(true);
    await preview().getByLabel('Story points per person-month').fill('5');
    await shows(preview().locator('.item-import-summary'), '4 new, 0 updated, 0 unchanged, 1 skipped.');
    await shows(preview().locator('.item-import-skipped li'), /^Line 7: "15" is not a Jira issue key/);
    await preview().getByRole('button', { name: 'Import tickets' }).click();
    await shows(page.locator('.item-import-done'), '4 new, 0 updated, 0 unchanged, 1 skipped.');

    await page.getByRole('link', { name: 'Backlog' }).click();
    await row('Faster search').waitFor();
    const link = row('Faster search').locator('a.ticket-link');
    expect(await link.getAttribute('href')).toBe('https://staydemo.atlassian.net/browse/NS-12');
    expect(await row('Faster search').getByLabel('Reach').inputValue()).toBe('1200');
    expect(await row('Faster search').getByLabel('Effort').inputValue()).toBe('1');
    const item = await stored('Faster search');
    expect(item).toMatchObject({ status: 'in-progress', inputMetricId: 'm-conversion' });
    expect((await stored('Drop legacy export'))?.status).toBe('dropped');
  });

  it('remembers the address and the mapping, and a second import changes nothing', async () => {
    await page.reload();
    const before = await storedWorkspace(lens);
    await page.getByRole('link', { name: 'Data' }).click();
    expect(await controlValue(page.getByLabel('Jira address'), 'https://staydemo.atlassian.net')).toBe(
      'https://staydemo.atlassian.net',
    );
    await page.getByLabel('Export file').setInputFiles(await fixture('jira-issues.csv'));
    await shows(preview().locator('.item-import-summary'), '0 new, 0 updated, 4 unchanged, 1 skipped.');
    expect(await preview().getByLabel('Input metric for the label search').inputValue()).toBe('m-conversion');
    expect(await preview().getByLabel('Story points per person-month').inputValue()).toBe('5');
    expect(await preview().getByRole('button', { name: 'Import tickets' }).isDisabled()).toBe(true);
    await preview().getByRole('button', { name: 'Cancel' }).click();
    expect(await storedWorkspace(lens)).toEqual(before);
  });

  it('updates a tracked ticket’s title and status, keeping its tag and RICE unless asked to overwrite', async () => {
    const file = csv('again.csv', [
      'Summary,Issue key,Status,Labels,Custom field (Story Points)',
      'Instant book for every guest,STAY-101,Done,repeat-guests,8',
    ]);
    await pick('Jira (CSV export)', file);
    await shows(preview().locator('.item-import-summary'), '0 new, 1 updated, 0 unchanged, 0 skipped.');
    await preview().getByRole('button', { name: 'Import tickets' }).click();
    await shows(page.locator('.item-import-done'), '1 updated');
    expect(await stored('Instant book for every guest')).toMatchObject({
      status: 'shipped',
      inputMetricId: 'm-conversion',
      rice: { reach: 42000, impact: 2, confidence: 0.8, effort: 3 },
    });

    await pick('Jira (CSV export)', file);
    await preview().getByLabel('Overwrite tags and RICE values already set in North Star Lens').check();
    await shows(preview().locator('.item-import-summary'), '0 new, 1 updated, 0 unchanged, 0 skipped.');
    await preview().getByRole('button', { name: 'Import tickets' }).click();
    await shows(page.locator('.item-import-done'), '1 updated');
    expect(await stored('Instant book for every guest')).toMatchObject({
      inputMetricId: 'm-repeat',
      rice: { reach: 42000, effort: 1.6 },
    });
  });

  it('maps a status of the team’s own workflow, shows it on the backlog and offers the choice again', async () => {
    const file = csv('workflow.csv', [
      'Summary,Issue key,Status,Status Category',
      'Pricing page test,STAY-301,Waiting for vendor,',
      'Guest reviews widget,STAY-302,Closed,Done',
    ]);
    await pick('Jira (CSV export)', file);
    await preview().waitFor();
    const custom = preview().getByLabel('Status for Waiting for vendor');
    expect(await custom.inputValue()).toBe('idea');
    await shows(preview().locator('.status-table'), /Not recognised/);
    expect(await preview().getByLabel('Status for Closed').inputValue()).toBe('shipped');
    await custom.selectOption({ label: 'In progress' });
    await shows(preview().locator('.item-import-summary'), '2 new, 0 updated, 0 unchanged, 0 skipped.');
    await preview().getByRole('button', { name: 'Import tickets' }).click();
    await shows(page.locator('.item-import-done'), '2 new');

    await page.getByRole('link', { name: 'Backlog' }).click();
    await row('Pricing page test').waitFor();
    expect(await row('Pricing page test').getByLabel('Status of Pricing page test').inputValue()).toBe('in-progress');
    expect(await row('Guest reviews widget').getByLabel('Status of Guest reviews widget').inputValue()).toBe('shipped');

    await pick('Jira (CSV export)', file);
    expect(await controlValue(preview().getByLabel('Status for Waiting for vendor'), 'in-progress')).toBe(
      'in-progress',
    );
    await shows(preview().locator('.item-import-summary'), '0 new, 0 updated, 2 unchanged, 0 skipped.');
    await preview().getByRole('button', { name: 'Cancel' }).click();
  });

  describe.each([
    { tracker: 'Linear (CSV export)', file: 'linear-issues.csv', workspace: 'acme', title: 'Shared search filters' },
    { tracker: 'GitHub issues (gh issue list --json)', file: 'github-issues.json', title: 'Fix login redirect' },
    { tracker: 'GitHub Project (Export view data)', file: 'github-project.tsv', title: 'Ship the digest' },
    { tracker: 'Asana (CSV export)', file: 'asana-tasks.csv', title: 'Invite flow for teams' },
    { tracker: 'Trello (board JSON)', file: 'trello-board.json', title: 'Team invite link' },
  ])('a $tracker file', ({ tracker, file, workspace, title }) => {
    it('becomes items in the backlog, and importing it again changes nothing', async () => {
      await page.getByRole('link', { name: 'Data' }).click();
      await page.getByLabel('Tracker').selectOption({ label: tracker });
      if (workspace) await page.getByLabel('Linear workspace').fill(workspace);
      await page.getByLabel('Export file').setInputFiles(await fixture(file));
      await shows(preview().locator('.item-import-summary'), /new/);
      await preview().getByRole('button', { name: 'Import tickets' }).click();
      await page.locator('.item-import-done').waitFor();
      await page.getByRole('link', { name: 'Backlog' }).click();
      await row(title).waitFor();
      expect(await row(title).locator('a.ticket-link').count()).toBe(1);

      const before = await storedWorkspace(lens);
      await pick(tracker, await fixture(file));
      await shows(preview().locator('.item-import-summary'), /^0 new, 0 updated, \d+ unchanged/);
      expect(await preview().getByRole('button', { name: 'Import tickets' }).isDisabled()).toBe(true);
      await preview().getByRole('button', { name: 'Cancel' }).click();
      expect(await storedWorkspace(lens)).toEqual(before);
    });
  });

  describe.each([
    {
      kind: 'an image',
      tracker: 'Trello (board JSON)',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10]),
      says: /image/,
    },
    { kind: 'not JSON', tracker: 'GitHub issues (gh issue list --json)', bytes: Buffer.from('{"oops'), says: /JSON/ },
    {
      kind: 'another tool’s CSV',
      tracker: 'Asana (CSV export)',
      bytes: Buffer.from('Date,Users\n2024-01-01,3\n'),
      says: /Asana/,
    },
  ])('a file that is $kind', ({ tracker, bytes, says }) => {
    it('is refused with the reason, and nothing changes', async () => {
      const before = await storedWorkspace(lens);
      await pick(tracker, { name: 'bad.txt', mimeType: 'text/plain', buffer: bytes });
      await shows(page.locator('.item-import-error'), says);
      expect(await page.locator('.item-import-error').textContent()).toMatch(/Nothing was changed\.$/);
      expect(await storedWorkspace(lens)).toEqual(before);
    });
  });
});
