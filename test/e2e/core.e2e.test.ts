import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLens, type Lens } from './harness';

describe('the built extension in Chromium', () => {
  let lens: Lens;
  beforeAll(async () => {
    lens = await launchLens();
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('loads, and its background answers', async () => {
    const snapshot = await lens.call({ type: 'snapshot.get' });
    expect(snapshot.trees).toEqual([]);
  });

  it('keeps an acknowledged write across a stopped and restarted service worker', async () => {
    const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
    const nsm = await lens.call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
    const input = await lens.call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'input',
      name: 'Teams inviting a colleague',
    });
    const item = await lens.call({
      type: 'item.create',
      treeId: tree.id,
      title: 'Invite from the empty state',
      links: [{ site: 'jira', key: 'NSL-1', url: 'https://acme.atlassian.net/browse/NSL-1' }],
      inputMetricId: input.id,
    });
    await lens.call({
      type: 'item.update',
      id: item.id,
      patch: { rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 2 } },
    });

    const before = await lens.serviceWorker();
    await before.evaluate(() => Object.assign(globalThis, { rememberedInMemory: true }));
    await lens.stopServiceWorker();
    expect(lens.serviceWorkerRunning).toBe(false);

    const after = await lens.call({ type: 'snapshot.get' });
    expect(after.tree?.id).toBe(tree.id);
    expect(after.metrics.map((m) => m.id).sort()).toEqual([nsm.id, input.id].sort());
    expect(after.items).toHaveLength(1);
    expect(after.items[0]!.rice).toEqual({ reach: 1200, impact: 2, confidence: 0.8, effort: 2 });
    const restarted = lens.context.serviceWorkers().at(-1)!;
    expect(await restarted.evaluate(() => 'rememberedInMemory' in globalThis)).toBe(false);
  });

  it('refuses a malformed message with an error naming the field, and changes nothing', async () => {
    const before = await lens.call({ type: 'snapshot.get' });
    const itemId = before.items[0]!.id;
    const reply = await lens.send({ type: 'item.update', id: itemId, patch: { rice: { effort: 'two' } } } as never);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid');
      expect(reply.error.path).toBe('patch.rice.effort');
    }
    const impossible = await lens.send({ type: 'item.update', id: itemId, patch: { rice: { effort: 0 } } });
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(impossible.error.message).toMatch(/effort/i);
    const unknownType = await lens.send({ type: 'drop.everything' } as never);
    expect(unknownType.ok).toBe(false);
    const after = await lens.call({ type: 'snapshot.get' });
    expect(after.items).toEqual(before.items);
  });

  it('stores nothing in the host page origin, and the page cannot message the extension', async () => {
    await lens.serve(
      'https://acme.atlassian.net/browse/NSL-1',
      '<!doctype html><title>NSL-1 - Jira</title><h1>Invite from the empty state</h1>',
    );
    const page = await lens.open('https://acme.atlassian.net/browse/NSL-1');
    await page.waitForSelector('north-star-lens', { state: 'attached' });
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain('north-star-lens');
    const pageCanMessage = await page.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    );
    expect(pageCanMessage).toBe('undefined');
    await page.close();
  });
});
