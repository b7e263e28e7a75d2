/**
 * Every view that shows values shows what it showed when the dashboard held every value:
 * each view's model from the summaries the real background answers (fake IndexedDB) equals
 * the same domain function over every value. The fixture makes a wrong period or window
 * visible: the NSM counts by month, revenue by week (the correlation pairs months), a team
 * metric by day, and the key result's quarter starts on a Thursday (its first week is cut).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handle, type StoredRequestType } from '../../../lib/background/dispatch';
import { leadLagCorrelation, leadLagOfSeries } from '../../../lib/domain/correlation';
import { lintTree } from '../../../lib/domain/lint';
import { treeValues } from '../../../lib/domain/metric-status';
import { keyResultProgress, lintOkrs } from '../../../lib/domain/okr';
import { beforeAfter } from '../../../lib/domain/outcomes';
import { addDays, periodSeries } from '../../../lib/domain/period';
import type { Metric, Observation } from '../../../lib/domain/types';
import { lastReviewDate, weeklyReview } from '../../../lib/domain/weekly-review';
import type { ChangeNotice, RequestOf } from '../../../lib/messaging/protocol';
import type { LensDb } from '../../../lib/storage';
import { freshDb } from '../../storage/fresh-db';

let db: LensDb;
let listener: ((notice: ChangeNotice) => void) | null = null;

vi.mock('../../../lib/messaging/client', async (actual) => ({
  ...(await actual<object>()),
  request: async (req: RequestOf<StoredRequestType>) => (await handle(db, req)).value,
  onWorkspaceChange: (l: (notice: ChangeNotice) => void) => {
    listener = l;
    return () => (listener = null);
  },
}));

const tree = await import('../../../lib/state/workspace/tree');
const loop = await import('../../../lib/state/workspace/loop');
const { shippedOutcomes } = await import('../../../lib/state/workspace/outcomes');
const { shownMetricId, shownSeries } = await import('../../../lib/state/workspace/metric-page');
const { startWorkspaceSync } = await import('../../../lib/state/workspace/tree-sync');

async function write<T extends StoredRequestType>(req: RequestOf<T>) {
  const { value, changed, item, removedItemId, valuesChanged } = await handle(db, req);
  listener?.({ type: 'nsl.changed', stores: changed, at: Date.now(), item, removedItemId, valuesChanged });
  return value;
}

const TODAY = '2026-12-09';
let metrics: Metric[] = [];
let every: Observation[] = [];
let stop: () => void = () => undefined;

beforeAll(async () => {
  db = await freshDb();
  const t = await write({ type: 'tree.create', name: 'Stays' });
  const create = (role: Metric['role'], name: string, fields: Partial<Metric>) =>
    write({ type: 'metric.create', treeId: t.id, role, name, fields });
  const nsm = await create('nsm', 'Nights booked', { period: 'month', target: 1000 });
  const input = await create('input', 'Search-to-book conversion', { parentId: nsm.id, target: 30 });
  const team = await create('team', 'Listings fixed', { parentId: input.id, period: 'day' });
  const revenue = await create('output', 'Revenue', { category: 'revenue' });
  // Counted by week, recorded last in the week Q4 began (Thursday 1 October): the key result reads Friday's only.
  const hosts = await create('input', 'Hosts onboarded', { parentId: nsm.id });
  for (const [at, value] of [
    ['2026-09-28', 10],
    ['2026-09-30', 20],
    ['2026-10-02', 90],
  ] as const) {
    await write({ type: 'observation.add', metricId: hosts.id, at, value });
  }
  // Every third day for 13 months, each metric its own shape; the values keep their order of dates.
  for (let day = 0; day < 400; day += 3) {
    const at = addDays('2025-11-01', day);
    await write({ type: 'observation.add', metricId: nsm.id, at, value: 800 + ((day * 7) % 230) });
    await write({ type: 'observation.add', metricId: input.id, at, value: 20 + ((day * 13) % 17) / 2 });
    await write({ type: 'observation.add', metricId: revenue.id, at, value: 5000 + ((day * 31) % 977) });
    if (day % 9 === 0) await write({ type: 'observation.add', metricId: team.id, at, value: day % 11 });
  }
  const item = await write({ type: 'item.create', treeId: t.id, title: 'Faster search', links: [] });
  await write({ type: 'item.update', id: item.id, patch: { inputMetricId: input.id } });
  every = (
    await Promise.all(
      [nsm, input, team, revenue, hosts].map((m) => handle(db, { type: 'observations.list', metricId: m.id })),
    )
  ).flatMap((r) => r.value);
  loop.today.value = TODAY;
  stop = startWorkspaceSync();
  loop.treeLoop.value = {
    worksheet: null,
    keyResults: [
      {
        id: 'kr-q4',
        treeId: t.id,
        quarter: '2026-Q4',
        metricId: input.id,
        team: 'Growth',
        baseline: 20,
        target: 30,
        due: '2026-12-31',
        updatedAt: 0,
      },
      {
        id: 'kr-hosts',
        treeId: t.id,
        quarter: '2026-Q4',
        metricId: hosts.id,
        team: 'Supply',
        baseline: 0,
        target: 100,
        due: '2026-12-31',
        updatedAt: 0,
      },
      {
        id: 'kr-q1',
        treeId: t.id,
        quarter: '2026-Q1',
        metricId: team.id,
        team: 'Supply',
        baseline: 0,
        target: 10,
        due: '2026-03-31',
        updatedAt: 0,
      },
    ],
    thresholds: [{ metricId: input.id, direction: 'up', amberWithin: 0.2 }],
    shipments: [{ id: 's', treeId: t.id, itemId: item.id, at: '2026-06-10', updatedAt: 0 }],
    experiments: [],
    reviewNotes: [],
  };
  await vi.waitFor(() => expect(tree.keyResultValues.value.length).toBeGreaterThan(0));
  await vi.waitFor(() => expect(tree.itemsLoading.value).toBeNull());
  metrics = tree.treeMetrics.value;
  expect(metrics).toHaveLength(5);
}, 60_000);
afterAll(() => stop());

const byName = (name: string) => metrics.find((m) => m.name === name)!;

describe('the views from the summaries', () => {
  it('show each metric on the tree and its page as from every value', () => {
    expect([...loop.metricStatusById.value.values()]).toEqual(treeValues(metrics, every, loop.thresholds.value));
    for (const m of metrics) {
      shownMetricId.value = m.id;
      const own = every.filter((o) => o.metricId === m.id);
      expect(shownSeries.value).toEqual(periodSeries(own, m.period ?? 'week'));
      const summary = tree.valueSummaries.value.get(m.id)!;
      expect(summary.recent).toEqual(own.slice(-12));
      expect(summary.count).toBe(own.length);
    }
    shownMetricId.value = null;
  });

  it('show the weekly review of this week and of a week long past as from every value', () => {
    for (const week of [null, '2026-W20']) {
      loop.chosenReviewWeek.value = week;
      const period = loop.reviewedPeriod.value;
      expect(loop.weeklyReviewModel.value).toEqual(
        weeklyReview({
          period,
          lastReview: lastReviewDate(loop.reviewNotes.value, period.week),
          metrics,
          observations: every,
          items: tree.items.value,
          shipments: loop.shipments.value,
          thresholds: loop.thresholds.value,
        }),
      );
    }
    loop.chosenReviewWeek.value = null;
  });

  it("measure key results from their quarter's first day, the cut week as recorded", () => {
    for (const kr of loop.keyResults.value) {
      const metric = metrics.find((m) => m.id === kr.metricId)!;
      expect(loop.keyResultProgressById.value.get(kr.id)).toEqual(keyResultProgress(kr, metric, every, TODAY));
    }
    // The quarter's first week mixes September: that whole week's mean would be 40.
    expect(loop.keyResultProgressById.value.get('kr-hosts')?.latest?.value).toBe(90);
    expect(loop.okrFindings.value).toEqual(
      lintOkrs({
        quarter: loop.currentQuarter.value,
        metrics,
        keyResults: loop.keyResults.value,
        observations: every,
        today: TODAY,
      }),
    );
  });

  it('pair the NSM and revenue by month in the lints and the validation view', () => {
    const input = { metrics, reviews: [], history: [], now: tree.lintClock.value };
    expect(tree.findings.value).toEqual(lintTree({ ...input, observations: every }));
    const nsm = byName('Nights booked');
    const revenue = byName('Revenue');
    const of = (m: Metric) => every.filter((o) => o.metricId === m.id);
    expect(leadLagOfSeries(tree.seriesOf(nsm.id, 'month'), tree.seriesOf(revenue.id, 'month'), 'month')).toEqual(
      leadLagCorrelation(of(nsm), of(revenue), 'month'),
    );
    expect(tree.seriesOf(revenue.id, 'month').length).toBeGreaterThanOrEqual(12);
  });

  it('compare before and after a ship date as from every value', () => {
    const [shipped] = shippedOutcomes.value;
    const input = byName('Search-to-book conversion');
    expect(shipped?.comparison).toEqual(beforeAfter('2026-06-10', input, every, TODAY));
    expect(shipped?.comparison?.before.periods).toBe(4);
  });
});
