import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseWorkspaceFile } from '../../lib/domain/workspace-file';
import { recordFigure } from '../security/figures';
import { seededRandom } from '../security/random';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot } from './shadow';
import { JIRA, seedTree } from './security-helpers';

type Reply = { ok: boolean; value?: { id?: string }; error?: { code: string; message: string } };

const ticketPage = (key: string) => `<!doctype html><html><head><title>[${key}] Onboarding - Jira</title></head>
  <body><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Onboarding checklist ${key}</h1></body></html>`;

/** Sends all at once from an extension page, without waiting for one before the next; a reply that never comes is `null`. */
function sendConcurrently(page: Page, messages: unknown[]): Promise<(Reply | null)[]> {
  return page.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime;
    return Promise.all(
      list.map((m) =>
        runtime.sendMessage(m).then(
          (r) => (r ?? null) as Reply | null,
          () => null,
        ),
      ),
    );
  }, messages);
}

describe('a service worker stopped by the browser in the middle of use', () => {
  let lens: Lens;
  let treeId: string;
  let inputId: string;
  let nsmId: string;
  let extensionPage: Page;
  const figures = { stops: 0, acknowledged: 0 };

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'SW-1',
      title: 'Invite',
    });
    treeId = seeded.tree.id;
    inputId = seeded.input.id;
    nsmId = seeded.nsm.id;
    await lens.serve(new RegExp(`^${JIRA}/browse/SW-`), ticketPage('SW'));
    extensionPage = await lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    recordFigure('service worker: stops during use', figures.stops);
    recordFigure('service worker: acknowledged writes checked after the stops (none lost)', figures.acknowledged);
    await lens?.close();
  });

  it('keeps every write it acknowledged, and leaves no half-written record, when stopped again and again under load', async () => {
    const rng = seededRandom(7);
    const acknowledged: { kind: 'item' | 'observation' | 'notes'; id: string; notes?: string }[] = [];
    const items = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        lens.call({ type: 'item.create', treeId, title: `Load ${i}`, links: [], inputMetricId: inputId }),
      ),
    );
    for (let round = 0; round < 4; round++) {
      const messages = [
        ...Array.from({ length: 8 }, (_, i) => ({
          type: 'item.create',
          treeId,
          title: `Round ${round} idea ${i}`,
          links: [],
          inputMetricId: inputId,
        })),
        ...Array.from({ length: 8 }, (_, i) => ({
          type: 'observation.add',
          metricId: nsmId,
          at: `2024-0${1 + (i % 9)}-1${round}`,
          value: round * 100 + i,
        })),
        ...items.map((item) => ({
          type: 'item.update',
          id: item.id,
          patch: { notes: `round ${round}`, rice: { reach: round + 1 } },
        })),
      ];
      const sending = sendConcurrently(extensionPage, messages);
      await new Promise((r) => setTimeout(r, 20 + rng.int(300)));
      await lens.stopServiceWorker();
      figures.stops += 1;
      const replies = await sending;
      replies.forEach((reply, i) => {
        if (!reply?.ok) return;
        const message = messages[i] as { type: string; id?: string; patch?: { notes: string } };
        if (message.type === 'item.create') acknowledged.push({ kind: 'item', id: reply.value!.id! });
        if (message.type === 'observation.add') acknowledged.push({ kind: 'observation', id: reply.value!.id! });
        if (message.type === 'item.update')
          acknowledged.push({ kind: 'notes', id: message.id!, notes: message.patch!.notes });
      });
    }

    const exported = await lens.call({ type: 'workspace.export' });
    const parsed = parseWorkspaceFile(exported);
    expect(parsed.ok, parsed.ok ? '' : `${parsed.path}: ${parsed.message}`).toBe(true);
    if (!parsed.ok) return;
    const itemIds = new Set(parsed.workspace.items.map((i) => i.id));
    const observationIds = new Set(parsed.workspace.observations.map((o) => o.id));
    const lost = acknowledged.filter((w) =>
      w.kind === 'item' ? !itemIds.has(w.id) : w.kind === 'observation' ? !observationIds.has(w.id) : false,
    );
    expect(lost).toEqual([]);
    for (const item of items) {
      const stored = parsed.workspace.items.find((i) => i.id === item.id)!;
      const lastAcked = acknowledged.filter((w) => w.kind === 'notes' && w.id === item.id).at(-1);
      if (lastAcked)
        expect(Number(stored.notes.split(' ')[1])).toBeGreaterThanOrEqual(Number(lastAcked.notes!.split(' ')[1]));
      // Both fields were written by one patch: a stored record has either both or neither.
      expect(stored.rice.reach).toBe(stored.notes === '' ? null : Number(stored.notes.split(' ')[1]) + 1);
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    figures.acknowledged += acknowledged.length;
  }, 120_000);

  it('lets the panel save the next edit after the worker was stopped', async () => {
    const page = await lens.open(`${JIRA}/browse/SW-1`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
    );
    await panel.openPanel();
    await panel.type('#nsl-rice-reach', '3000');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );

    await (await lens.serviceWorker()).evaluate(() => Object.assign(globalThis, { beforeTheStop: true }));
    await lens.stopServiceWorker();
    figures.stops += 1;
    await panel.type('#nsl-rice-effort', '8');
    expect(
      await eventually(
        () => panel.text('[data-testid=save-status]'),
        (t) => t === 'All changes saved',
        10_000,
      ),
    ).toBe('All changes saved');
    const restarted = await lens.serviceWorker();
    expect(await restarted.evaluate(() => 'beforeTheStop' in globalThis)).toBe(false);
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'SW-1' }] });
    expect(stored.item?.rice).toMatchObject({ reach: 3000, effort: 8 });
    figures.acknowledged += 2;
    await page.close();
  });

  it('does not apply a write twice when the worker stops after storing it but before answering', async () => {
    const page = await lens.open(`${JIRA}/browse/SW-2`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );
    await panel.openPanel();

    // The database commits at once; the worker only hears of it three seconds later, and is stopped before.
    const worker = await lens.serviceWorker();
    await worker.evaluate(() => {
      const add = IDBTransaction.prototype.addEventListener;
      IDBTransaction.prototype.addEventListener = function (
        this: IDBTransaction,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ) {
        if (type !== 'complete' || this.mode !== 'readwrite') return add.call(this, type, listener, options);
        const late = (event: Event) =>
          setTimeout(
            () => (typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event)),
            3000,
          );
        return add.call(this, type, late, options);
      } as typeof IDBTransaction.prototype.addEventListener;
    });
    await panel.click('.track button.primary');
    await eventually(
      async () => (await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'SW-2' }] })).item,
      Boolean,
    );
    await lens.stopServiceWorker();
    figures.stops += 1;

    await new Promise((r) => setTimeout(r, 2000));
    const snapshot = await lens.call({ type: 'snapshot.get', treeId });
    const tracked = snapshot.items.filter((item) => item.links.some((link) => link.key === 'SW-2'));
    expect(tracked).toHaveLength(1);
    await eventually(() => panel.exists('#nsl-notes'), Boolean, 5000);
    await page.close();
  });
});
