import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, RequestType } from '../../lib/messaging/protocol';
import { recordFigure } from '../security/figures';
import { malformedMessages, validRequests, within, type SeedIds } from '../security/message-mutations';
import { findServiceWorker } from '../../scripts/browser/chromium.mjs';
import { launchLens, type Lens } from './harness';
import { JIRA, seedTree, storedJson } from './security-helpers';

type Reply = { ok: boolean; error?: { code: string; message: string; path?: string } };

/** Chrome carries extension messages as JSON: NaN and Infinity arrive as null, a Map as {}. */
const overJson = (value: unknown): unknown => JSON.parse(JSON.stringify({ value }) ?? '{}').value;

/** Sends each message from an extension page, as the dashboard would; messages travel as JSON text so nothing is lost on the way. */
async function sendAll(page: Page, messages: unknown[]): Promise<Reply[]> {
  return page.evaluate(
    async (texts) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      const replies: unknown[] = [];
      for (const text of texts) replies.push(await runtime.sendMessage(JSON.parse(text)));
      return replies as Reply[];
    },
    messages.map((m) => JSON.stringify(m)),
  );
}

async function seed(lens: Lens): Promise<SeedIds> {
  const { tree, nsm, input, item } = await seedTree(lens, {
    nsm: 'Weekly active teams',
    input: 'Teams inviting',
    key: 'ABC-1',
    title: 'Invite',
  });
  const team = await lens.call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'team',
    name: 'Invites sent',
    fields: { parentId: input.id },
  });
  const other = await lens.call({ type: 'tree.create', name: 'Other', game: null });
  const otherInput = await lens.call({ type: 'metric.create', treeId: other.id, role: 'input', name: 'Elsewhere' });
  await lens.call({ type: 'settings.update', patch: { activeTreeId: tree.id } });
  return {
    tree: tree.id,
    other: other.id,
    nsm: nsm.id,
    input: input.id,
    team: team.id,
    otherInput: otherInput.id,
    item: item.id,
  };
}

