import { beforeEach, describe, expect, it } from 'vitest';
import { handle, type StoredRequestType } from '../../lib/background/dispatch';
import type { RequestOf } from '../../lib/messaging/protocol';
import { StorageError, type LensDb } from '../../lib/storage';
import { freshDb, storedData } from '../storage/fresh-db';

let db: LensDb;
const handled = <T extends StoredRequestType>(request: RequestOf<T>) => handle(db, request);
const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handled(request)).value;

async function seed() {
  const tree = await call({ type: 'tree.create', name: 'Product' });
  const nsm = await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Bookings' });
  const input = await call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: 'Search-to-book conversion',
    fields: { unit: '%' },
  });
  const item = await call({
    type: 'item.create',
    treeId: tree.id,
    title: 'Faster search',
    links: [{ site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' }],
    inputMetricId: input.id,
  });
  return { tree, nsm, input, item };
}

const SCORES = {
  customerValue: 5,
  leadsGrowth: 5,
  reflectsStrategy: 4,
  expressesValue: null,
  representsStrategy: null,
  leadingIndicator: null,
  actionable: null,
  understandable: null,
  measurable: null,
};

beforeEach(async () => {
  db = await freshDb();
});

describe('the team loop through the background', () => {
  it('reads an empty loop for a new tree', async () => {
    const { tree } = await seed();
    expect(await call({ type: 'loop.get', treeId: tree.id })).toEqual({
      worksheet: null,
      keyResults: [],
      thresholds: [],
      shipments: [],
      experiments: [],
      reviewNotes: [],
    });
  });

  it('saves a worksheet, chooses a candidate as the NSM, and names the parts each write changed', async () => {
    const { tree, nsm } = await seed();
    const saved = await handled({
      type: 'worksheet.save',
      treeId: tree.id,
      valueEvents: [
        { id: 've1', text: 'A guest checks in', ratings: { frequency: 3, measurability: 5, growthCorrelation: 4 } },
      ],
      candidates: [
        {
          id: 'c1',
          name: 'Nights booked',
          definition: 'Nights of booked stays that happen',
          unit: 'nights',
          period: 'week',
          category: 'consumption',
          valueEventIds: ['ve1'],
          teams: ['Search', 'Supply'],
          scores: SCORES,
        },
      ],
    });
    expect(saved.changed).toEqual(['worksheets']);
    const chosen = await handled({ type: 'worksheet.choose', treeId: tree.id, candidateId: 'c1' });
    expect(chosen.changed).toEqual(['worksheets', 'metrics', 'history']);
    expect(chosen.value.nsm).toMatchObject({ id: nsm.id, name: 'Nights booked', unit: 'nights' });
    const history = (await call({ type: 'snapshot.get', treeId: tree.id })).history;
    expect(history.map((h) => `${h.from} -> ${h.to}`)).toEqual(['Bookings -> Nights booked']);
    expect((await call({ type: 'loop.get', treeId: tree.id })).worksheet?.chosenCandidateId).toBe('c1');
  });

  it('keeps key results, thresholds, ship dates and experiments, and reads them back in one request', async () => {
    const { tree, input, item } = await seed();
    const kr = await call({
      type: 'keyResult.create',
      treeId: tree.id,
      quarter: '2025-Q1',
      metricId: input.id,
      team: 'Product',
      baseline: 22,
      target: 35,
      due: '2025-03-31',
    });
    await call({ type: 'thresholds.set', metricId: input.id, rule: { direction: 'up', amberWithin: 0.05 } });
    const shipped = await call({ type: 'shipment.set', itemId: item.id, at: '2025-02-10' });
    const experiment = await call({
      type: 'experiment.create',
      treeId: tree.id,
      title: 'Instant results',
      inputMetricId: input.id,
      startedAt: '2025-01-13',
      hypothesis: 'Results as you type raise conversion',
      fields: { itemId: item.id },
    });
    const concluded = await call({
      type: 'experiment.update',
      id: experiment.id,
      patch: { endedAt: '2025-02-03', movedInput: 'yes', movedNsm: 'unclear' },
    });
    expect(await call({ type: 'loop.get', treeId: tree.id })).toEqual({
      worksheet: null,
      keyResults: [kr],
      thresholds: [{ metricId: input.id, direction: 'up', amberWithin: 0.05 }],
      shipments: [shipped],
      experiments: [concluded],
      reviewNotes: [],
    });
  });

  it('refuses an impossible key result at the field, with the reason, storing nothing', async () => {
    const { tree, input } = await seed();
    const before = await storedData(db);
    const failure = await call({
      type: 'keyResult.create',
      treeId: tree.id,
      quarter: '2025-Q1',
      metricId: input.id,
      team: 'Product',
      baseline: 22,
      target: 22,
      due: '2025-03-31',
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ path: 'target', message: expect.stringContaining('equals the baseline') });
    expect(await storedData(db)).toEqual(before);
  });

  it('deleting the tree takes its loop records, and says so in the change notice', async () => {
    const { tree, input, item } = await seed();
    await call({ type: 'thresholds.set', metricId: input.id, rule: { direction: 'down', amberWithin: 0.1 } });
    await call({ type: 'shipment.set', itemId: item.id, at: '2025-02-10' });
    const deleted = await handled({ type: 'tree.delete', id: tree.id });
    expect(deleted.changed).toEqual(expect.arrayContaining(['thresholds', 'shipments', 'experiments']));
    const { thresholds, shipments } = await storedData(db);
    expect({ thresholds, shipments }).toEqual({ thresholds: [], shipments: [] });
  });
});
