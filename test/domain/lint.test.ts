import { describe, expect, it } from 'vitest';
import { LINT_IDS, LINT_TITLES, lintTree, type LintInput } from '../../lib/domain/lint';
import { looksRevenue, looksVanity } from '../../lib/domain/metric-terms';
import type { Metric } from '../../lib/domain/types';
import { metric, months, nsmChange, observation, review } from './builders';

const DAY = 86_400_000;
const now = Date.UTC(2025, 5, 1);

const nsm = metric({
  id: 'nsm',
  role: 'nsm',
  name: 'Nights booked',
  definition: 'Nights booked across all listings per week, counted at check-in',
  period: 'week',
  category: 'consumption',
});
const inputs = [
  metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Listings with instant book', ownerTeam: 'Supply' }),
  metric({ id: 'in2', role: 'input', parentId: 'nsm', name: 'Searches ending in a booking', ownerTeam: 'Search' }),
  metric({ id: 'in3', role: 'input', parentId: 'nsm', name: 'Repeat guests', ownerTeam: 'Growth' }),
];
const mrr = metric({ id: 'mrr', role: 'output', parentId: 'nsm', name: 'MRR', period: 'month' });
const health = metric({ id: 'h1', role: 'health', parentId: 'nsm', name: 'Cancellations' });

function healthyTree(): LintInput {
  return {
    metrics: [nsm, ...inputs, mrr, health],
    reviews: [review(now - 10 * DAY)],
    history: [nsmChange(now - 100 * DAY)],
    observations: [],
    now,
  };
}

function lint(changes: Partial<LintInput> = {}) {
  return lintTree({ ...healthyTree(), ...changes });
}

const idsOf = (input: Partial<LintInput> = {}) => lint(input).map((f) => f.id);

function withNsm(fields: Partial<Metric>): Partial<LintInput> {
  return { metrics: [{ ...nsm, ...fields }, ...inputs, mrr, health] };
}

describe('lint catalogue', () => {
  it('gives every lint a title', () => {
    expect(Object.keys(LINT_TITLES).sort()).toEqual([...LINT_IDS].sort());
    expect(LINT_IDS).toHaveLength(11);
  });
});

describe('lintTree on a tree that follows the framework', () => {
  it('finds nothing', () => {
    expect(lint()).toEqual([]);
  });
});

describe('one-nsm', () => {
  it('is an error when the tree has no North Star', () => {
    const findings = lint({ metrics: [...inputs, mrr, health] });
    expect(findings[0]).toMatchObject({ id: 'one-nsm', severity: 'error' });
    expect(findings[0]?.message).toMatch(/no North Star Metric/);
  });

  it('is an error naming them when the tree has several', () => {
    const second = { ...nsm, id: 'nsm2', name: 'Weekly active hosts' };
    const findings = lint({ metrics: [nsm, second, ...inputs, mrr, health] }).filter((f) => f.id === 'one-nsm');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/2 North Star Metrics.*Nights booked.*Weekly active hosts.*exactly one/);
  });

  it('is silent with exactly one', () => {
    expect(idsOf()).not.toContain('one-nsm');
  });
});

describe('vanity-nsm', () => {
  it.each([
    'Sign-ups',
    'Weekly signups',
    'Sign ups per week',
    'App downloads',
    'Downloads',
    'Page views',
    'Monthly pageviews',
    'Installs',
    'Registered users',
    'Total users',
    'Registrations',
  ])('flags “%s” as a vanity metric', (name) => {
    const findings = lint(withNsm({ name, definition: '' })).filter((f) => f.id === 'vanity-nsm');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', metricId: 'nsm' });
    expect(findings[0]?.message).toMatch(/vanity metric.*can grow while no customer gets value.*value delivered/);
  });

  it('flags a vague name whose definition is a vanity count', () => {
    expect(idsOf(withNsm({ name: 'Growth', definition: 'Number of new sign-ups per week' }))).toContain('vanity-nsm');
  });

  it.each([
    'Nights booked',
    'Weekly active teams sending messages',
    'Weekly active users who downloaded a report',
    'Sign-ups that complete onboarding in their first week',
    'Retained installs after 30 days',
    'Downloaded reports shared with a colleague',
  ])('lets “%s” pass: it measures value, or qualifies the count', (name) => {
    expect(idsOf(withNsm({ name }))).not.toContain('vanity-nsm');
  });

  it('is not fooled by a definition that mentions sign-ups only to exclude them', () => {
    const definition = 'Teams sending 3+ messages a week, not counting sign-ups that never log in';
    expect(idsOf(withNsm({ name: 'Weekly active teams', definition }))).not.toContain('vanity-nsm');
  });

  it('says which term looked like vanity', () => {
    expect(looksVanity({ name: 'Monthly pageviews', definition: '' })).toBe('page views');
    expect(looksVanity({ name: 'Nights booked', definition: '' })).toBeNull();
  });
});

