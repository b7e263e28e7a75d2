import { describe, expect, it } from 'vitest';
import {
  keyResultDirection,
  keyResultProblems,
  keyResultProgress,
  keyResultSummary,
  lintOkrs,
  objectiveFor,
} from '../../lib/domain/okr';
import type { KeyResult } from '../../lib/domain/loop-types';
import { metric, observation } from './builders';

// 2025-Q1 runs from 1 Jan to 31 Mar: 89 days from its first day to a 31 Mar due date.
const conversion = metric({ id: 'conv', role: 'input', name: 'Search-to-book conversion', unit: '%' });
const tickets = metric({ id: 'tickets', role: 'input', name: 'Support tickets per 1,000 bookings' });

function kr(fields: Partial<KeyResult> = {}): KeyResult {
  return {
    id: 'kr1',
    treeId: 't1',
    quarter: '2025-Q1',
    metricId: 'conv',
    team: 'Product',
    baseline: 22,
    target: 35,
    due: '2025-03-31',
    updatedAt: 0,
    ...fields,
  };
}

describe('keyResultProblems', () => {
  it('accepts a key result that moves its metric within the quarter', () => {
    expect(keyResultProblems(kr())).toEqual({});
  });

  it('refuses impossible values, each with its reason', () => {
    expect(keyResultProblems(kr({ target: 22 })).target).toMatch(/equals the baseline/);
    expect(keyResultProblems(kr({ baseline: Number.NaN })).baseline).toBe('The baseline must be a number');
    expect(keyResultProblems(kr({ target: Number.POSITIVE_INFINITY })).target).toBe('The target must be a number');
    expect(keyResultProblems(kr({ due: '2025-04-01' })).due).toBe(
      'The due date must fall in 2025-Q1 (2025-01-01 to 2025-03-31)',
    );
    expect(keyResultProblems(kr({ due: '2025-02-30' })).due).toMatch(/date that exists/);
    expect(keyResultProblems(kr({ quarter: 'Q1' })).quarter).toBe('The quarter is written like 2025-Q1');
    expect(keyResultProblems(kr({ team: ' ' })).team).toMatch(/Name the team/);
  });
});

describe('objectiveFor', () => {
  it('states the quarter objective from the NSM', () => {
    const nsm = metric({ id: 'nsm', role: 'nsm', name: 'Nights booked', unit: 'nights', target: 12_000 });
    expect(objectiveFor(nsm, '2025-Q1')).toBe('2025-Q1: grow “Nights booked” per week toward 12,000 nights');
  });
});

describe('keyResultProgress, a metric that should rise', () => {
  const at = (value: number) => [
    observation('conv', '2025-02-10', value - 0.5),
    observation('conv', '2025-02-12', value + 0.5),
  ];

  // 14 Feb: 44 of 89 days passed, elapsed = 0.494.
  it('is on track at half way with half the distance covered', () => {
    const p = keyResultProgress(kr(), conversion, at(28.5), '2025-02-14');
    // latest = mean of the week (28 + 29) / 2 = 28.5; progress = (28.5 - 22) / (35 - 22) = 0.5
    expect(p.latest?.value).toBe(28.5);
    expect(p.progress).toBeCloseTo(0.5, 10);
    expect(p.elapsed).toBeCloseTo(44 / 89, 10);
    expect(p.direction).toBe('up');
    expect(p.status).toBe('on-track');
    expect(keyResultSummary(p)).toBe('KR: search-to-book conversion 22% -> 35% by 31 Mar, Product · on track');
  });

  it('is at risk trailing by at most 25 points, off track beyond', () => {
    // (26 - 22) / 13 = 0.308: trails 0.494 by 0.19
    expect(keyResultProgress(kr(), conversion, at(26), '2025-02-14').status).toBe('at-risk');
    // (24 - 22) / 13 = 0.154: trails by 0.34
    expect(keyResultProgress(kr(), conversion, at(24), '2025-02-14').status).toBe('off-track');
  });

  it('is off track once due short of the target, on track once reached', () => {
    const late = [observation('conv', '2025-03-28', 34)];
    expect(keyResultProgress(kr(), conversion, late, '2025-04-02').status).toBe('off-track');
    const reached = [observation('conv', '2025-03-28', 35)];
    expect(keyResultProgress(kr(), conversion, reached, '2025-04-02').status).toBe('on-track');
  });

  it('reads the latest week with values across a gap', () => {
    const gappy = [observation('conv', '2025-01-27', 25), observation('conv', '2025-02-12', 30)];
    const p = keyResultProgress(kr(), conversion, gappy, '2025-02-14');
    expect(p.latest?.key).toBe('2025-W07');
    expect(p.progress).toBeCloseTo(8 / 13, 10);
  });
});

