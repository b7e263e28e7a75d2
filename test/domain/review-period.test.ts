import { describe, expect, it } from 'vitest';
import { lastCompleteWeek, reviewPeriod, reviewTitle, stepWeek, weekStart } from '../../lib/domain/review-period';

describe('the week a weekly review shows', () => {
  it('on a Monday, is the week that ended the day before', () => {
    // Monday 7 Dec 2026 is in 2026-W50; W49 ran from Monday 30 Nov to Sunday 6 Dec.
    expect(lastCompleteWeek('2026-12-07')).toBe('2026-W49');
    expect(reviewPeriod('2026-W49', '2026-12-07')).toEqual({
      week: '2026-W49',
      start: '2026-11-30',
      end: '2026-12-06',
      until: '2026-12-06',
      inProgress: false,
    });
  });

  it('on a Sunday, is the week before, since Sunday itself is not over', () => {
    expect(lastCompleteWeek('2026-12-06')).toBe('2026-W48');
    expect(reviewPeriod('2026-W48', '2026-12-06')).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
  });

  it('crosses a year: the first week of 2026 began on Monday 29 Dec 2025, and 2020 had a week 53', () => {
    expect(lastCompleteWeek('2026-01-05')).toBe('2026-W01');
    expect(reviewPeriod('2026-W01', '2026-01-05')).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(lastCompleteWeek('2021-01-04')).toBe('2020-W53');
    expect(reviewPeriod('2020-W53', '2021-01-04')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(stepWeek('2021-W01', -1)).toBe('2020-W53');
    expect(stepWeek('2020-W53', 1)).toBe('2021-W01');
    expect(stepWeek('2026-W01', -1)).toBe('2025-W52');
  });

  it('labels the current week as in progress, counting its days up to today', () => {
    expect(reviewPeriod('2026-W50', '2026-12-09')).toEqual({
      week: '2026-W50',
      start: '2026-12-07',
      end: '2026-12-13',
      until: '2026-12-09',
      inProgress: true,
    });
  });

  it('never shows a week after the current one', () => {
    expect(reviewPeriod('2027-W02', '2026-12-09').week).toBe('2026-W50');
  });

  it('knows which labels name a week', () => {
    expect(weekStart('2025-W11')).toBe('2025-03-10');
    expect(weekStart('2021-W53')).toBeNull();
    expect(weekStart('2025-W54')).toBeNull();
    expect(weekStart('2025-W00')).toBeNull();
    expect(weekStart('W11')).toBeNull();
  });

  it('titles the review with the week and its days', () => {
    expect(reviewTitle(reviewPeriod('2026-W01', '2026-01-05'))).toBe('Weekly review of 2026-W01, 29 Dec – 4 Jan 2026');
    expect(reviewTitle(reviewPeriod('2026-W50', '2026-12-09'))).toBe(
      'Weekly review of 2026-W50, 7 Dec – 13 Dec 2026 (in progress)',
    );
  });
});
