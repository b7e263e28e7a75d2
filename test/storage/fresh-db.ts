/** Each test gets its own in-memory IndexedDB, so no test sees another's data. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createItem, createMetric, createTree, exportWorkspace, openWorkspaceDb, type LensDb } from '../../lib/storage';

export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export function freshDb(): Promise<LensDb> {
  return openWorkspaceDb('north-star-lens', freshFactory());
}

/** A small tree as a PM would set it up: NSM, an input metric with a team metric under it, one idea. */
export async function seedTree(db: LensDb, name = 'Acme') {
  const tree = await createTree(db, { name, game: 'productivity' });
  const nsm = await createMetric(db, { treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await createMetric(db, {
    treeId: tree.id,
    role: 'input',
    name: 'Teams inviting a colleague',
    ownerTeam: 'Growth',
  });
  const team = await createMetric(db, { treeId: tree.id, role: 'team', name: 'Invites sent', parentId: input.id });
  const item = await createItem(db, {
    treeId: tree.id,
    title: 'Invite from the share dialog',
    links: [{ site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' }],
    inputMetricId: input.id,
  });
  return { tree, nsm, input, team, item };
}

/** Everything stored, without the export time: equal before and after means nothing changed. */
export async function storedData(db: LensDb) {
  const { exportedAt: _when, ...data } = await exportWorkspace(db);
  return data;
}
