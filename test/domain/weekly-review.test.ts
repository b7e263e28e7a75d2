import { describe, expect, it } from 'vitest';
import { reviewMarkdown } from '../../lib/domain/review-markdown';
import {
  anomalyOf,
  lastReviewDate,
  reviewNoteProblems,
  trendOf,
  weeklyReview,
  type WeeklyReviewInput,
} from '../../lib/domain/weekly-review';
import { reviewPeriod } from '../../lib/domain/review-period';
import type { Shipment } from '../../lib/domain/loop-types';
import { item, metric, observation } from './builders';

// Mondays of 2025-W03 ... 2025-W11; the review is of W11, seen on Wednesday 12 March (in progress).
const MONDAYS = ['01-13', '01-20', '01-27', '02-03', '02-10', '02-17', '02-24', '03-03', '03-10'].map(
  (d) => `2025-${d}`,
);
const weeks = (id: string, values: (number | null)[]) =>
  values.flatMap((v, i) => (v === null ? [] : [observation(id, MONDAYS[i]!, v)]));

const nsm = metric({ id: 'nsm', role: 'nsm', name: 'Nights booked', unit: 'nights', target: 2000 });
const conv = metric({ id: 'conv', role: 'input', parentId: 'nsm', name: 'Search-to-book conversion', unit: '%' });
const listings = metric({ id: 'listings', role: 'input', parentId: 'nsm', name: 'Bookable listings | live' });

const shipment = (itemId: string, at: string): Shipment => ({
  id: `s-${itemId}`,
  treeId: 't1',
  itemId,
  at,
  updatedAt: 0,
});

function input(): WeeklyReviewInput {
  return {
    period: reviewPeriod('2025-W11', '2025-03-12'),
    lastReview: '2025-03-05',
    metrics: [listings, conv, nsm],
    observations: [
      // History mean 1,500; deviations -3,-1,-1,-1,0,0,2,4 (×100): Σd² = 320,000, sample sd = √(320,000/7) = 213.8
      ...weeks('nsm', [1200, 1400, 1400, 1400, 1500, 1500, 1700, 1900, 2160]),
      // Gaps: W04, W06, W08 missing; history 20, 22, 21, 22
      ...weeks('conv', [null, null, 20, null, 22, null, 21, 22, 30]),
      ...weeks('listings', [null, null, null, null, null, null, 500, 510, 900]),
    ],
    items: [
      item({
        id: 'faster',
        title: 'Faster *search*',
        inputMetricId: 'conv',
        links: [{ site: 'jira', key: 'BK-12', url: 'https://x.atlassian.net/browse/BK-12' }],
      }),
      item({ id: 'logo', title: 'New logo', inputMetricId: null }),
      item({ id: 'old', title: 'Reviewed last week', inputMetricId: 'conv' }),
      item({ id: 'later', title: 'Ships tomorrow', inputMetricId: 'conv' }),
    ],
    shipments: [
      shipment('logo', '2025-03-11'),
      shipment('faster', '2025-03-07'),
      shipment('old', '2025-03-05'),
      shipment('later', '2025-03-13'),
    ],
  };
}

describe('anomalyOf', () => {
  const history = (values: number[]) => values.map((value, index) => ({ index, key: `${index}`, value, count: 1 }));

  it('flags a value beyond 2 standard deviations, with the hand-computed numbers', () => {
    const anomaly = anomalyOf(2160, history([1200, 1400, 1400, 1400, 1500, 1500, 1700, 1900]), 'week');
    expect(anomaly?.mean).toBe(1500);
    expect(anomaly?.sd).toBeCloseTo(213.809, 3);
    expect(anomaly?.z).toBeCloseTo(3.087, 3);
    expect(anomaly?.message).toBe("2,160 is 3.1 standard deviations above the last 8 weeks' mean of 1,500");
  });

  it('leaves a value within 2 standard deviations alone', () => {
    // (1,900 - 1,500) / 213.8 = 1.87
    expect(anomalyOf(1900, history([1200, 1400, 1400, 1400, 1500, 1500, 1700, 1900]), 'week')).toBeNull();
  });

  it('says below for a drop, and needs 3 values to know the usual range', () => {
    expect(anomalyOf(10, history([20, 21, 19]), 'month')?.message).toBe(
      '10 is 10.0 standard deviations below the mean of 20 over the 3 of the last 8 months that have a value',
    );
    expect(anomalyOf(10, history([20, 21]), 'week')).toBeNull();
  });

  it('flags any change from a constant history without dividing by zero', () => {
    expect(anomalyOf(6, history([5, 5, 5]), 'week')).toMatchObject({
      z: null,
      message: '6 differs from 3 weeks that were all 5',
    });
    expect(anomalyOf(5, history([5, 5, 5]), 'week')).toBeNull();
  });
});

describe('trendOf', () => {
  const points = (values: number[]) => values.map((value, index) => ({ index, key: `${index}`, value, count: 1 }));
  it('reads rising, falling and flat (under 2% of the mean over the stretch)', () => {
    expect(trendOf(points([1, 2, 3]))).toBe('rising');
    expect(trendOf(points([3, 2, 1]))).toBe('falling');
    expect(trendOf(points([100, 101, 100.5]))).toBe('flat');
    expect(trendOf(points([1, 2]))).toBeNull();
  });
});

