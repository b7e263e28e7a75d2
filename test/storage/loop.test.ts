import { describe, expect, it } from 'vitest';
import type { NsmCandidate, ValueEvent } from '../../lib/domain/loop-types';
import {
  StorageError,
  chooseCandidate,
  createExperiment,
  createKeyResult,
  deleteItem,
  deleteKeyResult,
  deleteMetric,
  getWorksheet,
  listHistory,
  listMetrics,
  readTreeLoop,
  saveWorksheet,
  setShipDate,
  setThresholds,
  updateExperiment,
  updateKeyResult,
  type LensDb,
} from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

const NO_RATINGS = { frequency: null, measurability: null, growthCorrelation: null };

function event(id: string, text: string): ValueEvent {
  return { id, text, ratings: { ...NO_RATINGS, frequency: 4 } };
}

function candidate(id: string, name: string): NsmCandidate {
  return {
    id,
    name,
    definition: `${name}, counted weekly`,
    unit: 'teams',
    period: 'week',
    category: 'engagement',
    valueEventIds: ['ve1'],
    teams: ['Growth'],
    scores: {
      customerValue: 5,
      leadsGrowth: 4,
      reflectsStrategy: null,
      expressesValue: null,
      representsStrategy: null,
      leadingIndicator: null,
      actionable: null,
      understandable: null,
      measurable: null,
    },
  };
}

async function refused(write: Promise<unknown>, path: string): Promise<void> {
  const failure = await write.catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(StorageError);
  expect((failure as StorageError).path).toBe(path);
}

/** Writing refuses `write` at `path` and nothing stored changes. */
async function refusedUnchanged(db: LensDb, write: () => Promise<unknown>, path: string): Promise<void> {
  const before = await storedData(db);
  await refused(write(), path);
  expect(await storedData(db)).toEqual(before);
}

const KR = { quarter: '2025-Q1', team: 'Growth', baseline: 10, target: 25, due: '2025-03-31' };

describe('the NSM worksheet', () => {
  it('is saved once per tree: a second save replaces the first, keeping its id', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const first = await saveWorksheet(db, {
      treeId: tree.id,
      valueEvents: [event('ve1', 'A board shipped')],
      candidates: [],
    });
    const second = await saveWorksheet(db, {
      treeId: tree.id,
      valueEvents: [event('ve1', 'A board shipped'), event('ve2', 'A colleague joined')],
      candidates: [candidate('c1', 'Weekly active boards')],
    });
    expect(second.id).toBe(first.id);
    expect(await getWorksheet(db, tree.id)).toEqual(second);
  });

  it('refuses an impossible rating at its path, storing nothing', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const bad = { ...event('ve1', 'A board shipped'), ratings: { ...NO_RATINGS, measurability: 7 } };
    await refusedUnchanged(
      db,
      () => saveWorksheet(db, { treeId: tree.id, valueEvents: [bad], candidates: [] }),
      'valueEvents[0].ratings.measurability',
    );
  });

  it('choosing a candidate renames the NSM, records the change and keeps the worksheet', async () => {
    const db = await freshDb();
    const { tree, nsm } = await seedTree(db);
    await saveWorksheet(db, {
      treeId: tree.id,
      valueEvents: [event('ve1', 'A board shipped')],
      candidates: [candidate('c1', 'Weekly active boards')],
    });
    const { worksheet, nsm: chosen } = await chooseCandidate(db, tree.id, 'c1');
    expect(worksheet.chosenCandidateId).toBe('c1');
    expect(chosen).toMatchObject({ id: nsm.id, name: 'Weekly active boards', unit: 'teams', period: 'week' });
    expect((await listMetrics(db, tree.id)).filter((m) => m.role === 'nsm')).toEqual([chosen]);
    expect((await listHistory(db, tree.id)).map((h) => [h.from, h.to])).toEqual([
      ['Weekly active teams', 'Weekly active boards'],
    ]);
    expect((await getWorksheet(db, tree.id))?.candidates).toHaveLength(1);
  });

  it('refuses to choose a candidate that is not on the worksheet', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    await saveWorksheet(db, { treeId: tree.id, valueEvents: [], candidates: [candidate('c1', 'Weekly boards')] });
    await refusedUnchanged(db, () => chooseCandidate(db, tree.id, 'c9'), 'candidateId');
  });
});

