import { beforeEach, describe, expect, it } from 'vitest';
import { handle, type StoredRequestType } from '../../lib/background/dispatch';
import { StorageError, type LensDb } from '../../lib/storage';
import { BADGE_INDEX_LIMIT, type RequestOf } from '../../lib/messaging/protocol';
import { freshDb } from '../storage/fresh-db';

let db: LensDb;
const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handle(db, request)).value;

async function seed() {
  const tree = await call({ type: 'tree.create', name: 'Product' });
  await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: 'Teams inviting a colleague',
    fields: { leverage: 2 },
  });
  const scored = async (key: string, reach: number) => {
    const item = await call({
      type: 'item.create',
      treeId: tree.id,
      title: key,
      links: [{ site: 'jira', key, url: `https://acme.atlassian.net/browse/${key}` }],
      inputMetricId: input.id,
    });
    return call({ type: 'item.update', id: item.id, patch: { rice: { reach, impact: 1, confidence: 1, effort: 1 } } });
  };
  return { tree, input, a: await scored('A-1', 100), b: await scored('A-2', 300), c: await scored('A-3', 200) };
}

beforeEach(async () => {
  db = await freshDb();
});

describe('what the background answers a page', () => {
  it('gives the ticket its item and the scores of every other ranked item, highest first', async () => {
    const { a } = await seed();
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(context.item?.id).toBe(a.id);
    expect(context.otherScores).toEqual([600, 400]);
  });

  it('gives an untracked ticket no item, but the tree so it can be tracked', async () => {
    const { tree } = await seed();
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'NEW-9' }], withScores: true });
    expect(context.item).toBeNull();
    expect(context.tree?.id).toBe(tree.id);
    expect(context.otherScores).toHaveLength(3);
  });

  it('leaves the other scores out unless asked, so a page load does not carry thousands of numbers', async () => {
    const { a, tree } = await seed();
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }] });
    expect(context.item?.id).toBe(a.id);
    expect(context.tree?.id).toBe(tree.id);
    expect(context.metrics.length).toBeGreaterThan(0);
    expect(context.otherScores).toBeNull();
  });

  it('tells a page that is starting to load its settings, the ticket its address names, and its context', async () => {
    const { a, tree } = await seed();
    const opening = await call({ type: 'page.open', url: 'https://acme.atlassian.net/browse/A-1?focusedCommentId=3' });
    expect(opening.settings).toEqual({ disabledSites: [], customDomains: [] });
    expect(opening.link).toEqual({ site: 'jira', key: 'A-1' });
    expect(opening.context?.item?.id).toBe(a.id);
    expect(opening.context?.tree?.id).toBe(tree.id);
    expect(opening.context?.otherScores).toBeNull();
  });

  it("sends a starting page only the metrics its pill shows: the ticket's metric and the NSM above it", async () => {
    const { tree, input } = await seed();
    await call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Projects shared' });
    const opening = await call({ type: 'page.open', url: 'https://acme.atlassian.net/browse/A-1' });
    expect(opening.context?.metrics.map((m) => m.name)).toEqual(['Teams inviting a colleague', 'Weekly active teams']);
    expect(opening.context?.metrics[0]?.id).toBe(input.id);
    const whole = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }] });
    expect(whole.metrics).toHaveLength(3);
  });

  it("names a team metric's input in the pill's part, so the pill of an item tagged to a team shows that input", async () => {
    const { tree, input, a } = await seed();
    const team = await call({
      type: 'metric.create',
      treeId: tree.id,
      role: 'team',
      name: 'Invites sent from onboarding',
      fields: { parentId: input.id },
    });
    await call({ type: 'item.update', id: a.id, patch: { inputMetricId: team.id } });
    const opening = await call({ type: 'page.open', url: 'https://acme.atlassian.net/browse/A-1' });
    expect(opening.context?.metrics.map((m) => m.name)).toEqual([
      'Invites sent from onboarding',
      'Teams inviting a colleague',
      'Weekly active teams',
    ]);
  });

  it('sends a chart page every metric: its panel offers them all to link the chart to', async () => {
    await seed();
    const opening = await call({ type: 'page.open', url: 'https://app.amplitude.com/analytics/acme/chart/mccedr54' });
    expect(opening.link).toEqual({ site: 'amplitude', key: expect.stringContaining('mccedr54') });
    expect(opening.context?.metrics.map((m) => m.name).sort()).toEqual([
      'Teams inviting a colleague',
      'Weekly active teams',
    ]);
  });

  it('names no ticket for an address that names none, or on a site the user switched off', async () => {
    await seed();
    const board = await call({
      type: 'page.open',
      url: 'https://acme.atlassian.net/jira/software/projects/A/boards/1',
    });
    expect(board).toMatchObject({ link: null, context: null });
    await call({ type: 'settings.update', patch: { disabledSites: ['jira'] } });
    const off = await call({ type: 'page.open', url: 'https://acme.atlassian.net/browse/A-1' });
    expect(off).toEqual({ settings: { disabledSites: ['jira'], customDomains: [] }, link: null, context: null });
  });

  it('gives badges for tracked links only, with the metric short name and the leveraged score', async () => {
    await seed();
    const badges = await call({
      type: 'badges.lookup',
      links: [
        { site: 'jira', key: 'A-2' },
        { site: 'jira', key: 'ZZ-1' },
      ],
    });
    expect(badges).toEqual([expect.objectContaining({ key: 'A-2', metricName: 'Teams inviting a…', score: 600 })]);
  });

  it('works out what each href of a board names, in order, with its badge, from the page base URL', async () => {
    await seed();
    const answers = await call({
      type: 'badges.forHrefs',
      base: 'https://acme.atlassian.net/jira/software/projects/A/boards/1',
      hrefs: [
        '/browse/A-2',
        'https://acme.atlassian.net/browse/ZZ-1',
        '#top',
        '/jira/your-work',
        '/browse/A-2?focus=1',
      ],
    });
    expect(answers).toEqual([
      { site: 'jira', key: 'A-2', badge: expect.objectContaining({ metricName: 'Teams inviting a…', score: 600 }) },
      { site: 'jira', key: 'ZZ-1', badge: null },
      null,
      null,
      { site: 'jira', key: 'A-2', badge: expect.objectContaining({ score: 600 }) },
    ]);
  });

  it('gives a board page every tracked ticket of its site with the badge a lookup would give, and nothing of other sites', async () => {
    await seed();
    await call({
      type: 'item.create',
      treeId: (await call({ type: 'snapshot.get' })).tree!.id,
      title: 'Repo issue',
      links: [{ site: 'github', key: 'acme/app#1', url: 'https://github.com/acme/app/issues/1' }],
    });
    const index = await call({
      type: 'badges.index',
      url: 'https://acme.atlassian.net/jira/software/projects/A/boards/1',
    });
    expect(index?.site).toBe('jira');
    expect(index?.origin).toBe('https://acme.atlassian.net');
    const lookedUp = await call({
      type: 'badges.lookup',
      links: ['A-1', 'A-2', 'A-3'].map((key) => ({ site: 'jira' as const, key })),
    });
    expect([...index!.badges].sort((x, y) => x.key.localeCompare(y.key))).toEqual(lookedUp);
    expect(await call({ type: 'badges.index', url: 'https://example.org/board' })).toBeNull();
  });

  it('decides for the page whether it is a list: none for a ticket, settings, Confluence, a new issue', async () => {
    await seed();
    for (const url of [
      'https://acme.atlassian.net/browse/A-1',
      'https://acme.atlassian.net/jira/software/projects/A/boards/1?selectedIssue=A-1',
      'https://acme.atlassian.net/jira/settings/apps',
      'https://acme.atlassian.net/wiki/spaces/A/pages/1',
      'https://github.com/acme/app/issues/new',
      'https://github.com/acme/app/blob/main/README.md',
    ]) {
      expect(await call({ type: 'badges.index', url }), url).toBeNull();
    }
    expect(await call({ type: 'badges.index', url: 'https://github.com/acme/app/issues' })).not.toBeNull();
  });

  it('gives no index for a site with more tracked tickets than a page should hold', async () => {
    await seed();
    const exported = (await call({ type: 'workspace.export' })) as {
      items: { id: string; links: { key: string; url: string }[] }[];
    };
    const [template] = exported.items;
    const many = Array.from({ length: BADGE_INDEX_LIMIT + 1 }, (_, i) => ({
      ...template!,
      id: `bulk-${i}`,
      links: [{ site: 'jira', key: `BULK-${i}`, url: `https://acme.atlassian.net/browse/BULK-${i}` }],
    }));
    await call({ type: 'workspace.import', document: { ...exported, items: many }, mode: 'replace' });
    expect(
      await call({ type: 'badges.index', url: 'https://acme.atlassian.net/jira/software/projects/A/boards/1' }),
    ).toBeNull();
  });

  it('reports which stores a write changed, so views know to refresh', async () => {
    const { a } = await seed();
    const handled = await handle(db, { type: 'item.update', id: a.id, patch: { notes: 'x' } });
    // An item's status may ship it, which records a ship date: the loop's views refresh too.
    expect(handled.changed).toEqual(['items', 'shipments']);
    expect((await handle(db, { type: 'snapshot.get' })).changed).toEqual([]);
  });

  it('hands the written item to the change notice, as stored, so other tabs need not ask', async () => {
    const { a } = await seed();
    const updated = await handle(db, { type: 'item.update', id: a.id, patch: { notes: 'seen elsewhere' } });
    expect(updated.item).toEqual(updated.value);
    expect(updated.item?.notes).toBe('seen elsewhere');
    const created = await handle(db, {
      type: 'item.create',
      treeId: a.treeId,
      title: 'New',
      links: [{ site: 'jira', key: 'NEW-1', url: 'https://acme.atlassian.net/browse/NEW-1' }],
    });
    expect(created.item?.id).toBe((created.value as { id: string }).id);
    expect((await handle(db, { type: 'item.delete', id: a.id })).item).toBeUndefined();
  });
});

describe('impossible estimates', () => {
  it.each([
    [{ effort: 0 }, 'patch.rice.effort', /Effort must be more than 0/],
    [{ reach: -5 }, 'patch.rice.reach', /Reach must be/],
    [{ impact: 4 }, 'patch.rice.impact', /Impact must be one of/],
    [{ confidence: 1.5 }, 'patch.rice.confidence', /Confidence must be/],
  ])('refuses %j naming the field, and keeps the stored estimate', async (rice, path, message) => {
    const { a } = await seed();
    const failure = await handle(db, { type: 'item.update', id: a.id, patch: { rice } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).path).toBe(path);
    expect((failure as StorageError).message).toMatch(message);
    const stored = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }], withScores: true });
    expect(stored.item?.rice).toEqual({ reach: 100, impact: 1, confidence: 1, effort: 1 });
  });

  it('lets a field be cleared back to "not estimated"', async () => {
    const { a } = await seed();
    const item = await call({ type: 'item.update', id: a.id, patch: { rice: { effort: null } } });
    expect(item.rice.effort).toBeNull();
  });
});