describe('keyResultProgress, a metric that should fall', () => {
  const down = kr({ metricId: 'tickets', team: 'Support', baseline: 12, target: 8 });

  it('reads a lower target as direction down', () => {
    expect(keyResultDirection(down)).toBe('down');
    const p = keyResultProgress(down, tickets, [observation('tickets', '2025-02-12', 10)], '2025-02-14');
    // (10 - 12) / (8 - 12) = 0.5
    expect(p.progress).toBeCloseTo(0.5, 10);
    expect(p.status).toBe('on-track');
    expect(keyResultSummary(p)).toBe('KR: support tickets per 1,000 bookings 12 -> 8 by 31 Mar, Support · on track');
  });

  it('is off track when the metric rises instead', () => {
    const p = keyResultProgress(down, tickets, [observation('tickets', '2025-02-12', 13)], '2025-02-14');
    expect(p.progress).toBeCloseTo(-0.25, 10);
    expect(p.status).toBe('off-track');
  });

  it('is at risk when it moved the wrong way, even early in the quarter', () => {
    // 5 Jan: elapsed 4/89 = 0.045; progress (12.2 - 12) / -4 = -0.05, within 10 points but backwards
    const p = keyResultProgress(down, tickets, [observation('tickets', '2025-01-03', 12.2)], '2025-01-05');
    expect(p.status).toBe('at-risk');
  });
});

describe('a key result with no values', () => {
  it('has no progress and says so, ignoring values from before the quarter', () => {
    const before = [observation('conv', '2024-12-20', 30)];
    const p = keyResultProgress(kr(), conversion, before, '2025-02-14');
    expect(p).toMatchObject({ latest: null, progress: null, status: 'no-values' });
    expect(keyResultSummary(p)).toBe('KR: search-to-book conversion 22% -> 35% by 31 Mar, Product · no values yet');
  });
});

describe('lintOkrs', () => {
  const listings = metric({ id: 'listings', role: 'input', name: 'Bookable listings', ownerTeam: 'Supply' });
  const mobileBooking = metric({
    id: 'mobile',
    role: 'team',
    parentId: 'listings',
    name: 'Listings edited on mobile',
    ownerTeam: 'Mobile',
  });
  const repeat = metric({ id: 'repeat', role: 'input', name: 'Repeat guests', ownerTeam: 'Loyalty' });
  const mrr = metric({ id: 'mrr', role: 'output', name: 'MRR', ownerTeam: 'Finance' });
  const metrics = [{ ...conversion, ownerTeam: 'Product' }, listings, mobileBooking, repeat, mrr];
  const keyResults = [
    kr(),
    kr({ id: 'kr2', metricId: 'mobile', team: 'Mobile', baseline: 100, target: 150 }),
    kr({ id: 'kr3', metricId: 'mrr', team: 'Finance', baseline: 1e6, target: 1.2e6 }),
    kr({ id: 'old', quarter: '2024-Q4', metricId: 'repeat', team: 'Loyalty', due: '2024-12-31' }),
  ];
  const observations = [
    observation('conv', '2025-02-10', 28),
    observation('mobile', '2025-02-10', 120),
    observation('mrr', '2025-01-31', 1.1e6),
  ];

  it('finds the gaps in one quarter, in catalogue order', () => {
    const findings = lintOkrs({ quarter: '2025-Q1', metrics, keyResults, observations, today: '2025-02-14' });
    expect(findings.map((f) => [f.id, f.metricId ?? f.team])).toEqual([
      // listings is covered by the key result on its team metric; last quarter's KR does not count
      ['input-without-kr', 'repeat'],
      ['team-without-kr', 'Supply'],
      ['team-without-kr', 'Loyalty'],
      ['kr-on-output', 'mrr'],
    ]);
    expect(findings[3]?.message).toMatch(/the result, not the lever/);
  });

  it('flags a key result whose metric has no values this quarter', () => {
    const findings = lintOkrs({ quarter: '2025-Q1', metrics, keyResults, observations: [], today: '2025-02-14' });
    const none = findings.filter((f) => f.id === 'kr-no-values');
    expect(none.map((f) => f.keyResultId)).toEqual(['kr1', 'kr2', 'kr3']);
    expect(none[0]?.message).toMatch(/“Search-to-book conversion” has no values recorded since 2025-Q1 began/);
  });
});
