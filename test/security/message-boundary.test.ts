import { beforeAll, describe, expect, it } from 'vitest';
import { handle, type StoredRequestType } from '../../lib/background/dispatch';
import type { Request, RequestType } from '../../lib/messaging/protocol';
import { checkMessage } from '../../lib/messaging/validate';
import { StorageError, type LensDb } from '../../lib/storage';
import { freshDb, storedData } from '../storage/fresh-db';
import { recordFigure } from './figures';
import { malformedMessages, requestTypes, shown, validRequests, within, type SeedIds } from './message-mutations';

const EXTENSION_ID = 'north-star-lens-id';
const OURS = { id: EXTENSION_ID };

/**
 * What reaches the background's listener: a structured clone of what was sent (own data
 * only, no prototype), through the gate, then the handler. A refused message must come
 * back as an error reply, never as an exception or an accepted write.
 */
async function deliver(
  raw: unknown,
  sender: { id?: string } = OURS,
): Promise<{ ok: boolean; code?: string; message?: string; path?: string }> {
  const checked = checkMessage(structuredClone(raw), sender, EXTENSION_ID);
  if (!checked.ok) {
    if (checked.reply.ok) throw new Error('a refusal must be an error reply');
    return { ok: false, ...checked.reply.error };
  }
  // As in the worker: a tab's content script asks for the panel's code; here there is no tab.
  if (checked.request.type === 'panel.load') return { ok: false, code: 'forbidden' };
  try {
    await handle(db, checked.request);
    return { ok: true };
  } catch (failure) {
    if (failure instanceof StorageError)
      return { ok: false, code: failure.code, message: failure.message, path: failure.path };
    throw failure;
  }
}

let db: LensDb;
let valid: Record<RequestType, Request>;

/** A well-formed message of every type, pointing at real records: each mutation below breaks one thing only. */
async function seed(): Promise<Record<RequestType, Request>> {
  db = await freshDb();
  const call = async <T extends StoredRequestType>(request: Extract<Request, { type: T }>) =>
    (await handle(db, request)).value;
  const tree = await call({ type: 'tree.create', name: 'Product', game: 'productivity' });
  const other = await call({ type: 'tree.create', name: 'Other', game: null });
  const nsm = await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: 'Teams inviting',
    fields: { ownerTeam: 'Growth' },
  });
  const team = await call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'team',
    name: 'Invites sent',
    fields: { parentId: input.id },
  });
  const otherInput = await call({ type: 'metric.create', treeId: other.id, role: 'input', name: 'Elsewhere' });
  const item = await call({
    type: 'item.create',
    treeId: tree.id,
    title: 'Invite from the empty state',
    links: [{ site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' }],
    inputMetricId: input.id,
  });
  await call({
    type: 'item.update',
    id: item.id,
    patch: { rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 } },
  });
  ids = {
    tree: tree.id,
    other: other.id,
    nsm: nsm.id,
    input: input.id,
    team: team.id,
    otherInput: otherInput.id,
    item: item.id,
  };
  return validRequests(ids);
}

let ids: SeedIds;

const figures = { types: 0, malformed: 0, foreign: 0, wellFormedButWrong: 0 };

beforeAll(async () => {
  valid = await seed();
});

