import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR } from '../../../scripts/browser/firefox.mjs';
import { JIRA, launchLens, type Lens, storedJson } from './harness';

/**
 * Firefox runs the MV2 build: its background is a persistent page, not a service worker
 * that stops when idle. The Chromium worker-stop tests have no counterpart here; what
 * Firefox does instead is tested: the page stays, and so does what it holds.
 */
describe('Firefox: the background page', () => {
  let lens: Lens;
  beforeAll(async () => {
    lens = await launchLens();
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('loads, and answers an extension page with an empty workspace', async () => {
    const snapshot = await lens.call({ type: 'snapshot.get' });
    expect(snapshot.trees).toEqual([]);
    expect(snapshot.items).toEqual([]);
  });

  it('is a page with a document at the extension address, as the MV2 manifest asks', async () => {
    const manifest = JSON.parse(await readFile(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    const background = await lens.inBackground<{ href: string; readyState: string }>(
      '(bg) => ({ href: bg.location.href, readyState: bg.document.readyState })',
    );
    expect(background.href.startsWith(`${lens.origin}/`)).toBe(true);
    expect(background.readyState).toBe('complete');
  });

  it('keeps its memory for the whole session: across writes, closed extension pages and idle time', async () => {
    await lens.inBackground('(bg) => { bg.rememberedInMemory = "since launch"; }');
    const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
    await lens.call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    await (await lens.bridgePage()).close();
    // Longer than Chromium lets an idle worker live (30 s) would make the suite slow; a
    // persistent page has no idle timer at all, which the manifest check above pins.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await lens.inBackground('(bg) => bg.rememberedInMemory')).toBe('since launch');
    const snapshot = await lens.call({ type: 'snapshot.get' });
    expect(snapshot.tree?.id).toBe(tree.id);
    expect(snapshot.metrics.map((m) => m.name)).toEqual(['Weekly active teams']);
  });

  it('refuses a malformed message with an error naming the field, and changes nothing', async () => {
    const before = await storedJson(lens);
    const tree = (await lens.call({ type: 'snapshot.get' })).tree!;
    const reply = await lens.send({ type: 'tree.create', name: 42, game: 'productivity' } as never);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid');
      expect(reply.error.path).toBe('name');
    }
    const unknownType = await lens.send({ type: 'drop.everything' } as never);
    expect(unknownType.ok).toBe(false);
    const impossible = await lens.send({ type: 'metric.create', treeId: tree.id, role: 'kpi', name: 'x' } as never);
    expect(impossible.ok).toBe(false);
    expect(await storedJson(lens)).toBe(before);
  });

  it('stores nothing in the host page origin, and the page has no way to message the extension', async () => {
    lens.serve(`${JIRA}/browse/NSL-1`, '<!doctype html><title>NSL-1 - Jira</title><h1>Invite</h1>');
    const page = await lens.open(`${JIRA}/browse/NSL-1`);
    await page.waitForSelector('north-star-lens');
    const databases = await lens.evaluate<string[]>(
      page,
      'async () => (await indexedDB.databases()).map((d) => d.name)',
    );
    expect(databases).not.toContain('north-star-lens');
    const apis = await lens.evaluate<string[]>(page, '() => [typeof browser, typeof chrome]');
    expect(apis).toEqual(['undefined', 'undefined']);
    await page.close();
  });

  it('holds the supported sites from install, and a self-hosted host only once granted (MV2 optional_permissions)', async () => {
    const manifest = JSON.parse(await readFile(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.optional_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.optional_host_permissions).toBeUndefined();
    const held = await lens.inBackground<{ jira: boolean; selfHosted: boolean }>(
      `async (bg) => ({
        jira: await bg.browser.permissions.contains({ origins: ['https://acme.atlassian.net/*'] }),
        selfHosted: await bg.browser.permissions.contains({ origins: ['https://jira.acme-corp.example/*'] }),
      })`,
    );
    expect(held).toEqual({ jira: true, selfHosted: false });
  });

  it('printed no error of its own', () => {
    expect(lens.extensionErrors()).toEqual([]);
  });
});
