/**
 * A team sharing one tree through a real Apache WebDAV server, each person in their own
 * Chromium profile of the built extension: Ana (PM) shares from the dashboard, Rita
 * (reviewer) subscribes from hers and sees Ana's tag on the ticket's pill and the board's
 * badges, Ben (PM) joins; edits made while the server is down converge once it is back;
 * a wrong password, a garbage file and a server that is down change nothing and say why.
 * Every request the extension makes goes to the share's origin, and nowhere else.
 *
 * Chromium asks for a host permission in a native dialog a headless browser cannot
 * answer, so each profile runs a copy of the build whose manifest holds the loopback
 * host already (as the Sites test does): the request resolves at once.
 */
import type { Page, Request as NetworkRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Apache, startApache } from '../../scripts/webdav/apache.mjs';
import { eventually, type Lens } from './harness';
import { launchTeammate, sharedPart } from './share-helpers';
import { JIRA, seedTree, storedJson } from './security-helpers';
import { badgeTexts, panelRoot } from './shadow';
import { serverTexts } from '../background/sharing/server-files';

const TICKET = `${JIRA}/browse/TEAM-1`;
const BOARD = `${JIRA}/jira/software/projects/TEAM/boards/1`;
const FILE = 'acme-tree.json';

let apache: Apache;
let ana: Lens;
let ben: Lens;
let rita: Lens;
const extensionRequests: string[] = [];

async function launchPerson(): Promise<Lens> {
  const lens = await launchTeammate(() => apache);
  lens.context.on('request', (request: NetworkRequest) => {
    if (fromExtension(request) && /^https?:/.test(request.url())) extensionRequests.push(request.url());
  });
  lens.serve(
    TICKET,
    '<!doctype html><title>[TEAM-1] Invite from the share dialog - Jira</title><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Invite from the share dialog</h1>',
  );
  lens.serve(BOARD, '<!doctype html><title>Board - Jira</title><a href="/browse/TEAM-1">TEAM-1</a>');
  return lens;
}

function fromExtension(request: NetworkRequest): boolean {
  if (request.serviceWorker()) return true;
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    return true;
  }
}

function dashboard(lens: Lens, hash = ''): Promise<Page> {
  return lens.open(`chrome-extension://${lens.extensionId}/dashboard.html${hash}`);
}

async function fillShareForm(page: Page, prefix: 'share' | 'join', password: string, name: string): Promise<void> {
  await page.locator(`#${prefix}-url`).fill(`${apache.davUrl}${FILE}`);
  await page.locator(`#${prefix}-kind`).selectOption('password');
  await page.locator(`#${prefix}-user`).fill(apache.user);
  await page.locator(`#${prefix}-secret`).fill(password);
  await page.locator(`#${prefix}-name`).fill(name);
}

beforeAll(async () => {
  apache = await startApache({ password: 'team-pass-SECRET-5' });
  ana = await launchPerson();
  ben = await launchPerson();
  rita = await launchPerson();
}, 120_000);

afterAll(async () => {
  await Promise.all([ana?.close(), ben?.close(), rita?.close()]);
  await apache?.stop();
});

