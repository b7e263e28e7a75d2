import { describe, expect, it } from 'vitest';
import {
  bandSentence,
  beforeAfter,
  confidenceBand,
  confidenceVsOutcomes,
  experimentProblems,
  outcomePeriodsProblem,
  quarterWinRates,
  shipDateToRecord,
} from '../../lib/domain/outcomes';
import type { Experiment, ExperimentResult } from '../../lib/domain/loop-types';
import { item, metric, observation } from './builders';

function experiment(id: string, fields: Partial<Experiment> = {}): Experiment {
  return {
    id,
    treeId: 't1',
    itemId: null,
    title: id,
    hypothesis: '',
    inputMetricId: 'conv',
    startedAt: '2025-01-15',
    endedAt: '2025-02-15',
    movedInput: null,
    movedNsm: null,
    note: '',
    updatedAt: 0,
    ...fields,
  };
}

describe('shipDateToRecord', () => {
  it('records today the first time an item becomes shipped, and only then', () => {
    expect(shipDateToRecord({ status: 'in-progress' }, { status: 'shipped' }, '2025-02-12', false)).toBe('2025-02-12');
    expect(shipDateToRecord(null, { status: 'shipped' }, '2025-02-12', false)).toBe('2025-02-12');
    expect(shipDateToRecord({ status: 'shipped' }, { status: 'shipped' }, '2025-02-12', false)).toBeNull();
    expect(shipDateToRecord({ status: 'planned' }, { status: 'shipped' }, '2025-02-12', true)).toBeNull();
    expect(shipDateToRecord({ status: 'planned' }, { status: 'in-progress' }, '2025-02-12', false)).toBeNull();
  });
});

describe('outcomePeriodsProblem', () => {
  it.each([1, 4, 26])('accepts %s', (n) => expect(outcomePeriodsProblem(n)).toBeNull());
  it.each([0, 27, 2.5, Number.NaN])('refuses %s with the reason', (n) => {
    expect(outcomePeriodsProblem(n)).toBe('Compare over a whole number of periods from 1 to 26');
  });
});

describe('beforeAfter', () => {
  const conv = metric({ id: 'conv', role: 'input' });
  // Shipped Wednesday 12 Feb (2025-W07); today 5 Mar is in W10, not over yet.
  const observations = [
    observation('conv', '2025-01-13', 100), // W03
    observation('conv', '2025-01-20', 110), // W04; W05 has no value
    observation('conv', '2025-02-03', 120), // W06
    observation('conv', '2025-02-12', 500), // W07: the shipping week, left out
    observation('conv', '2025-02-17', 130), // W08
    observation('conv', '2025-02-24', 150), // W09
    observation('conv', '2025-03-03', 999), // W10: unfinished, left out
  ];

  it('compares the means of the periods it has, and says how many, when fewer than N exist', () => {
    const result = beforeAfter('2025-02-12', conv, observations, '2025-03-05');
    // before: (100 + 110 + 120) / 3 = 110 over 3 of 4 weeks; after: (130 + 150) / 2 = 140 over 2 of 4
    expect(result.before).toEqual({ mean: 110, periods: 3, wanted: 4 });
    expect(result.after).toEqual({ mean: 140, periods: 2, wanted: 4 });
    expect(result.change).toBe(30);
    expect(result.caveat).toBe(
      "Before and after is not cause and effect: other releases, seasonality, marketing and the metric's own " +
        'noise move it too. Based on 3 of 4 weeks before and 2 of 4 after (the week it shipped in is left out).',
    );
  });

  it('uses the N the user chose', () => {
    const result = beforeAfter('2025-02-12', conv, observations, '2025-03-05', 2);
    expect(result.before).toEqual({ mean: 120, periods: 1, wanted: 2 });
    expect(result.after).toEqual({ mean: 140, periods: 2, wanted: 2 });
  });

  it('has no change to show the day after shipping', () => {
    const result = beforeAfter('2025-02-12', conv, observations, '2025-02-13');
    expect(result.after).toEqual({ mean: null, periods: 0, wanted: 4 });
    expect(result.change).toBeNull();
  });
});

