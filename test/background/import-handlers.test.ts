import { beforeEach, describe, expect, it } from 'vitest';
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
    });
    await call({ type: 'snapshot.get' });
    await call({ type: 'items.import', treeId: tree.id, rows, overwrite: false });
    const snapshot = await call({ type: 'snapshot.get' });
    expect(snapshot.items.map((i) => i.title).sort()).toEqual(['One', 'Two']);
    const context = await call({ type: 'page.context', links: [{ site: 'jira', key: 'A-1' }] });
    expect(context.item?.inputMetricId).toBe(input.id);
  });
});