describe('a team sharing one tree', () => {
  let treeId = '';
  let itemId = '';

  it('Ana shares from the dashboard; Rita subscribes from hers and sees Ana’s tag on the pill and the badges', async () => {
    const seeded = await seedTree(ana, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'TEAM-1',
      title: 'Invite from the share dialog',
    });
    treeId = seeded.tree.id;
    itemId = seeded.item.id;
    const anaPage = await dashboard(ana);
    await anaPage.getByText('Share this tree…').click();
    await fillShareForm(anaPage, 'share', apache.password, 'Ana');
    await anaPage.getByRole('button', { name: 'Share this tree' }).click();
    await anaPage.getByText(/Shared · synced just now/).waitFor();
    expect(serverTexts(apache, FILE).join('\n')).toContain('Teams inviting a colleague');

    const ritaPage = await dashboard(rita);
    await ritaPage.getByText('Join a shared tree…').click();
    await fillShareForm(ritaPage, 'join', apache.password, 'Rita');
    await ritaPage.getByRole('button', { name: 'Subscribe read only' }).click();
    await ritaPage.getByText(/Shared, read only · synced/).waitFor();

    const backlog = await dashboard(rita, '#backlog');
    await backlog.getByText(/tagged by Ana · just now/).waitFor();

    const ticket = await rita.open(TICKET);
    const panel = await panelRoot(ticket);
    const pill = await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting a colleague')),
    );
    expect(pill).toContain('Teams inviting a colleague');
    const anaBoard = await ana.open(BOARD);
    const ritaBoard = await rita.open(BOARD);
    const anaBadges = await eventually(
      () => badgeTexts(anaBoard),
      (b) => b.length === 1 && b[0]!.badge !== '',
    );
    const ritaBadges = await eventually(
      () => badgeTexts(ritaBoard),
      (b) => b.length === 1 && b[0]!.badge !== '',
    );
    expect(ritaBadges).toEqual(anaBadges);
    expect(anaBadges).toHaveLength(1);
  }, 120_000);

  it('a wrong password is refused with a clear message, and nothing changes', async () => {
    const before = await storedJson(ben);
    const page = await dashboard(ben);
    await page.getByText('Join a shared tree…').click();
    await fillShareForm(page, 'join', 'not-the-password', 'Ben');
    await page.getByRole('button', { name: 'Join to edit' }).click();
    await page.getByText('Not shared: the server refused the user name or password').waitFor();
    expect(await storedJson(ben)).toBe(before);
    expect(await ben.call({ type: 'share.status' })).toEqual([]);
  }, 60_000);

  it('Ana and Ben edit different fields of one item while the server is down; once back, all three converge', async () => {
    const joined = await ben.call({
      type: 'share.join',
      url: `${apache.davUrl}${FILE}`,
      credentials: { kind: 'password', user: apache.user, password: apache.password },
      displayName: 'Ben',
      mode: 'editor',
    });
    expect(joined.ok).toBe(true);
    await apache.stopServer();
    await ana.call({ type: 'item.update', id: itemId, patch: { status: 'planned' } });
    await ben.call({ type: 'item.update', id: itemId, patch: { rice: { effort: 8 } } });
    const offline = await ana.call({ type: 'share.syncNow', treeId });
    expect(offline).toMatchObject({ ok: true, status: { problem: { code: 'offline' } } });
    await apache.start();
    for (const lens of [ana, ben, ana, rita]) {
      const synced = await lens.call({ type: 'share.syncNow', treeId });
      expect(synced).toMatchObject({ ok: true, status: { problem: null } });
    }
    const [a, b, r] = await Promise.all([sharedPart(ana), sharedPart(ben), sharedPart(rita)]);
    expect(b).toEqual(a);
    expect(r).toEqual(a);
    const item = a.items.find((i) => i.id === itemId)!;
    expect(item.status).toBe('planned');
    expect(item.rice.effort).toBe(8);
  }, 120_000);

  it('with the server down, Rita still sees the last copy, and the dashboard says why', async () => {
    const before = await storedJson(rita);
    await apache.stopServer();
    try {
      const page = await dashboard(rita);
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/Shared, read only · offline, showing the copy from \d\d:\d\d/).waitFor();
      expect(await storedJson(rita)).toBe(before);
      const ticket = await rita.open(TICKET);
      const panel = await panelRoot(ticket);
      const pill = await eventually(
        () => panel.text('[data-testid=pill]'),
        (t) => Boolean(t?.includes('Teams inviting a colleague')),
      );
      expect(pill).toContain('Teams inviting a colleague');
    } finally {
      await apache.start();
    }
  }, 60_000);

  it('a shared file replaced by garbage is refused, and nothing changes', async () => {
    const before = await storedJson(rita);
    apache.writeFile(FILE, '{"app":"north-star-lens","kind":"shared-tree","formatVersion":1,"items":"x"}', {
      ageMs: 5_000,
    });
    const page = await dashboard(rita);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/the shared file was refused and nothing was merged/).waitFor();
    expect(await storedJson(rita)).toBe(before);
  }, 60_000);

  it('made requests to the share’s server only, and never sent the password anywhere else', () => {
    expect(extensionRequests.length).toBeGreaterThan(0);
    expect(extensionRequests.filter((url) => new URL(url).origin !== apache.origin)).toEqual([]);
  });
});