describe('revenue-nsm', () => {
  it.each(['Revenue', 'MRR', 'Weekly ARR growth', 'Gross profit', 'GMV', 'Revenue per active user'])(
    'flags “%s” as revenue, an output',
    (name) => {
      const findings = lint(withNsm({ name })).filter((f) => f.id === 'revenue-nsm');
      expect(findings).toHaveLength(1);
      expect(findings[0]?.metricId).toBe('nsm');
      expect(findings[0]?.message).toMatch(/output.*lags.*leads revenue/);
    },
  );

  it('flags an NSM put in the revenue category whatever its name', () => {
    expect(idsOf(withNsm({ name: 'Money in', category: 'revenue' }))).toContain('revenue-nsm');
  });

  it.each(['Nights booked', 'Arrivals per week', 'Teams who generate revenue with invoices'])(
    'lets “%s” pass',
    (name) => {
      expect(idsOf(withNsm({ name }))).not.toContain('revenue-nsm');
    },
  );

  it('does not flag a definition that explains how the NSM leads revenue', () => {
    expect(looksRevenue({ name: 'Nights booked', category: null })).toBe(false);
    expect(idsOf(withNsm({ definition: 'Nights booked; leads MRR by about two months' }))).not.toContain('revenue-nsm');
  });
});

describe('nsm-not-time-bound', () => {
  it('flags an NSM with no period', () => {
    const findings = lint(withNsm({ period: null })).filter((f) => f.id === 'nsm-not-time-bound');
    expect(findings).toEqual([expect.objectContaining({ metricId: 'nsm', severity: 'warning' })]);
    expect(findings[0]?.message).toMatch(/time-bound/);
  });

  it('is silent for an NSM measured per period', () => {
    expect(idsOf(withNsm({ period: 'month' }))).not.toContain('nsm-not-time-bound');
  });
});

describe('input-count', () => {
  const extra = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      metric({ id: `x${i}`, role: 'input', parentId: 'nsm', ownerTeam: `Team ${i}` }),
    );

  it('flags fewer than 3 input metrics', () => {
    const findings = lint({ metrics: [nsm, inputs[0] as Metric, inputs[1] as Metric, mrr, health] });
    expect(findings.find((f) => f.id === 'input-count')?.message).toMatch(/2 input metrics.*3 to 5/);
  });

  it('flags more than 5 input metrics', () => {
    const findings = lint({ metrics: [nsm, ...inputs, ...extra(3), mrr, health] });
    expect(findings.find((f) => f.id === 'input-count')?.message).toMatch(/6 input metrics.*3 to 5.*focus/);
  });

  it('is silent for 3, 4 or 5 input metrics', () => {
    for (const n of [0, 1, 2]) {
      expect(idsOf({ metrics: [nsm, ...inputs, ...extra(n), mrr, health] })).not.toContain('input-count');
    }
  });

  it('does not count team metrics as input metrics', () => {
    const teams = [1, 2, 3].map((i) => metric({ id: `t${i}`, role: 'team', parentId: 'in1', ownerTeam: 'Supply' }));
    expect(idsOf({ metrics: [nsm, ...inputs, ...teams, mrr, health] })).not.toContain('input-count');
  });
});

describe('input-owner', () => {
  it('flags each input metric with no owner team, naming it', () => {
    const unowned = inputs.map((m, i) => (i < 2 ? { ...m, ownerTeam: '  ' } : m));
    const findings = lint({ metrics: [nsm, ...unowned, mrr, health] }).filter((f) => f.id === 'input-owner');
    expect(findings.map((f) => f.metricId)).toEqual(['in1', 'in2']);
    expect(findings[0]?.message).toMatch(/Listings with instant book.*no owner team.*nobody moves/);
  });

  it('is silent when every input metric has an owner', () => {
    expect(idsOf()).not.toContain('input-owner');
  });
});

describe('teams-influence', () => {
  it('flags an NSM whose input metrics are owned by fewer than 3 teams', () => {
    const twoTeams = inputs.map((m, i) => (i === 2 ? { ...m, ownerTeam: 'supply ' } : m));
    const findings = lint({ metrics: [nsm, ...twoTeams, mrr, health] });
    expect(findings.find((f) => f.id === 'teams-influence')?.message).toMatch(/Only 2 teams.*at least 3 teams/);
  });

  it('is silent with 3 distinct owner teams', () => {
    expect(idsOf()).not.toContain('teams-influence');
  });
});

