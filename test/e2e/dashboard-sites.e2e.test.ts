import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';
import {
  launchPatchedLens,
  openDashboard,
  seedDemo,
  type ExtensionGlobal,
  type PatchedLens,
} from './dashboard-helpers';

const SELF_HOSTED_ISSUE = 'https://jira.acme-corp.example/browse/STAY-101';
const ISSUE_HTML = `<!doctype html><html><head><title>[STAY-101] Instant book for verified guests - Acme JIRA</title></head>
<body><h1>Instant book for verified guests</h1></body></html>`;

describe('dashboard: sites', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    await lens.serve(SELF_HOSTED_ISSUE, ISSUE_HTML);
    page = await openDashboard(lens, 'sites');
  });
  afterAll(async () => lens?.close());

  it('turns a supported site off and on again', async () => {
    const linear = page.getByRole('switch', { name: 'Linear' });
    expect(await linear.isChecked()).toBe(true);
    await linear.uncheck();
    const off = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).settings.disabledSites,
      (s) => s.includes('linear'),
    );
    expect(off).toEqual(['linear']);
    await linear.check();
    const on = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).settings.disabledSites,
      (s) => s.length === 0,
    );
    expect(on).toEqual([]);
  });

  it('refuses an address that is not https, saying why', async () => {
    await page.getByLabel('Address').fill('http://jira.acme-corp.example');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByText('Only https addresses can be added').waitFor();
    expect((await lens.call({ type: 'snapshot.get' })).settings.customDomains).toEqual([]);
  });
});

/**
 * Chromium asks for an optional host permission in a native dialog that a headless
 * browser cannot show or answer. So this test loads a copy of the built extension whose
 * manifest already holds the host: the request resolves at once, and everything after it
 * (registering the content script at run time, the overlay injecting, removal) is real.
 */
describe('dashboard: a custom domain for a self-hosted instance', () => {
  let lens: PatchedLens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchPatchedLens(
      (manifest) =>
        (manifest.host_permissions = [...(manifest.host_permissions ?? []), 'https://jira.acme-corp.example/*']),
      [{ url: SELF_HOSTED_ISSUE, html: ISSUE_HTML }],
    );
    const tree = (await lens.send({ type: 'tree.create', name: 'Acme' })).value;
    await lens.send({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Nights booked' });
    const input = (
      await lens.send({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Guests booking instantly' })
    ).value;
    await lens.send({
      type: 'item.create',
      treeId: tree.id,
      title: 'Instant book for verified guests',
      links: [{ site: 'jira', key: 'STAY-101', url: SELF_HOSTED_ISSUE }],
      inputMetricId: input.id,
    });
    page = await lens.context.newPage();
    await page.goto(`chrome-extension://${lens.extensionId}/dashboard.html#sites`);
    await page.getByRole('heading', { name: 'Custom domains' }).waitFor();
  });
  afterAll(async () => lens?.close());

  it("registers the overlay for the domain, whose pill then shows that instance's tickets as Jira's; removing it stops that", async () => {
    await page.getByLabel('Address').fill('jira.acme-corp.example');
    await page.getByLabel('Runs').selectOption('jira');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.locator('.domain-row', { hasText: 'https://jira.acme-corp.example' }).waitFor();
    expect((await lens.send({ type: 'snapshot.get' })).value.settings.customDomains).toEqual([
      { origin: 'https://jira.acme-corp.example/*', site: 'jira' },
    ]);
    const registered = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered.map((s) => s.matches)).toEqual([['https://jira.acme-corp.example/*']]);

    const issue = await lens.context.newPage();
    await issue.goto(SELF_HOSTED_ISSUE);
    await issue.locator('north-star-lens').waitFor({ state: 'attached', timeout: 10_000 });
    // Read as Jira's STAY-101 (the custom domain's rules) from the first text it shows,
    // never as an untracked page of some other site.
    const pill = await panelRoot(issue);
    const shown: (string | null)[] = [];
    await eventually(
      async () => shown[shown.push(await pill.text('[data-testid=pill] .pill-text')) - 1],
      (text) => text?.startsWith('Guests booking instantly') ?? false,
    );
    expect(shown.filter((text) => text !== null && !text.startsWith('North Star'))).toEqual([
      expect.stringMatching(/^Guests booking instantly · /),
    ]);
    await pill.close();
    await issue.close();

    await page.getByRole('button', { name: /Remove/ }).click();
    await page.getByText('No custom domain yet.').waitFor();
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as ExtensionGlobal).chrome.scripting.getRegisteredContentScripts(),
      ),
    ).toEqual([]);
    const again = await lens.context.newPage();
    await again.goto(SELF_HOSTED_ISSUE);
    await again.waitForTimeout(1500);
    expect(await again.locator('north-star-lens').count()).toBe(0);
  });
});
