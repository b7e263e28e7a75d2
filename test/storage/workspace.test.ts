import { describe, expect, it } from 'vitest';
import { EMPTY_SETTINGS } from '../../lib/domain/types';
import { parseWorkspaceFile } from '../../lib/domain/workspace-file';
import {
  addObservation,
  clearWorkspace,
  exportWorkspace,
  findItemsByLinks,
  getSettings,
  listTrees,
  updateSettings,
} from '../../lib/storage';
import { freshDb, seedTree } from './fresh-db';

describe('exportWorkspace', () => {
  it('writes every store as a format 2 North Star Lens file, dated now', async () => {
    const db = await freshDb();
    const { tree, nsm, input, team, item } = await seedTree(db);
    const observation = await addObservation(db, { metricId: nsm.id, at: '2024-01-01', value: 10 });
    const before = Date.now();
    const file = await exportWorkspace(db);
    expect(file.formatVersion).toBe(2);
    expect(file.app).toBe('north-star-lens');
    expect(Date.parse(file.exportedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(file.trees).toEqual([tree]);
    expect(file.metrics).toHaveLength(3);
    expect(file.metrics).toEqual(expect.arrayContaining([nsm, input, team]));
    expect(file.items).toEqual([item]);
    expect(file.observations).toEqual([observation]);
    expect(file.settings).toEqual({ ...EMPTY_SETTINGS, activeTreeId: tree.id });
  });

  it('leaves out the fields only storage uses', async () => {
    const db = await freshDb();
    await seedTree(db);
    const [item] = (await exportWorkspace(db)).items;
    expect(Object.keys(item ?? {})).not.toContain('linkKeys');
  });

  it('is a file the importer accepts', async () => {
    const db = await freshDb();
    await seedTree(db);
    expect(parseWorkspaceFile(JSON.parse(JSON.stringify(await exportWorkspace(db)))).ok).toBe(true);
  });
});

describe('clearWorkspace', () => {
  it('deletes every record and the settings', async () => {
    const db = await freshDb();
    const { item } = await seedTree(db);
    await updateSettings(db, { disabledSites: ['jira'] });
    await clearWorkspace(db);
    const file = await exportWorkspace(db);
    expect([file.trees, file.metrics, file.observations, file.items, file.reviews, file.history]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(await getSettings(db)).toEqual(EMPTY_SETTINGS);
    expect((await findItemsByLinks(db, item.links)).size).toBe(0);
    expect(await listTrees(db)).toEqual([]);
  });
});