describe('validation-overdue', () => {
  it('flags a North Star never validated', () => {
    const findings = lint({ reviews: [] }).filter((f) => f.id === 'validation-overdue');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/never been validated.*every quarter/);
  });

  it('flags a last validation more than 90 days ago', () => {
    const findings = lint({ reviews: [review(now - 200 * DAY), review(now - 91 * DAY)] });
    expect(findings.find((f) => f.id === 'validation-overdue')?.message).toMatch(/91 days ago/);
  });

  it('is silent when any review is within the last 90 days', () => {
    expect(idsOf({ reviews: [review(now - 300 * DAY), review(now - 90 * DAY)] })).not.toContain('validation-overdue');
  });

  it('is silent while there is no North Star to validate', () => {
    expect(idsOf({ metrics: [...inputs, mrr, health], reviews: [] })).not.toContain('validation-overdue');
  });
});

describe('nsm-churn', () => {
  it('flags more than one NSM change in the last 12 months', () => {
    const findings = lint({ history: [nsmChange(now - 300 * DAY), nsmChange(now - 20 * DAY)] });
    expect(findings.find((f) => f.id === 'nsm-churn')?.message).toMatch(/changed 2 times in the last 12 months/);
  });

  it('is silent with one change a year, older changes not counted', () => {
    expect(idsOf({ history: [nsmChange(now - 400 * DAY), nsmChange(now - 20 * DAY)] })).not.toContain('nsm-churn');
    expect(idsOf({ history: [] })).not.toContain('nsm-churn');
  });
});

describe('weak-revenue-correlation', () => {
  const monthlyNsm = metric({ ...nsm, period: 'month' });
  const dates = months('2023-06', 24);
  const values = [5, 9, 2, 8, 3, 7, 1, 6, 4, 9, 2, 8, 5, 3, 7, 1, 6, 2, 9, 4, 8, 3, 6, 5];
  const nsmObservations = dates.map((d, i) => observation('nsm', d, values[i] as number));
  const leading = dates.slice(1).map((d, i) => observation('mrr', d, 100 * (values[i] as number)));
  const unrelated = dates.map((d, i) => observation('mrr', d, (i % 4) * 10 + (i % 3)));

  function withObservations(revenue: ReturnType<typeof observation>[], count = 24): Partial<LintInput> {
    return {
      metrics: [monthlyNsm, ...inputs, mrr, health],
      observations: [...nsmObservations.slice(0, count), ...revenue.slice(0, count)],
    };
  }

  it('flags an NSM that does not lead revenue over 12+ periods', () => {
    const findings = lint(withObservations(unrelated)).filter((f) => f.id === 'weak-revenue-correlation');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.metricId).toBe('mrr');
    expect(findings[0]?.message).toMatch(/correlates weakly with “MRR”: r = -?0\.\d\d.*below r = 0\.5/);
  });

  it('is silent when the NSM leads revenue', () => {
    expect(idsOf(withObservations(leading))).not.toContain('weak-revenue-correlation');
  });

  it('is silent with under 12 paired periods, however weak the relation', () => {
    expect(idsOf(withObservations(unrelated, 11))).not.toContain('weak-revenue-correlation');
  });

  it('recognises revenue outputs by category as well as by name', () => {
    const byCategory = { ...mrr, name: 'Money in', category: 'revenue' as const };
    const notRevenue = { ...mrr, name: 'Churned accounts' };
    const base = withObservations(unrelated);
    expect(idsOf({ ...base, metrics: [monthlyNsm, ...inputs, byCategory, health] })).toContain(
      'weak-revenue-correlation',
    );
    expect(idsOf({ ...base, metrics: [monthlyNsm, ...inputs, notRevenue, health] })).not.toContain(
      'weak-revenue-correlation',
    );
  });
});

describe('no-health-metric', () => {
  it('notes a tree with no health metric guarding the NSM', () => {
    const findings = lint({ metrics: [nsm, ...inputs, mrr] }).filter((f) => f.id === 'no-health-metric');
    expect(findings).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(findings[0]?.message).toMatch(/blind spots/);
  });

  it('is silent with a health metric', () => {
    expect(idsOf()).not.toContain('no-health-metric');
  });
});

describe('findings', () => {
  it('come in catalogue order, one kind after another', () => {
    const findings = lint({ metrics: [{ ...nsm, name: 'Sign-ups', period: null }], reviews: [] });
    const order = findings.map((f) => LINT_IDS.indexOf(f.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(findings.map((f) => f.id)).toEqual([
      'vanity-nsm',
      'nsm-not-time-bound',
      'input-count',
      'teams-influence',
      'validation-overdue',
      'no-health-metric',
    ]);
  });
});