describe("the background's message boundary", () => {
  it('knows a well-formed message of every request type, and accepts each at the gate', () => {
    const types = requestTypes();
    expect(Object.keys(valid).sort()).toEqual([...types].sort());
    for (const message of Object.values(valid))
      expect(checkMessage(message, OURS, EXTENSION_ID).ok, message.type).toBe(true);
    figures.types = types.length;
  });

  it('refuses every message with a field missing, extra, mistyped or out of range, naming the field, and changes nothing', async () => {
    const before = JSON.stringify(await storedData(db));
    let refused = 0;
    for (const mutation of malformedMessages(valid)) {
      const label = `${mutation.type}: ${mutation.what}`;
      const reply = await deliver(mutation.message);
      expect(reply.ok, label).toBe(false);
      expect(reply.code, label).toBe('invalid');
      expect(within(reply.path ?? '', mutation.path), `${label}: refused at ${reply.path}`).toBe(true);
      expect(reply.message?.length ?? 0, label).toBeGreaterThan(5);
      expect(reply.message?.length ?? 0, `${label}: a short message, not the whole value sent`).toBeLessThan(400);
      refused += 1;
    }
    expect(JSON.stringify(await storedData(db))).toBe(before);
    expect(refused).toBeGreaterThan(1_000);
    figures.malformed += refused;
    // Several thousand messages, each through the gate and the database check: seconds on a busy 2-core machine.
  }, 60_000);

  it('refuses messages that are not requests at all', async () => {
    const before = JSON.stringify(await storedData(db));
    const notRequests: unknown[] = [
      undefined,
      null,
      42,
      'snapshot.get',
      [],
      [valid['item.delete']],
      {},
      { type: null },
      { type: 42 },
      { type: 'Item.Delete', id: ids.item },
      { type: 'item.delete ', id: ids.item },
      { type: 'item.*', id: ids.item },
      { type: 'nsl.changed', stores: ['items'] },
      { type: { toString: 'item.delete' }, id: ids.item },
      JSON.parse(`{"__proto__":{"type":"item.delete"},"id":"${ids.item}"}`),
      Object.assign(Object.create({ type: 'item.delete' }), { id: ids.item }),
    ];
    for (const raw of notRequests) {
      const reply = await deliver(raw);
      expect(reply.ok, shown(raw)).toBe(false);
      expect(reply.code).toBe('invalid');
    }
    expect(JSON.stringify(await storedData(db))).toBe(before);
    figures.malformed += notRequests.length;
  });

  it('refuses every request type from any sender but the extension itself, even when well formed', async () => {
    const before = JSON.stringify(await storedData(db));
    const strangers = [
      {},
      { id: 'another-extension-id' },
      { id: '' },
      { id: EXTENSION_ID.toUpperCase() },
      { id: undefined },
    ];
    for (const message of Object.values(valid)) {
      for (const sender of strangers) {
        const reply = await deliver(message, sender);
        expect(reply, `${message.type} from ${JSON.stringify(sender)}`).toMatchObject({ ok: false, code: 'forbidden' });
        figures.foreign += 1;
      }
    }
    expect(JSON.stringify(await storedData(db))).toBe(before);
  });

  it('refuses well-formed requests that point at nothing, across trees or at impossible values, and changes nothing', async () => {
    const before = JSON.stringify(await storedData(db));
    const wrong: [string, Request, RegExp][] = [
      ['an unknown item', { type: 'item.update', id: 'ghost', patch: { notes: 'x' } }, /item/],
      ['an unknown item to delete', { type: 'item.delete', id: 'ghost' }, /item/],
      ['an unknown tree', { type: 'tree.update', id: 'ghost', patch: { name: 'x' } }, /tree/],
      ['an unknown tree to delete', { type: 'tree.delete', id: 'ghost' }, /tree/],
      ['an unknown metric', { type: 'metric.update', id: 'ghost', patch: { name: 'x' } }, /metric/],
      ['an unknown metric to delete', { type: 'metric.delete', id: 'ghost' }, /metric/],
      ['an item in no tree', { type: 'item.create', treeId: 'ghost', title: 'x', links: [] }, /tree/],
      [
        'an item moving a metric of another tree',
        { type: 'item.create', treeId: ids.tree, title: 'x', links: [], inputMetricId: ids.otherInput },
        /another tree/,
      ],
      [
        'an item moving the NSM itself',
        { type: 'item.update', id: ids.item, patch: { inputMetricId: ids.nsm } },
        /input or team metric/,
      ],
      [
        'an item moving a metric that does not exist',
        { type: 'item.update', id: ids.item, patch: { inputMetricId: 'ghost' } },
        /metric/,
      ],
      ['zero effort', { type: 'item.update', id: ids.item, patch: { rice: { effort: 0 } } }, /effort/i],
      ['negative reach', { type: 'item.update', id: ids.item, patch: { rice: { reach: -5 } } }, /reach/i],
      ['an impact off the scale', { type: 'item.update', id: ids.item, patch: { rice: { impact: 7 } } }, /impact/i],
      [
        'a confidence above 100%',
        { type: 'item.update', id: ids.item, patch: { rice: { confidence: 1.5 } } },
        /confidence/i,
      ],
      ['a metric in no tree', { type: 'metric.create', treeId: 'ghost', role: 'input', name: 'x' }, /tree/],
      [
        'a metric under a metric of another tree',
        { type: 'metric.create', treeId: ids.tree, role: 'team', name: 'x', fields: { parentId: ids.otherInput } },
        /parent/,
      ],
      [
        'a metric under its own descendant',
        { type: 'metric.update', id: ids.input, patch: { parentId: ids.team } },
        /itself|descendant/,
      ],
      ['a metric under itself', { type: 'metric.update', id: ids.input, patch: { parentId: ids.input } }, /itself/],
      [
        'an observation of no metric',
        { type: 'observation.add', metricId: 'ghost', at: '2024-03-04', value: 1 },
        /metric/,
      ],
      [
        'a captured value of no metric',
        {
          type: 'observation.record',
          metricId: 'ghost',
          at: '2024-03-04',
          value: 1,
          sourceUrl: 'https://app.amplitude.com/analytics/acme/chart/abc',
        },
        /metric/,
      ],
      [
        'undoing a value that is not stored',
        { type: 'observation.undo', id: 'ghost', metricId: 'ghost', at: '2024-03-05', previous: null },
        /no longer stored/,
      ],
      [
        'a pin without the words beside its number',
        {
          type: 'metric.update',
          id: ids.input,
          patch: {
            pins: [
              {
                sourceUrl: 'https://app.amplitude.com/analytics/acme/chart/abc',
                label: '',
                labelAfter: false,
                shape: { prefix: '', percent: false },
                gap: 1,
                autoRecord: false,
              },
            ],
          },
        },
        /words beside/,
      ],
      [
        'a review of no tree',
        {
          type: 'review.add',
          treeId: 'ghost',
          answers: (valid['review.add'] as Extract<Request, { type: 'review.add' }>).answers,
        },
        /tree/,
      ],
      ['an active tree that does not exist', { type: 'settings.update', patch: { activeTreeId: 'ghost' } }, /tree/],
      [
        'an import of something else',
        { type: 'workspace.import', document: { app: 'other' }, mode: 'replace' },
        /North Star Lens export/,
      ],
      ['a preview of something else', { type: 'workspace.previewImport', document: 'not json', mode: 'merge' }, /JSON/],
      ['tickets kept under an id no preview gave', { type: 'items.importStaged', staged: 'made-up' }, /expired/],
      ['values kept under an id no preview gave', { type: 'observations.importStaged', staged: 'made-up' }, /expired/],
      ['a file no part was sent of', { type: 'workspace.importFile', upload: 'made-up', mode: 'replace' }, /expired/],
      [
        'a part past the count',
        { type: 'workspace.filePart', upload: 'made-up', index: 2, count: 2, text: '' },
        /past the last part/,
      ],
      ['an export never started', { type: 'workspace.exportPart', export: 'made-up', index: 1 }, /expired/],
    ];
    for (const [what, request, reason] of wrong) {
      const reply = await deliver(request);
      expect(reply.ok, what).toBe(false);
      expect(['invalid', 'not-found'], what).toContain(reply.code);
      expect(reply.message, what).toMatch(reason);
      figures.wellFormedButWrong += 1;
    }
    expect(JSON.stringify(await storedData(db))).toBe(before);
    recordFigure('message boundary (unit): request types covered', figures.types);
    recordFigure('message boundary (unit): malformed messages refused', figures.malformed);
    recordFigure('message boundary (unit): well-formed messages from foreign senders refused', figures.foreign);
    recordFigure(
      'message boundary (unit): well-formed messages refused by the handlers (dangling, cross-tree, impossible)',
      figures.wellFormedButWrong,
    );
  });
});
