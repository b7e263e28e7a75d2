import { afterEach, describe, expect, it } from 'vitest';
import type { Experiment, KeyResult, TreeLoop } from '../../../lib/domain/loop-types';
import type { Item, Metric, Observation } from '../../../lib/domain/types';
import { EMPTY_SETTINGS, NO_LOOP_RECORDS } from '../../../lib/domain/types';
import {
  changesLoop,
  chosenReviewWeek,
  currentQuarter,
  keyResultLines,
  keyResultProgressById,
  metricStatusById,
  objective,
  quarterKeyResultsByTeam,
  quarterWins,
  today,
  treeLoop,
  weeklyReviewModel,
} from '../../../lib/state/workspace/loop';
import { notesText, reviewAsMarkdown, showLastCompleteWeek, stepReviewWeek } from '../../../lib/state/workspace/review';
import { treeSnapshot } from '../../../lib/state/workspace/tree';
import { dropValues, holdValues } from './held-values';

function metric(id: string, role: Metric['role'], name: string, extra: Partial<Metric> = {}): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId: role === 'nsm' ? null : 'n',
    name,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: 'Product',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
    ...extra,
  };
}

const ITEM: Item = {
  id: 'i1',
  treeId: 't',
  title: 'Instant search results',
  links: [],
  inputMetricId: 'c',
  rice: { reach: 1, impact: 1, confidence: 0.8, effort: 1 },
  status: 'shipped',
  notes: '',
  createdAt: 0,
  updatedAt: 0,
};

const KR: KeyResult = {
  id: 'kr1',
  treeId: 't',
  quarter: '2025-Q1',
  metricId: 'c',
  team: 'Product',
  baseline: 22,
  target: 35,
  due: '2025-03-31',
  updatedAt: 0,
};

function experiment(id: string, movedInput: Experiment['movedInput']): Experiment {
  return {
    id,
    treeId: 't',
    itemId: null,
    title: id,
    hypothesis: '',
    inputMetricId: 'c',
    startedAt: '2025-01-06',
    endedAt: movedInput === null ? null : '2025-02-03',
    movedInput,
    movedNsm: null,
    note: '',
    updatedAt: 0,
  };
}

function value(metricId: string, at: string, v: number): Observation {
  return { id: `${metricId}-${at}`, metricId, at, value: v, sourceUrl: '', note: '', updatedAt: 0 };
}

function load(loop: Partial<TreeLoop>): void {
  treeSnapshot.value = {
    settings: EMPTY_SETTINGS,
    trees: [],
    tree: { id: 't', name: 'Stays', game: 'transaction', createdAt: 0, updatedAt: 0 },
    metrics: [
      metric('n', 'nsm', 'Nights booked', { target: 1000 }),
      metric('c', 'input', 'Search-to-book conversion', { unit: '%', target: 30 }),
    ],
    items: [ITEM],
    itemCount: 1,
    reviews: [],
    history: [],
  };
  holdValues([
    value('c', '2025-01-06', 22),
    value('c', '2025-02-03', 27),
    value('c', '2025-02-10', 28),
    value('n', '2025-02-03', 900),
    value('n', '2025-02-10', 960),
  ]);
  today.value = '2025-02-14';
  treeLoop.value = {
    worksheet: null,
    keyResults: [],
    thresholds: [],
    shipments: [],
    experiments: [],
    reviewNotes: [],
    ...loop,
  };
}

afterEach(() => {
  chosenReviewWeek.value = null;
  treeLoop.value = null;
  treeSnapshot.value = null;
  dropValues();
});

