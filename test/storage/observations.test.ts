import { afterEach, describe, expect, it, vi } from 'vitest';
import { addObservation, listObservations, recordForPeriod, undoRecord, updateMetric } from '../../lib/storage';
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

describe('recordForPeriod: a value captured on a chart page, one per metric and period', () => {
  const chart = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';

  async function weeklyNsm() {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    await updateMetric(db, nsm.id, { period: 'week' });
    return { db, nsm };
  }

  it('adds the value on the day it was captured when its week has none', async () => {
    const { db, nsm } = await weeklyNsm();
    const recorded = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-02', value: 51_870, sourceUrl: chart });
    expect(recorded).toMatchObject({
      outcome: 'added',
      previous: null,
      observation: { at: '2026-12-02', value: 51_870 },
    });
    expect(await listObservations(db, nsm.id)).toEqual([recorded.observation]);
  });

  it('updates the week’s value on a second capture, keeping its date and note, and says what it was', async () => {
    const { db, nsm } = await weeklyNsm();
    const manual = await addObservation(db, { metricId: nsm.id, at: '2026-11-30', value: 49_900, note: 'typed' });
    await addObservation(db, { metricId: nsm.id, at: '2026-11-23', value: 48_000 });
    const recorded = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-06', value: 51_870, sourceUrl: chart });
    expect(recorded.outcome).toBe('updated');
    expect(recorded.previous).toEqual({ value: 49_900, sourceUrl: '', note: 'typed' });
    expect(recorded.observation).toMatchObject({ id: manual.id, at: '2026-11-30', value: 51_870, sourceUrl: chart });
    expect((await listObservations(db, nsm.id)).map((o) => o.value)).toEqual([48_000, 51_870]);
  });

  it('changes nothing when the week already has this value', async () => {
    const { db, nsm } = await weeklyNsm();
    await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-01', value: 51_870, sourceUrl: chart });
    const again = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-03', value: 51_870, sourceUrl: chart });
    expect(again).toMatchObject({ outcome: 'unchanged', previous: null, observation: { at: '2026-12-01' } });
    expect(await listObservations(db, nsm.id)).toHaveLength(1);
  });

  it('counts by day for a metric without a period', async () => {
    const db = await freshDb();
    const { nsm } = await seedTree(db);
    await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-01', value: 1, sourceUrl: chart });
    const next = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-02', value: 2, sourceUrl: chart });
    expect(next.outcome).toBe('added');
    expect(await listObservations(db, nsm.id)).toHaveLength(2);
  });

  it('undo removes an added value and restores an updated one', async () => {
    const { db, nsm } = await weeklyNsm();
    const added = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-02', value: 51_870, sourceUrl: chart });
    expect(await undoRecord(db, added.observation, added.previous)).toBeNull();
    expect(await listObservations(db, nsm.id)).toEqual([]);

    await addObservation(db, { metricId: nsm.id, at: '2026-11-30', value: 49_900, note: 'typed' });
    const updated = await recordForPeriod(db, { metricId: nsm.id, at: '2026-12-02', value: 51_870, sourceUrl: chart });
    await undoRecord(db, updated.observation, updated.previous);
    expect(await listObservations(db, nsm.id)).toMatchObject([
      { at: '2026-11-30', value: 49_900, note: 'typed', sourceUrl: '' },
    ]);
  });

  it('updates the value of a week that began in the previous year, and undoes it there', async () => {
    const { db, nsm } = await weeklyNsm();
    await addObservation(db, { metricId: nsm.id, at: '2026-12-28', value: 49_900 });
    const updated = await recordForPeriod(db, { metricId: nsm.id, at: '2027-01-01', value: 51_870, sourceUrl: chart });
    expect(updated.outcome).toBe('updated');
    expect(await listObservations(db, nsm.id)).toMatchObject([{ at: '2026-12-28', value: 51_870 }]);
    await undoRecord(db, updated.observation, updated.previous);
    expect(await listObservations(db, nsm.id)).toMatchObject([{ at: '2026-12-28', value: 49_900 }]);
  });

  it('refuses a capture for no metric and an undo of a value no longer stored, changing nothing', async () => {
    const { db, nsm } = await weeklyNsm();
    await expect(
      recordForPeriod(db, { metricId: 'ghost', at: '2026-12-02', value: 1, sourceUrl: chart }),
    ).rejects.toThrow(/no metric/);
    await expect(undoRecord(db, { id: 'ghost', metricId: nsm.id, at: '2026-12-02' }, null)).rejects.toThrow(
      /no longer stored/,
    );
    expect(await listObservations(db, nsm.id)).toEqual([]);
  });
});
