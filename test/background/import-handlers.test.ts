import { beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../lib/storage';
import { handle, type StoredRequestType } from '../../lib/background/dispatch';
import type { RequestOf } from '../../lib/messaging/protocol';
import type { LensDb } from '../../lib/storage';
import { freshDb } from '../storage/fresh-db';

let db: LensDb;
const handled = <T extends StoredRequestType>(request: RequestOf<T>) => handle(db, request);
const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handled(request)).value;

async function seed() {
  const tree = await call({ type: 'tree.create', name: 'Product' });
  const nsm = await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Invites' });
  return { tree, nsm, input };
}

const link = (key: string) => ({ site: 'jira' as const, key, url: `https://acme.atlassian.net/browse/${key}` });

beforeEach(async () => {
  db = await freshDb();
});

describe('importing values through the background', () => {
  it('previews without writing, imports in one request, and the second import changes nothing', async () => {
    const { nsm } = await seed();
    const values = [
      { at: '2024-01-07', value: 5 },
      { at: '2024-01-14', value: 6 },
    ];
    expect(await call({ type: 'observations.previewImport', metricId: nsm.id, values })).toEqual({
      added: 2,
      changed: 0,
      unchanged: 0,
      staged: expect.any(String),
    });
    expect(await call({ type: 'observations.list', metricId: nsm.id })).toEqual([]);
    const mapping = { series: 'Users', metricId: nsm.id, method: 'last' as const };
    const first = await handled({
      type: 'observations.import',
      metricId: nsm.id,
      values,
      remember: { key: 'table:Users', mapping },
    });
    expect(first.changed).toEqual(['observations', 'settings']);
    expect(await call({ type: 'observations.import', metricId: nsm.id, values })).toEqual({
      added: 0,
      changed: 0,
      unchanged: 2,
    });
    const snapshot = await call({ type: 'snapshot.get' });
    expect(snapshot.settings.importMappings?.values['table:Users']).toEqual(mapping);
  });
});

describe('importing tickets through the background', () => {
  it('adds tickets, and the snapshot the dashboard reads has them at once', async () => {
    const { tree, input } = await seed();
    const rows = [
      { link: link('A-1'), title: 'One', status: 'planned' as const, inputMetricId: input.id, rice: { reach: 10 } },
      { link: link('A-2'), title: 'Two', status: 'idea' as const, inputMetricId: null, rice: {} },
    ];
    expect(await call({ type: 'items.previewImport', treeId: tree.id, rows, overwrite: false })).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      staged: expect.any(String),
    });
    await call({ type: 'snapshot.get' });
    await call({ type: 'items.import', treeId: tree.id, rows, overwrite: false });
    const snapshot = await call({ type: 'snapshot.get' });
    expect(snapshot.items.map((i) => i.title).sort()).toEqual(['One', 'Two']);
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }] });
    expect(context.item?.inputMetricId).toBe(input.id);
  });
});

async function refusal(pending: Promise<unknown>): Promise<StorageError> {
  const failure = await pending.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (failure instanceof StorageError) return failure;
  throw new Error(`expected a refusal, got ${String(failure)}`);
}

describe('importing what the preview kept, without sending the rows again', () => {
  it('imports the previewed values by id, and a second import by the same id is told to send them', async () => {
    const { nsm } = await seed();
    const values = [{ at: '2024-01-07', value: 5 }];
    const { staged } = await call({ type: 'observations.previewImport', metricId: nsm.id, values });
    const first = await handled({ type: 'observations.importStaged', staged });
    expect(first.value).toEqual({ added: 1, changed: 0, unchanged: 0 });
    expect(first.changed).toEqual(['observations', 'settings']);
    const again = await refusal(call({ type: 'observations.importStaged', staged }));
    expect([again.code, again.path]).toEqual(['not-found', 'staged']);
    expect((await call({ type: 'observations.list', metricId: nsm.id })).map((o) => o.value)).toEqual([5]);
  });

  it('plans again when it imports: a ticket tracked and a RICE value set after the preview are kept', async () => {
    const { tree, input } = await seed();
    const rows = [
      { link: link('A-1'), title: 'One, renamed', status: 'planned' as const, inputMetricId: null, rice: {} },
      { link: link('A-2'), title: 'Two', status: 'idea' as const, inputMetricId: input.id, rice: { effort: 2 } },
    ];
    const tracked = await call({ type: 'item.create', treeId: tree.id, title: 'One', links: [link('A-1')] });
    const preview = await call({ type: 'items.previewImport', treeId: tree.id, rows, overwrite: false });
    expect(preview).toMatchObject({ added: 1, updated: 1 });
    // Meanwhile, in the panel: A-2 is tracked by hand and A-1 gets a reach.
    await call({ type: 'item.create', treeId: tree.id, title: 'Two by hand', links: [link('A-2')] });
    await call({ type: 'item.update', id: tracked.id, patch: { rice: { reach: 50 } } });
    const remember = {
      source: 'jira' as const,
      mapping: { site: 'https://acme.atlassian.net', labels: {}, rice: {}, pointsPerMonth: null },
    };
    expect(await call({ type: 'items.importStaged', staged: preview.staged, remember })).toEqual({
      added: 0,
      updated: 2,
      unchanged: 0,
    });
    const { items, settings } = await call({ type: 'snapshot.get' });
    expect(items).toHaveLength(2);
    const one = items.find((i) => i.id === tracked.id);
    expect([one?.title, one?.status, one?.rice.reach]).toEqual(['One, renamed', 'planned', 50]);
    expect(items.find((i) => i.id !== tracked.id)?.rice.effort).toBe(2);
    expect(settings.importMappings?.items.jira?.site).toBe('https://acme.atlassian.net');
  });

  it('refuses a preview used twice and changes nothing; the rows sent again then find every ticket unchanged', async () => {
    const { tree } = await seed();
    const rows = [{ link: link('A-1'), title: 'One', status: 'planned' as const, inputMetricId: null, rice: {} }];
    const { staged } = await call({ type: 'items.previewImport', treeId: tree.id, rows, overwrite: false });
    await call({ type: 'items.importStaged', staged });
    const before = await call({ type: 'snapshot.get' });
    const again = await refusal(call({ type: 'items.importStaged', staged }));
    expect([again.code, again.path]).toEqual(['not-found', 'staged']);
    expect(await call({ type: 'snapshot.get' })).toEqual(before);
    expect(await call({ type: 'items.import', treeId: tree.id, rows, overwrite: false })).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
  });
});
