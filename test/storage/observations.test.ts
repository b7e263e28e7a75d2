import { afterEach, describe, expect, it, vi } from 'vitest';
import { addObservation, listObservations } from '../../lib/storage';
import { freshDb, seedTree } from './fresh-db';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('addObservation', () => {
  it('records a value of a metric on a date', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const observation = await addObservation(db, {
      metricId: nsm.id,
      at: '2024-03-04',
      value: 1234,
      sourceUrl: 'https://app.amplitude.com/chart/abc',
      note: 'read off the chart',
    });
    expect(observation).toEqual({
      id: expect.any(String),
      metricId: nsm.id,
      at: '2024-03-04',
      value: 1234,
      sourceUrl: 'https://app.amplitude.com/chart/abc',
      note: 'read off the chart',
      updatedAt: 1_000,
    });
    expect(await listObservations(db, nsm.id)).toEqual([observation]);
  });

  it('leaves the source and note empty when not given', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    expect(await addObservation(db, { metricId: nsm.id, at: '2024-03-04', value: 1 })).toMatchObject({
      sourceUrl: '',
      note: '',
    });
  });

  it('corrects the value when the same date is recorded again, keeping one point per date', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    const first = await addObservation(db, { metricId: nsm.id, at: '2024-03-04', value: 1 });
    const again = await addObservation(db, { metricId: nsm.id, at: '2024-03-04', value: 2 });
    expect(again.id).toBe(first.id);
    expect((await listObservations(db, nsm.id)).map((o) => o.value)).toEqual([2]);
  });

  it.each([
    [{ metricId: 'gone' }, 'metricId'],
    [{ at: '2024-13-01' }, 'at'],
    [{ value: Number.POSITIVE_INFINITY }, 'value'],
    [{ sourceUrl: 'chart abc' }, 'sourceUrl'],
  ])('refuses %o', async (bad, path) => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    await expect(addObservation(db, { metricId: nsm.id, at: '2024-03-04', value: 1, ...bad })).rejects.toMatchObject({
      code: 'invalid',
      path,
    });
    expect(await listObservations(db, nsm.id)).toEqual([]);
  });
});

describe('listObservations', () => {
  it("lists one metric's values, oldest date first", async () => {
    const db = await freshDb();
    const { nsm, input } = await seedTree(db);
    for (const at of ['2024-02-01', '2023-12-31', '2024-01-15'])
      await addObservation(db, { metricId: nsm.id, at, value: 1 });
    await addObservation(db, { metricId: input.id, at: '2024-01-01', value: 9 });
    expect((await listObservations(db, nsm.id)).map((o) => o.at)).toEqual(['2023-12-31', '2024-01-15', '2024-02-01']);
  });

  it('does not mix in a metric whose id starts with the same characters', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    await addObservation(db, { metricId: nsm.id, at: '2024-01-01', value: 1 });
    expect(await listObservations(db, nsm.id.slice(0, 8))).toEqual([]);
  });

  it('answers no values for an unknown metric', async () => {
    const db = await freshDb();
    expect(await listObservations(db, 'gone')).toEqual([]);
  });
});