describe('key results', () => {
  it('are created on a metric of the tree, changed field by field, and deleted', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    const kr = await createKeyResult(db, { ...KR, treeId: tree.id, metricId: input.id });
    const changed = await updateKeyResult(db, kr.id, { target: 30 });
    expect(changed).toMatchObject({ ...KR, target: 30, metricId: input.id });
    expect((await readTreeLoop(db, tree.id)).keyResults).toEqual([changed]);
    await deleteKeyResult(db, kr.id);
    expect((await readTreeLoop(db, tree.id)).keyResults).toEqual([]);
  });

  it('refuse a target equal to the baseline, a due date outside the quarter, a metric of another tree', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    const other = await seedTree(db, 'Other');
    const fields = { ...KR, treeId: tree.id, metricId: input.id };
    await refusedUnchanged(db, () => createKeyResult(db, { ...fields, target: 10 }), 'target');
    await refusedUnchanged(db, () => createKeyResult(db, { ...fields, due: '2025-05-01' }), 'due');
    await refusedUnchanged(db, () => createKeyResult(db, { ...fields, metricId: other.input.id }), 'metricId');
  });
});

describe('thresholds', () => {
  it('are set per metric, refused outside 0% to 100%, and cleared back to the default', async () => {
    const db = await freshDb();
    const { tree, input } = await seedTree(db);
    await setThresholds(db, input.id, { direction: 'down', amberWithin: 0.2 });
    expect((await readTreeLoop(db, tree.id)).thresholds).toEqual([
      { metricId: input.id, direction: 'down', amberWithin: 0.2 },
    ]);
    await refusedUnchanged(db, () => setThresholds(db, input.id, { direction: 'up', amberWithin: 1.5 }), 'amberWithin');
    await setThresholds(db, input.id, null);
    expect((await readTreeLoop(db, tree.id)).thresholds).toEqual([]);
  });
});

describe('ship dates and experiments', () => {
  it('keep one ship date per item, corrected in place', async () => {
    const db = await freshDb();
    const { tree, item } = await seedTree(db);
    const first = await setShipDate(db, item.id, '2025-02-03');
    const corrected = await setShipDate(db, item.id, '2025-02-04');
    expect(corrected?.id).toBe(first?.id);
    expect((await readTreeLoop(db, tree.id)).shipments).toEqual([corrected]);
    await refusedUnchanged(db, () => setShipDate(db, item.id, '2025-02-31'), 'at');
  });

  it('record an experiment, refuse results before it ended, then conclude it', async () => {
    const db = await freshDb();
    const { tree, input, item } = await seedTree(db);
    const started = await createExperiment(db, {
      treeId: tree.id,
      itemId: item.id,
      title: 'Invite prompt',
      hypothesis: 'More invites',
      inputMetricId: input.id,
      startedAt: '2025-01-06',
    });
    expect(started).toMatchObject({ endedAt: null, movedInput: null, movedNsm: null, note: '' });
    await refusedUnchanged(db, () => updateExperiment(db, started.id, { movedInput: 'yes' }), 'movedInput');
    await refusedUnchanged(db, () => updateExperiment(db, started.id, { endedAt: '2025-01-01' }), 'endedAt');
    const done = await updateExperiment(db, started.id, { endedAt: '2025-01-27', movedInput: 'yes', movedNsm: 'no' });
    expect((await readTreeLoop(db, tree.id)).experiments).toEqual([done]);
  });

  it('deleting a metric takes its key results, thresholds and experiments; deleting an item its ship date', async () => {
    const db = await freshDb();
    const { tree, input, item, nsm } = await seedTree(db);
    await createKeyResult(db, { ...KR, treeId: tree.id, metricId: input.id });
    await setThresholds(db, input.id, { direction: 'up', amberWithin: 0.1 });
    await setThresholds(db, nsm.id, { direction: 'up', amberWithin: 0.3 });
    const experiment = await createExperiment(db, {
      treeId: tree.id,
      itemId: item.id,
      title: 'On the NSM',
      hypothesis: '',
      inputMetricId: nsm.id,
      startedAt: '2025-01-06',
    });
    await setShipDate(db, item.id, '2025-02-03');
    await deleteMetric(db, input.id);
    const afterMetric = await readTreeLoop(db, tree.id);
    expect(afterMetric.keyResults).toEqual([]);
    expect(afterMetric.thresholds.map((t) => t.metricId)).toEqual([nsm.id]);
    expect(afterMetric.experiments.map((e) => e.id)).toEqual([experiment.id]);
    await deleteItem(db, item.id);
    const afterItem = await readTreeLoop(db, tree.id);
    expect(afterItem.shipments).toEqual([]);
    expect(afterItem.experiments[0]?.itemId).toBeNull();
  });
});