describe('quarterWinRates', () => {
  const results = (input: (ExperimentResult | null)[], nsm: (ExperimentResult | null)[]) =>
    input.map((r, i) => experiment(`e${i}`, { movedInput: r, movedNsm: nsm[i] ?? null }));

  it("matches the playbook's example: 12 experiments, 60% moved their input metric, 40% the NSM", () => {
    const y = 'yes' as const;
    const n = 'no' as const;
    const u = 'unclear' as const;
    const quarter = results([y, y, y, y, y, y, n, n, n, u, null, null], [y, y, y, y, n, n, n, n, u, u, null, null]);
    const other = experiment('q2', { startedAt: '2025-04-01', movedInput: 'yes', movedNsm: 'yes' });
    const rates = quarterWinRates([...quarter, other], '2025-Q1');
    // input: 6 yes of 10 with a result = 60%; NSM: 4 of 10 = 40%; 2 still running
    expect(rates).toMatchObject({
      count: 12,
      running: 2,
      input: { moved: 6, decided: 10, rate: 0.6 },
      nsm: { moved: 4, decided: 10, rate: 0.4 },
    });
    expect(rates.message).toBe(
      '2025-Q1: 12 experiments: 60% moved their input metric (of 10 with a result), 40% the North Star (of 10); ' +
        '2 still running.',
    );
  });

  it('has no rate before any result', () => {
    const rates = quarterWinRates([experiment('only')], '2025-Q1');
    expect(rates.input.rate).toBeNull();
    expect(rates.message).toBe('2025-Q1: 1 experiment, none with a result yet; 1 still running.');
  });
});

describe('experimentProblems', () => {
  const ok = { title: 'Bigger photos', startedAt: '2025-01-15', endedAt: null, movedInput: null, movedNsm: null };
  it('accepts a running experiment and refuses impossible ones with the reason', () => {
    expect(experimentProblems(ok)).toEqual({});
    expect(experimentProblems({ ...ok, title: '' }).title).toBe('Give the experiment a name');
    expect(experimentProblems({ ...ok, startedAt: '2025-02-30' }).startedAt).toMatch(/date that exists/);
    expect(experimentProblems({ ...ok, endedAt: '2025-01-14' }).endedAt).toBe(
      'The experiment cannot end before it started',
    );
    expect(experimentProblems({ ...ok, movedInput: 'yes' }).movedInput).toMatch(/when the experiment ended/);
  });
});

describe('confidenceVsOutcomes', () => {
  it('bands confidence by the nearest named level', () => {
    expect([1, 0.95, 0.9, 0.8, 0.7, 0.65, 0.5, null].map(confidenceBand)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'medium',
      'low',
      'low',
      'not-estimated',
    ]);
  });

  it('says how often high-confidence items delivered, by their latest concluded experiment', () => {
    const items = [
      item({ id: 'a', rice: { confidence: 1 } }),
      item({ id: 'b', rice: { confidence: 1 } }),
      item({ id: 'c', rice: { confidence: 1 } }),
      item({ id: 'd', rice: { confidence: 0.8 } }),
      item({ id: 'e', rice: { confidence: 0.5 } }),
      item({ id: 'f', rice: { confidence: null } }),
      item({ id: 'g', rice: { confidence: 1 } }),
    ];
    const experiments = [
      experiment('xa', { itemId: 'a', movedInput: 'yes' }),
      experiment('xb', { itemId: 'b', movedInput: 'no' }),
      experiment('xc1', { itemId: 'c', movedInput: 'no', endedAt: '2025-01-10', startedAt: '2025-01-01' }),
      experiment('xc2', { itemId: 'c', movedInput: 'yes', endedAt: '2025-02-10' }),
      experiment('xd', { itemId: 'd', movedInput: 'unclear' }),
      experiment('xe', { itemId: 'e', movedInput: 'yes' }),
      experiment('xf', { itemId: 'f', movedInput: 'yes' }),
      experiment('xg', { itemId: 'g', movedInput: null, endedAt: null }),
    ];
    const bands = confidenceVsOutcomes(items, experiments);
    expect(bands.map((b) => [b.band, b.delivered, b.items])).toEqual([
      ['high', 2, 3],
      ['medium', 0, 1],
      ['low', 1, 1],
      ['not-estimated', 1, 1],
    ]);
    expect(bands.map(bandSentence)).toEqual([
      'High-confidence items: 2 of 3 moved their input metric (67%).',
      'Medium-confidence items: 0 of 1 moved their input metric (0%).',
      'Low-confidence items: 1 of 1 moved their input metric (100%).',
      'Items without a confidence estimate: 1 of 1 moved their input metric (100%).',
    ]);
    expect(bandSentence({ band: 'high', items: 0, delivered: 0, rate: null })).toBe(
      'High-confidence items have no concluded experiment yet.',
    );
  });
});
