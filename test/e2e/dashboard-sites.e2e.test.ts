import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EXTENSION_DIR, eventually, launchLens, type Lens } from './harness';
import { openDashboard, seedDemo } from './dashboard-helpers';

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
    const off = await eventually(async () => (await lens.call({ type: 'snapshot.get' })).settings.disabledSites, (s) => s.includes('linear'));
    expect(off).toEqual(['linear']);
    await linear.check();
    const on = await eventually(async () => (await lens.call({ type: 'snapshot.get' })).settings.disabledSites, (s) => s.length === 0);
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
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let extensionId: string;

  const send = (message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value: any }>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nsl-custom-domain-'));
    const extension = join(dir, 'extension');
    await cp(EXTENSION_DIR, extension, { recursive: true });
    const manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8'));
    manifest.host_permissions = [...(manifest.host_permissions ?? []), 'https://jira.acme-corp.example/*'];
    await writeFile(join(extension, 'manifest.json'), JSON.stringify(manifest));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--disable-gpu', '--no-first-run'],
    });
    await context.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      (route) =>
        route.request().url().startsWith(SELF_HOSTED_ISSUE) && route.request().resourceType() === 'document'
          ? route.fulfill({ status: 200, contentType: 'text/html', body: ISSUE_HTML })
          : route.abort('blockedbyclient'),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#sites`);
    await send({ type: 'tree.create', name: 'Acme' });
    await page.reload();
    await page.getByRole('heading', { name: 'Custom domains' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers the overlay for the domain, which then injects on its pages; removing it stops that', async () => {
    await page.getByLabel('Address').fill('jira.acme-corp.example');
    await page.getByLabel('Runs').selectOption('jira');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.locator('.domain-row', { hasText: 'https://jira.acme-corp.example' }).waitFor();
    expect((await send({ type: 'snapshot.get' })).value.settings.customDomains).toEqual([
      { origin: 'https://jira.acme-corp.example/*', site: 'jira' },
    ]);
    const registered = await page.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((s) => s.matches)).toEqual([['https://jira.acme-corp.example/*']]);

    const issue = await context.newPage();
    await issue.goto(SELF_HOSTED_ISSUE);
    await issue.locator('north-star-lens').waitFor({ state: 'attached', timeout: 10_000 });
    await issue.close();

    await page.getByRole('button', { name: /Remove/ }).click();
    await page.getByText('No custom domain yet.').waitFor();
    expect(await page.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    const again = await context.newPage();
    await again.goto(SELF_HOSTED_ISSUE);
    await again.waitForTimeout(1500);
    expect(await again.locator('north-star-lens').count()).toBe(0);
  });
});