describe('the message boundary of the running extension', () => {
  let lens: Lens;
  let valid: Record<RequestType, Request>;
  let extensionPage: Page;

  beforeAll(async () => {
    lens = await launchLens();
    valid = validRequests(await seed(lens));
    extensionPage = await lens.open(`chrome-extension://${lens.extensionId}/dashboard.html`);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('answers every malformed message of every type with an error naming the field, and stores nothing', async () => {
    const before = await storedJson(lens);
    const mutations = malformedMessages(valid, overJson);
    const replies = await sendAll(
      extensionPage,
      mutations.map((m) => m.message),
    );
    const accepted = replies.flatMap((reply, i) =>
      reply?.ok === false ? [] : [`${mutations[i]!.type}: ${mutations[i]!.what}`],
    );
    expect(accepted).toEqual([]);
    const misplaced = replies.flatMap((reply, i) => {
      const m = mutations[i]!;
      return reply.error?.code === 'invalid' && within(reply.error.path ?? '', m.path)
        ? []
        : [`${m.type}: ${m.what} -> ${JSON.stringify(reply.error)}`];
    });
    expect(misplaced).toEqual([]);
    expect(await storedJson(lens)).toBe(before);
    expect(mutations.length).toBeGreaterThan(1_000);
    recordFigure('message boundary (browser): malformed messages refused', mutations.length);
  }, 120_000);

  it('answers well-formed requests that point at nothing, across trees or at impossible values with an error, and stores nothing', async () => {
    const before = await storedJson(lens);
    const answers = valid['review.add'] as Extract<Request, { type: 'review.add' }>;
    const ids = {
      item: (valid['item.delete'] as { id: string }).id,
      tree: (valid['tree.update'] as { id: string }).id,
      nsm: (valid['observations.list'] as { metricId: string }).metricId,
    };
    const wrong: Request[] = [
      { type: 'item.update', id: 'ghost', patch: { notes: 'x' } },
      { type: 'item.delete', id: 'ghost' },
      { type: 'tree.delete', id: 'ghost' },
      { type: 'metric.delete', id: 'ghost' },
      { type: 'item.update', id: ids.item, patch: { rice: { effort: 0 } } },
      { type: 'item.update', id: ids.item, patch: { rice: { confidence: 7 } } },
      { type: 'item.update', id: ids.item, patch: { inputMetricId: ids.nsm } },
      { type: 'item.create', treeId: 'ghost', title: 'x', links: [] },
      { type: 'observation.add', metricId: 'ghost', at: '2024-03-04', value: 1 },
      { type: 'review.add', treeId: 'ghost', answers: answers.answers },
      { type: 'settings.update', patch: { activeTreeId: 'ghost' } },
      { type: 'workspace.import', document: { app: 'north-star-lens', formatVersion: 1 }, mode: 'replace' },
      { type: 'workspace.import', document: '{"formatVersion":1,', mode: 'merge' },
    ];
    const replies = await sendAll(extensionPage, wrong);
    expect(replies.map((r) => r.ok)).toEqual(wrong.map(() => false));
    for (const reply of replies) expect(['invalid', 'not-found']).toContain(reply.error?.code);
    expect(await storedJson(lens)).toBe(before);
    expect(ids.tree).toBeTruthy();
    recordFigure('message boundary (browser): well-formed but wrong requests refused', wrong.length);
  });

  it('gives a web page no way to message the background at all', async () => {
    await lens.serve(`${JIRA}/browse/ABC-1`, '<!doctype html><title>ABC-1</title><h1>Invite</h1>');
    const page = await lens.open(`${JIRA}/browse/ABC-1`);
    await page.waitForSelector('north-star-lens', { state: 'attached' });
    const reach = await page.evaluate((id) => {
      const chrome = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      return {
        runtime: typeof chrome?.runtime,
        sendMessage: typeof chrome?.runtime?.sendMessage,
        connect: typeof chrome?.runtime?.connect,
        id,
      };
    }, lens.extensionId);
    expect(reach).toMatchObject({ sendMessage: 'undefined', connect: 'undefined' });
    await page.close();
  });
});

describe('another extension installed beside it', () => {
  let lens: Lens;
  let strangerDir: string;
  let stranger: Worker;
  const storedItems = async () =>
    JSON.stringify(((await lens.call({ type: 'workspace.export' })) as { items: unknown }).items);

  beforeAll(async () => {
    strangerDir = await mkdtemp(join(tmpdir(), 'nsl-stranger-'));
    await writeFile(
      join(strangerDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Stranger',
        version: '1.0',
        background: { service_worker: 'stranger.js' },
      }),
    );
    await writeFile(join(strangerDir, 'stranger.js'), '// Sends what the test tells it to.\n');
    lens = await launchLens({ alongside: [strangerDir] });
    stranger = await findServiceWorker(lens.context, (url) => url.pathname === '/stranger.js');
    const tree = await lens.call({ type: 'tree.create', name: 'Product' });
    await lens.call({ type: 'item.create', treeId: tree.id, title: 'Mine', links: [] });
  });
  afterAll(async () => {
    await lens?.close();
    await rm(strangerDir, { recursive: true, force: true });
  });

  it('cannot reach the background with any request, by message or by port, and changes nothing', async () => {
    const before = await storedItems();
    const requests: unknown[] = [
      { type: 'workspace.export' },
      { type: 'snapshot.get' },
      { type: 'workspace.clear' },
      { type: 'tree.create', name: 'Planted' },
      { type: 'workspace.import', document: {}, mode: 'replace' },
      { type: 'settings.update', patch: { disabledSites: ['jira'] } },
      { type: 'dashboard.open' },
    ];
    const outcomes = await stranger.evaluate(
      async ({ id, messages }) => {
        const runtime = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                sendMessage(id: string, m: unknown): Promise<unknown>;
                connect(id: string): {
                  onDisconnect: { addListener(f: () => void): void };
                  postMessage(m: unknown): void;
                };
              };
            };
          }
        ).chrome.runtime;
        const out: string[] = [];
        for (const message of messages) {
          try {
            const reply = await runtime.sendMessage(id, message);
            out.push(`answered: ${JSON.stringify(reply)}`);
          } catch (failure) {
            out.push(`refused: ${(failure as Error).message}`);
          }
          const disconnected = await new Promise<boolean>((resolve) => {
            const port = runtime.connect(id);
            port.onDisconnect.addListener(() => resolve(true));
            try {
              port.postMessage(message);
            } catch {
              resolve(true);
            }
            setTimeout(() => resolve(false), 1000);
          });
          out.push(disconnected ? 'port closed' : 'port open');
        }
        return out;
      },
      { id: lens.extensionId, messages: requests },
    );
    expect(outcomes.filter((o) => o.startsWith('answered') || o === 'port open')).toEqual([]);
    expect(outcomes).toHaveLength(requests.length * 2);
    expect(await storedItems()).toBe(before);
    const { trees } = await lens.call({ type: 'snapshot.get' });
    expect(trees.map((t) => t.name)).toEqual(['Product']);
    // The one dashboard is the page the test sends from: the stranger's dashboard.open opened none.
    expect(lens.context.pages().filter((p) => p.url().includes('dashboard.html'))).toHaveLength(1);
    recordFigure('message boundary (browser): requests from another extension refused', requests.length * 2);
  });
});
