import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ExperimentSchema,
  KeyResultSchema,
  MetricThresholdsSchema,
  NsmWorksheetSchema,
  ShipmentSchema,
} from '../../lib/domain/loop-schemas';
import { issuePath } from '../../lib/domain/schemas';
import { CANDIDATE_CRITERIA, type KeyResult, type NsmWorksheet } from '../../lib/domain/loop-types';

/** Each refusal as "path: message", the way a form shows it beside the field. */
function refusals(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value);
  return result.success ? [] : result.issues.map((i) => `${issuePath(i)}: ${i.message}`);
}

const worksheet = (): NsmWorksheet => ({
  id: 'w',
  treeId: 't1',
  valueEvents: [
    { id: 'e1', text: 'A guest checks in', ratings: { frequency: 3, measurability: 5, growthCorrelation: 4 } },
  ],
  candidates: [
    {
      id: 'c1',
      name: 'Nights booked',
      definition: '',
      unit: 'nights',
      period: 'week',
      category: 'consumption',
      valueEventIds: ['e1'],
      teams: ['Search', 'Supply', 'Growth'],
      scores: Object.fromEntries(CANDIDATE_CRITERIA.map((c) => [c, null])) as NsmWorksheet['candidates'][0]['scores'],
    },
  ],
  chosenCandidateId: 'c1',
  updatedAt: 0,
});

describe('NsmWorksheetSchema', () => {
  it('accepts a worksheet in progress', () => {
    expect(refusals(NsmWorksheetSchema, worksheet())).toEqual([]);
  });

  it('refuses a rating out of range at its field', () => {
    const w = worksheet();
    w.valueEvents[0]!.ratings.frequency = 6;
    expect(refusals(NsmWorksheetSchema, w)).toEqual([
      'valueEvents[0].ratings.frequency: must be a whole number from 1 to 5',
    ]);
  });

  it('keeps to 10 value events and a chosen candidate that is on the sheet', () => {
    const w = worksheet();
    const e = w.valueEvents[0]!;
    w.valueEvents = Array.from({ length: 11 }, (_, i) => ({ ...e, id: `e${i}` }));
    expect(refusals(NsmWorksheetSchema, w)).toEqual([
      'valueEvents: collect at most 10 value events: keep the strongest',
    ]);
    expect(refusals(NsmWorksheetSchema, { ...worksheet(), chosenCandidateId: 'gone' })).toEqual([
      ': the chosen candidate is not on the worksheet',
    ]);
  });

  it('refuses unknown keys, as every stored record does', () => {
    expect(refusals(NsmWorksheetSchema, { ...worksheet(), extra: 1 })).toHaveLength(1);
  });
});

describe('KeyResultSchema', () => {
  const kr: KeyResult = {
    id: 'kr',
    treeId: 't1',
    quarter: '2025-Q1',
    metricId: 'conv',
    team: 'Product',
    baseline: 22,
    target: 35,
    due: '2025-03-31',
    updatedAt: 0,
  };

  it('accepts a valid key result and refuses a bad one at the field, with the domain reason', () => {
    expect(refusals(KeyResultSchema, kr)).toEqual([]);
    expect(refusals(KeyResultSchema, { ...kr, target: 22, due: '2025-05-01' })).toEqual([
      'target: The target equals the baseline: a key result says how far the metric should move',
      'due: The due date must fall in 2025-Q1 (2025-01-01 to 2025-03-31)',
    ]);
  });
});

describe('MetricThresholdsSchema, ShipmentSchema, ExperimentSchema', () => {
  it('refuses an amber band beyond 100%', () => {
    expect(refusals(MetricThresholdsSchema, { metricId: 'm', direction: 'down', amberWithin: 0.1 })).toEqual([]);
    expect(refusals(MetricThresholdsSchema, { metricId: 'm', direction: 'up', amberWithin: 2 })).toEqual([
      'amberWithin: The amber band is a share of the target from 0% to 100% (10% = amber within 10% of the target)',
    ]);
  });

  it('refuses a ship date that does not exist', () => {
    const shipment = { id: 's', treeId: 't1', itemId: 'i', at: '2025-02-12', updatedAt: 0 };
    expect(refusals(ShipmentSchema, shipment)).toEqual([]);
    expect(refusals(ShipmentSchema, { ...shipment, at: '2025-02-30' })).toEqual(['at: must be a date that exists']);
  });

  it('refuses an experiment that ends before it starts', () => {
    const experiment = {
      id: 'x',
      treeId: 't1',
      itemId: null,
      title: 'Bigger photos',
      hypothesis: 'Guests book more when they see the room',
      inputMetricId: 'conv',
      startedAt: '2025-01-15',
      endedAt: '2025-02-15',
      movedInput: 'yes',
      movedNsm: 'unclear',
      note: '',
      updatedAt: 0,
    };
    expect(refusals(ExperimentSchema, experiment)).toEqual([]);
    expect(refusals(ExperimentSchema, { ...experiment, endedAt: '2025-01-01' })).toEqual([
      'endedAt: The experiment cannot end before it started',
    ]);
    expect(refusals(ExperimentSchema, { ...experiment, movedNsm: 'maybe' })).toHaveLength(1);
  });
});
