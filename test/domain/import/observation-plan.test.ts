import { describe, expect, it } from 'vitest';
import { planObservations } from '../../../lib/domain/import/observation-plan';
import type { Observation } from '../../../lib/domain/types';

function observation(at: string, value: number, metricId = 'm'): Observation {
  return { id: `${metricId}-${at}`, metricId, at, value, sourceUrl: '', note: '', updatedAt: 0 };
}

describe('planObservations', () => {
  const existing = [
    observation('2023-03-20', 10),
    observation('2023-03-27', 12),
    observation('2023-03-20', 99, 'other'),
  ];

  it('says which dates are new, which change and which stay, for this metric only', () => {
    const plan = planObservations(
      [
        { date: '2023-03-20', value: 10 },
        { date: '2023-03-27', value: 13 },
        { date: '2023-04-03', value: 15 },
      ],
      existing,
      'm',
    );
    expect(plan.added).toEqual([{ date: '2023-04-03', value: 15 }]);
    expect(plan.changed).toEqual([{ date: '2023-03-27', value: 13, existing: existing[1] }]);
    expect(plan.unchanged).toEqual([{ date: '2023-03-20', value: 10, existing: existing[0] }]);
  });

  it('plans nothing new when the same values are imported again', () => {
    const points = [
      { date: '2023-03-20', value: 10 },
      { date: '2023-03-27', value: 12 },
    ];
    const plan = planObservations(points, existing, 'm');
    expect(plan.added).toEqual([]);
    expect(plan.changed).toEqual([]);
    expect(plan.unchanged).toHaveLength(2);
  });

  it('writes nothing for a point with no value, even over an existing one', () => {
    const plan = planObservations([{ date: '2023-03-20', value: null }], existing, 'm');
    expect(plan).toMatchObject({ added: [], changed: [], unchanged: [], empty: ['2023-03-20'] });
  });

  it('takes the last of repeated dates and says which dates repeated', () => {
    const plan = planObservations(
      [
        { date: '2023-05-01', value: 1 },
        { date: '2023-05-01', value: 2 },
      ],
      [],
      'm',
    );
    expect(plan.added).toEqual([{ date: '2023-05-01', value: 2 }]);
    expect(plan.repeated).toEqual(['2023-05-01']);
  });

  it('treats zero as a value that differs from an existing one', () => {
    expect(planObservations([{ date: '2023-03-20', value: 0 }], existing, 'm').changed).toHaveLength(1);
  });
});