describe('the team loop state', () => {
  it("measures this quarter's key results against the values so far and words each as the panel line", () => {
    load({ keyResults: [KR] });
    expect(currentQuarter.value).toBe('2025-Q1');
    expect(objective.value).toContain('Nights booked');
    expect([...quarterKeyResultsByTeam.value.keys()]).toEqual(['Product']);
    const progress = keyResultProgressById.value.get('kr1');
    expect(progress?.latest?.value).toBe(28);
    expect(progress?.progress).toBeCloseTo(6 / 13);
    expect(keyResultLines.value.get('kr1')).toMatch(/^KR: search-to-book conversion 22% -> 35% by 31 Mar, Product · /);
  });

  it("colours each metric against its target by the user's thresholds, the default where none is set", () => {
    load({ thresholds: [{ metricId: 'c', direction: 'up', amberWithin: 0.05 }] });
    // 28 against 30: 2 short, more than 5% of 30 (1.5) away: red with the user's band.
    expect(metricStatusById.value.get('c')?.status).toBe('red');
    // 960 against 1000: within the default 10%: amber.
    expect(metricStatusById.value.get('n')?.status).toBe('amber');
  });

  it('reviews the last complete week by default: its values, what shipped in it, its notes', () => {
    // Friday 14 Feb 2025 is in W07; W06 ran from 3 to 9 Feb, and was reviewed on Monday 10 Feb.
    load({
      shipments: [{ id: 's1', treeId: 't', itemId: 'i1', at: '2025-02-05', updatedAt: 0 }],
      reviewNotes: [
        { id: 'r6', treeId: 't', week: '2025-W06', heldOn: '2025-02-10', text: 'Conversion up.', updatedAt: 0 },
        { id: 'r5', treeId: 't', week: '2025-W05', heldOn: '2025-02-03', text: 'Quiet week.', updatedAt: 0 },
      ],
    });
    const review = weeklyReviewModel.value;
    expect(review.period).toMatchObject({ week: '2025-W06', inProgress: false });
    expect(review.rows.find((r) => r.metric.id === 'c')?.value).toBe(27);
    expect(review.shipped.map((g) => [g.input?.id, g.items.map((i) => i.item.id)])).toEqual([['c', ['i1']]]);
    expect(notesText.value).toBe('Conversion up.');
    expect(reviewAsMarkdown.value).toMatch(/^# Weekly review of 2025-W06, 3 Feb – 9 Feb 2025\n/);
    expect(reviewAsMarkdown.value).toContain('## Notes\n\nConversion up.\n');
  });

  it('steps to the current week, labelled in progress, and to earlier weeks, everything following the week', () => {
    load({
      shipments: [{ id: 's1', treeId: 't', itemId: 'i1', at: '2025-02-05', updatedAt: 0 }],
      reviewNotes: [
        { id: 'r6', treeId: 't', week: '2025-W06', heldOn: '2025-02-10', text: 'Conversion up.', updatedAt: 0 },
      ],
    });
    stepReviewWeek(1);
    expect(weeklyReviewModel.value.period).toMatchObject({ week: '2025-W07', inProgress: true, until: '2025-02-14' });
    expect(weeklyReviewModel.value.rows.find((r) => r.metric.id === 'c')?.value).toBe(28);
    // W06's item was news in W06's review, held on 10 Feb.
    expect(weeklyReviewModel.value.shipped.flatMap((g) => g.items)).toEqual([]);
    expect(notesText.value).toBe('');
    expect(reviewAsMarkdown.value).toMatch(/^# Weekly review of 2025-W07, 10 Feb – 16 Feb 2025 \(in progress\)\n/);
    stepReviewWeek(1);
    expect(weeklyReviewModel.value.period.week).toBe('2025-W07');
    stepReviewWeek(-2);
    expect(weeklyReviewModel.value.period.week).toBe('2025-W05');
    expect(weeklyReviewModel.value.rows.find((r) => r.metric.id === 'c')?.value).toBeNull();
    showLastCompleteWeek();
    expect(weeklyReviewModel.value.period.week).toBe('2025-W06');
  });

  it("counts the quarter's concluded experiments for the win rate, not the running ones", () => {
    load({ experiments: [experiment('e1', 'yes'), experiment('e2', 'no'), experiment('e3', null)] });
    expect(quarterWins.value).toMatchObject({ count: 3, running: 1, input: { moved: 1, decided: 2, rate: 0.5 } });
  });

  it('reloads on notices that name a loop part or the active tree, not on every item write', () => {
    const notice = (stores: never[] | string[]) => ({ type: 'nsl.changed' as const, stores: stores as never, at: 0 });
    expect(changesLoop(notice(['keyResults']))).toBe(true);
    expect(changesLoop(notice(['settings']))).toBe(true);
    expect(changesLoop(notice(['items']))).toBe(false);
    expect(Object.keys(NO_LOOP_RECORDS).every((part) => changesLoop(notice([part])))).toBe(true);
  });
});