describe('weeklyReview', () => {
  const review = weeklyReview(input());

  it('lists the North Star first, then the input metrics', () => {
    expect(review.rows.map((r) => r.metric.id)).toEqual(['nsm', 'listings', 'conv']);
  });

  it("gives this week's value, change, target, status, trend and anomaly", () => {
    const row = review.rows[0]!;
    expect(row).toMatchObject({
      key: '2025-W11',
      value: 2160,
      change: 260,
      target: 2000,
      status: 'green',
      trend: 'rising',
    });
    expect(row.changeFraction).toBeCloseTo(260 / 1900, 10);
    expect(row.anomaly?.periods).toBe(8);
  });

  it('computes the usual range of a metric with gaps from the weeks that have values', () => {
    const row = review.rows[2]!;
    // mean 21.25; Σd² = 1.5625 + 0.5625 + 0.0625 + 0.5625 = 2.75; sd = √(2.75/3) = 0.9574; z = 8.75 / 0.9574 = 9.14
    expect(row.anomaly?.z).toBeCloseTo(9.139, 3);
    expect(row.anomaly?.message).toBe(
      '30% is 9.1 standard deviations above the mean of 21.25% over the 4 of the last 8 weeks that have a value',
    );
    // Too little history for listings: no flag, however big the jump.
    expect(review.rows[1]!.anomaly).toBeNull();
  });

  it('groups what shipped since the last review by input metric, unlinked last', () => {
    expect(review.shipped.map((g) => [g.input?.id ?? null, g.items.map((i) => i.item.id)])).toEqual([
      ['listings', []],
      ['conv', ['faster']],
      [null, ['logo']],
    ]);
  });

  it('counts the reviewed week on a first review', () => {
    expect(weeklyReview({ ...input(), lastReview: null }).since).toBe('2025-03-09');
  });

  it('reviews a complete week: its values, and what shipped from its Monday to its Sunday', () => {
    // Week 10 seen on Monday 17 March; week 9's review was held on Monday 3 March, in week 10.
    const w10 = weeklyReview({ ...input(), period: reviewPeriod('2025-W10', '2025-03-17'), lastReview: '2025-03-03' });
    expect(w10.rows[0]).toMatchObject({ key: '2025-W10', value: 1900, change: 200 });
    expect(w10.since).toBe('2025-03-02');
    // 'old' shipped on Wednesday 5 March, 'faster' on Friday 7 March; 'logo' (11 March) is week 11's.
    expect(w10.shipped.map((g) => [g.input?.id ?? null, g.items.map((i) => i.item.id)])).toEqual([
      ['listings', []],
      ['conv', ['old', 'faster']],
    ]);
  });

  it('does not let notes written late for an old week hide the week shown', () => {
    const late = weeklyReview({ ...input(), period: reviewPeriod('2025-W10', '2025-03-17'), lastReview: '2025-03-17' });
    expect(late.since).toBe('2025-03-02');
  });
});

describe('reviewMarkdown', () => {
  it('renders the review for Slack or Confluence, escaping what users typed', () => {
    expect(reviewMarkdown(weeklyReview(input()))).toBe(
      [
        '# Weekly review of 2025-W11, 10 Mar – 16 Mar 2025 (in progress)',
        '',
        '| Metric | Period | Value | Change | Target | Trend |',
        '|---|---|---|---|---|---|',
        '| Nights booked (North Star) | 2025-W11 | 2,160 nights | +260 (+14%) | 2,000 nights (green) | rising |',
        '| Bookable listings \\| live (input) | 2025-W11 | 900 | +390 (+76%) | — | rising |',
        '| Search-to-book conversion (input) | 2025-W11 | 30% | +8 pts (+36%) | — | rising |',
        '',
        '## Unusual changes',
        '',
        "- **Nights booked**: 2,160 is 3.1 standard deviations above the last 8 weeks' mean of 1,500",
        '- **Search-to-book conversion**: 30% is 9.1 standard deviations above the mean of 21.25% over the 4 of the ' +
          'last 8 weeks that have a value',
        '',
        '## Shipped since 5 Mar 2025',
        '',
        '**Bookable listings \\| live**',
        '- nothing shipped',
        '',
        '**Search-to-book conversion**',
        '- Faster \\*search\\* (BK-12), shipped 7 Mar',
        '',
        '**Not linked to an input metric**',
        '- New logo, shipped 11 Mar',
        '',
      ].join('\n'),
    );
  });

  it('ends with the week’s notes, line by line, escaped', () => {
    const text = reviewMarkdown(weeklyReview(input()), 'Pricing test *rolled back*.\n\nAsk data about W10.\n');
    expect(text.endsWith('## Notes\n\nPricing test \\*rolled back\\*.\n\nAsk data about W10.\n')).toBe(true);
  });
});

describe('the last review', () => {
  const note = (week: string, heldOn: string) => ({ week, heldOn });

  it('is the day of the latest review of an earlier week; the reviewed week’s own note does not count', () => {
    // Weeks 9 and 10 reviewed on the Monday after them; week 11's notes written on 17 March.
    const notes = [note('2025-W09', '2025-03-03'), note('2025-W10', '2025-03-10'), note('2025-W11', '2025-03-17')];
    expect(lastReviewDate(notes, '2025-W11')).toBe('2025-03-10');
    expect(lastReviewDate(notes, '2025-W10')).toBe('2025-03-03');
  });

  it('is null before the first note', () => {
    expect(lastReviewDate([note('2025-W11', '2025-03-10')], '2025-W11')).toBeNull();
  });

  it('a stored note is held during the week it reviews or after it', () => {
    expect(reviewNoteProblems(note('2025-W11', '2025-03-10'))).toEqual({});
    expect(reviewNoteProblems(note('2025-W11', '2025-03-17'))).toEqual({});
    expect(reviewNoteProblems(note('2025-W11', '2025-03-09')).week).toMatch(/starts after the day/);
    expect(reviewNoteProblems(note('11', '2025-03-17')).week).toMatch(/ISO week/);
    expect(reviewNoteProblems(note('2025-W53', '2026-01-05')).week).toMatch(/ISO week/);
  });
});
