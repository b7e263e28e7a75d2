import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from '../security/figures';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';
import { JIRA, seedTree, storedJson } from './security-helpers';

const ticketPage = (key: string) => `<!doctype html><html><head><title>[${key}] Storage - Jira</title></head>
  <body><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Disk full ${key}</h1></body></html>`;

const QUOTA_MESSAGE = 'The browser refused to save (storage is full?)';

describe('a write the browser refuses (storage quota exceeded)', () => {
  let lens: Lens;
  let itemId: string;
  let treeId: string;
  let inputId: string;
  let failures = 0;

  /**
   * From the `from`-th write on, every put and add in the service worker throws what a
   * full disk throws. The browser's IndexedDB itself is untouched, so what is stored
   * after the failure is exactly what the extension left behind.
   */
  async function diskFull(from = 1): Promise<void> {
    const worker = await lens.serviceWorker();
    await worker.evaluate((firstFailing) => {
      const scope = globalThis as unknown as { restoreDisk?: () => void };
      scope.restoreDisk?.();
      const put = IDBObjectStore.prototype.put;
      const add = IDBObjectStore.prototype.add;
      let writes = 0;
      const refuse = (original: typeof put) =>
        function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
          writes += 1;
          if (writes >= firstFailing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      IDBObjectStore.prototype.put = refuse(put);
      IDBObjectStore.prototype.add = refuse(add);
      scope.restoreDisk = () => {
        IDBObjectStore.prototype.put = put;
        IDBObjectStore.prototype.add = add;
        delete scope.restoreDisk;
      };
    }, from);
  }

  async function diskFreed(): Promise<void> {
    const worker = await lens.serviceWorker();
    await worker.evaluate(() => (globalThis as unknown as { restoreDisk?: () => void }).restoreDisk?.());
  }

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'SF-1',
      title: 'Invite',
    });
    itemId = seeded.item.id;
    treeId = seeded.tree.id;
    inputId = seeded.input.id;
    await lens.call({ type: 'item.update', id: itemId, patch: { notes: 'before the disk filled up' } });
    for (const key of ['SF-1', 'SF-2']) await lens.serve(`${JIRA}/browse/${key}`, ticketPage(key));
  });
  afterEach(async () => {
    await diskFreed();
  });
  afterAll(async () => {
    recordFigure('storage failure: refused writes shown to the user with nothing half-written', failures);
    await lens?.close();
  });

  it('shows the failure in the panel, keeps what was typed, stores none of it, and saves it all on Retry', async () => {
    const page = await lens.open(`${JIRA}/browse/SF-1`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
    );
    await panel.openPanel();
    await eventually(() => panel.exists('#nsl-notes'), Boolean);
    const before = await storedJson(lens);

    await diskFull();
    await panel.type('#nsl-notes', 'typed while the disk was full');
    await panel.type('#nsl-rice-reach', '4321');
    await panel.focus('#nsl-status');
    const status = await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => Boolean(t?.includes(QUOTA_MESSAGE)),
    );
    expect(status).toContain(QUOTA_MESSAGE);
    expect(status).toContain('Retry');
    expect(await panel.value('#nsl-notes')).toBe('typed while the disk was full');
    expect(await panel.value('#nsl-rice-reach')).toBe('4321');
    expect(await storedJson(lens)).toBe(before);
    failures += 1;

    await diskFreed();
    await panel.click('[data-testid=save-status] button');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );
    const stored = (await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'SF-1' }] })).item!;
    expect(stored.notes).toBe('typed while the disk was full');
    expect(stored.rice.reach).toBe(4321);
    expect(await panel.value('#nsl-notes')).toBe('typed while the disk was full');
    await page.close();
  });

  it('says why tracking a ticket failed, creates nothing, and tracks it once on the next try', async () => {
    const page = await lens.open(`${JIRA}/browse/SF-2`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    await panel.openPanel();
    const before = await storedJson(lens);

    await diskFull();
    await panel.click('.track button.primary');
    const alert = await eventually(() => panel.text('.track [role=alert]'), Boolean);
    expect(alert).toContain(QUOTA_MESSAGE);
    expect(await storedJson(lens)).toBe(before);
    failures += 1;

    await diskFreed();
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-notes'), Boolean);
    const snapshot = await lens.call({ type: 'snapshot.get', treeId });
    expect(snapshot.items.filter((item) => item.links.some((link) => link.key === 'SF-2'))).toHaveLength(1);
    await page.close();
  });

  type Case = { what: string; prepare(): Promise<{ failingWrite: number; send(): ReturnType<Lens['send']> }> };
  const cases: Case[] = [
    {
      what: 'an import replacing everything, refused half way through its writes',
      async prepare() {
        const file = (await lens.call({ type: 'workspace.export' })) as Record<string, unknown[]>;
        const renamed = {
          ...file,
          items: file.items!.map((item) => ({ ...(item as object), notes: 'from the file' })),
        };
        return {
          failingWrite: 3,
          send: () => lens.send({ type: 'workspace.import', document: renamed, mode: 'replace' }),
        };
      },
    },
    {
      what: 'an import merging, refused at its very last write',
      async prepare() {
        const file = (await lens.call({ type: 'workspace.export' })) as Record<string, unknown[]>;
        const renamed = {
          ...file,
          metrics: file.metrics!.map((metric) => ({ ...(metric as object), definition: 'from the file' })),
        };
        const records = ['trees', 'metrics', 'observations', 'items', 'reviews', 'history'].reduce(
          (n, store) => n + file[store]!.length,
          0,
        );
        return {
          failingWrite: records + 1,
          send: () => lens.send({ type: 'workspace.import', document: renamed, mode: 'merge' }),
        };
      },
    },
    {
      what: 'deleting a metric, which unlinks its items, refused after the first item',
      async prepare() {
        for (const title of ['Second', 'Third'])
          await lens.call({ type: 'item.create', treeId, title, links: [], inputMetricId: inputId });
        await lens.call({ type: 'observation.add', metricId: inputId, at: '2024-02-05', value: 7 });
        return { failingWrite: 2, send: () => lens.send({ type: 'metric.delete', id: inputId }) };
      },
    },
    {
      what: 'deleting the active tree and everything in it, refused at the last step',
      async prepare() {
        await lens.call({ type: 'settings.update', patch: { activeTreeId: treeId } });
        return { failingWrite: 1, send: () => lens.send({ type: 'tree.delete', id: treeId }) };
      },
    },
  ];

  it.each(cases.map((c) => [c.what, c] as const))(
    'leaves nothing half-written after %s',
    async (_what, { prepare }) => {
      const { failingWrite, send } = await prepare();
      const before = await storedJson(lens);
      await diskFull(failingWrite);
      const reply = await send();
      expect(reply.ok).toBe(false);
      if (!reply.ok)
        expect(reply.error).toMatchObject({ code: 'storage', message: expect.stringContaining(QUOTA_MESSAGE) });
      await diskFreed();
      expect(await storedJson(lens)).toBe(before);
      failures += 1;
    },
  );
});
