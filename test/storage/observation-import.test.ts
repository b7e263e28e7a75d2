import { describe, expect, it } from 'vitest';
import {
  addObservation,
  getSettings,
  importValues,
  listObservations,
  previewValueImport,
  StorageError,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

const values = [
  { at: '2024-03-03', value: 10 },
  { at: '2024-03-10', value: 12 },
  { at: '2024-03-17', value: 15 },
];

describe('importValues', () => {
  it('adds new dates, updates a date already holding a value, and says so before and after', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    const earlier = await addObservation(db, { metricId: nsm.id, at: '2024-03-10', value: 11 });
    const preview = await previewValueImport(db, { metricId: nsm.id, values });
    expect(preview).toEqual({ added: 2, changed: 1, unchanged: 0 });
    expect(await importValues(db, { metricId: nsm.id, values })).toEqual(preview);
    const stored = await listObservations(db, nsm.id);
    expect(stored.map((o) => [o.at, o.value])).toEqual([
      ['2024-03-03', 10],
      ['2024-03-10', 12],
      ['2024-03-17', 15],
    ]);
    expect(stored[1]!.id).toBe(earlier.id);
  });

  it('changes nothing the second time', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    await importValues(db, { metricId: nsm.id, values });
    const before = await storedData(db);
    expect(await importValues(db, { metricId: nsm.id, values })).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await storedData(db)).toEqual(before);
  });

  it('remembers the mapping in the settings, in the same transaction', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    const mapping = { series: 'Users', metricId: nsm.id, method: 'sum' as const };
    await importValues(db, { metricId: nsm.id, values }, { kind: 'values', key: 'table:Users', mapping });
    expect((await getSettings(db)).importMappings).toEqual({ values: { 'table:Users': mapping }, items: {} });
  });

  it('refuses values for a metric that does not exist and writes nothing', async () => {
    const db = await freshDb();
    await seedTree(db);
    const before = await storedData(db);
    await expect(importValues(db, { metricId: 'gone', values })).rejects.toBeInstanceOf(StorageError);
    expect(await storedData(db)).toEqual(before);
  });
});
