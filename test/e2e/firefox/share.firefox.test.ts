/**
 * Firefox (the MV2 build) sharing a tree through a real Apache: Ana shares from her
 * dashboard, Firefox granting the server's host through the optional permission asked for
 * in the click; Rita, in her own Firefox, subscribes read only with the public address
 * alone and sees Ana's tag on the ticket's pill and, on its panel, who tagged it; the
 * header says how the share is, and what is wrong with the server down.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Apache, startApache } from '../../../scripts/webdav/apache.mjs';
import { clickText, eventually, JIRA, launchLens, type Lens, openExtensionPage, panelRoot, seedTree } from './harness';
import { serverTexts } from '../../background/sharing/server-files';

const TICKET = `${JIRA}/browse/TEAM-1`;
const FILE = 'firefox-tree.json';
const TICKET_HTML =
  '<!doctype html><title>[TEAM-1] Invite from the share dialog - Jira</title><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Invite from the share dialog</h1>';

let apache: Apache;
let ana: Lens;
let rita: Lens;
let seeded: Awaited<ReturnType<typeof seedTree>>;

/** Whether the extension holds the loopback host now (what the share's requests need). */
function holdsLoopback(lens: Lens): Promise<boolean> {
  return lens.inBackground<boolean>(`(bg) => bg.browser.permissions.contains({ origins: ['http://127.0.0.1/*'] })`);
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector);
  await page.type(selector, text);
}

function statusLine(lens: Lens, page: Page): Promise<string> {
  return lens.evaluate<string>(page, `() => document.querySelector('.share-status [role=status]')?.textContent ?? ''`);
}

beforeAll(async () => {
  apache = await startApache({ password: 'firefox-pass-3' });
  ana = await launchLens({ grantOptionalPermissions: true });
  rita = await launchLens({ grantOptionalPermissions: true });
  rita.serve(TICKET, TICKET_HTML);
}, 120_000);

afterAll(async () => {
  await Promise.all([ana?.close(), rita?.close()]);
  await apache?.stop();
});

describe('Firefox: sharing a tree through WebDAV', () => {
  it('Ana shares from the dashboard; Firefox grants the server’s host in that click', async () => {
    seeded = await seedTree(ana, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'TEAM-1',
      title: 'Invite from the share dialog',
    });
    expect(await holdsLoopback(ana)).toBe(false);
    const page = await openExtensionPage(ana, 'dashboard.html#tree', '.share-settings');
    await clickText(page, 'summary', 'Share this tree…');
    await typeInto(page, '#share-url', `${apache.davUrl}${FILE}`);
    await page.select('#share-kind', 'password');
    await typeInto(page, '#share-user', apache.user);
    await typeInto(page, '#share-secret', apache.password);
    await typeInto(page, '#share-name', 'Ana');
    await clickText(page, 'button', 'Share this tree');
    const status = await eventually(
      () => statusLine(ana, page),
      (t) => t.startsWith('Shared ·'),
    );
    expect(status).toBe('Shared · synced just now');
    expect(await holdsLoopback(ana)).toBe(true);
    expect(serverTexts(apache, FILE).join('\n')).toContain('Teams inviting a colleague');
  });

  it('Rita subscribes read only with the address alone and sees Ana’s tag on the pill and who tagged it', async () => {
    const page = await openExtensionPage(rita, 'dashboard.html#tree', '.share-settings');
    await clickText(page, 'summary', 'Join a shared tree…');
    await typeInto(page, '#join-url', `${apache.publicUrl}${FILE}`);
    await clickText(page, 'button', 'Subscribe read only');
    const status = await eventually(
      () => statusLine(rita, page),
      (t) => t.startsWith('Shared, read only'),
    );
    expect(status).toBe('Shared, read only · synced just now');
    expect(await holdsLoopback(rita)).toBe(true);

    const ticket = await rita.open(TICKET);
    const panel = await panelRoot(rita, ticket);
    expect(await panel.pill((t) => t.includes('Teams inviting a colleague'))).toContain('Teams inviting a colleague');
    await panel.openPanel();
    const mark = await eventually(
      () => panel.text('[data-testid=item-mark]'),
      (t) => Boolean(t),
    );
    expect(mark).toBe('tagged by Ana · just now');
    await ticket.close();
  });

  it('Ana re-tags the ticket: her background publishes it on its own, and Rita’s next sync shows it', async () => {
    await ana.call({ type: 'item.update', id: seeded.item.id, patch: { inputMetricId: seeded.other.id } });
    // Published a few seconds after the edit by the background page's timer, with If-Match.
    const published = await eventually(
      async () => serverTexts(apache, FILE).join('\n'),
      (text) => text.includes(`"inputMetricId":"${seeded.other.id}"`),
      20_000,
    );
    expect(published).toContain(`"inputMetricId":"${seeded.other.id}"`);

    const page = await openExtensionPage(rita, 'dashboard.html#tree', '.share-status');
    await clickText(page, 'button', 'Sync now');
    const ticket = await rita.open(TICKET);
    const panel = await panelRoot(rita, ticket);
    expect(await panel.pill((t) => t.includes('Projects shared'))).toContain('Projects shared');
    await ticket.close();
  });

  it('with the server down, Rita’s header says so and she keeps the last copy', async () => {
    await apache.stopServer();
    try {
      const page = await openExtensionPage(rita, 'dashboard.html#tree', '.share-status');
      await clickText(page, 'button', 'Sync now');
      const status = await eventually(
        () => statusLine(rita, page),
        (t) => t.includes('offline'),
      );
      expect(status).toMatch(/^Shared, read only · offline, showing the copy from \d\d:\d\d$/);
      const ticket = await rita.open(TICKET);
      const panel = await panelRoot(rita, ticket);
      expect(await panel.pill((t) => t.includes('Projects shared'))).toContain('Projects shared');
      await ticket.close();
    } finally {
      await apache.start();
    }
  });

  it('printed no error of its own', () => {
    expect(ana.extensionErrors()).toEqual([]);
    expect(rita.extensionErrors()).toEqual([]);
  });
});
