import { describe, expect, it } from 'vitest';
import { chartGeometry, niceStep, valueRange, type ChartBox } from '../../lib/domain/metric-chart';
import { periodSeries } from '../../lib/domain/period';
import { observation } from './builders';

// A plot area of 100 × 100 starting at (10, 0): positions can be worked out by hand.
const BOX: ChartBox = { width: 110, height: 110, left: 10, right: 0, top: 0, bottom: 10 };

/** Weekly values from the Monday 2025-01-06 (2025-W02) on; null leaves a week without a value. */
function weekly(values: (number | null)[]) {
  const days = values.flatMap((v, i) =>
    v === null ? [] : [observation('m', new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10), v)],
  );
  return periodSeries(days, 'week');
}

describe('value scale', () => {
  it('rounds the range out to steps of 1, 2 or 5 × 10^k', () => {
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1);
    expect(valueRange([103, 187], null)).toEqual({ min: 100, max: 200, step: 50 });
  });

  it('includes the target even when every value lies above it', () => {
    expect(valueRange([40, 45], 20)).toEqual({ min: 20, max: 50, step: 10 });
  });

  it('gives a flat series room instead of dividing by zero', () => {
    const range = valueRange([50, 50], null);
    expect(range.min).toBeLessThan(50);
    expect(range.max).toBeGreaterThan(50);
    expect(valueRange([0], null).max).toBeGreaterThan(0);
  });
});

describe('chartGeometry', () => {
  it('places the first period at the left edge, the last at the right, values on the y scale', () => {
    const chart = chartGeometry(weekly([0, 50, 100]), 'week', null, [], BOX)!;
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [10, 100],
      [60, 50],
      [110, 0],
    ]);
    expect(chart.runs).toEqual(['10,100 60,50 110,0']);
    expect(chart.points.map((p) => p.key)).toEqual(['2025-W02', '2025-W03', '2025-W04']);
  });

  it('leaves a week without a value as a gap: two runs, the gap named, nothing drawn at zero', () => {
    const chart = chartGeometry(weekly([100, 200, null, 200, 100]), 'week', null, [], BOX)!;
    expect(chart.runs).toHaveLength(2);
    expect(chart.gaps).toEqual(['2025-W04']);
    // The missing week keeps its place on the x axis: the fourth week sits at 3/4 of the width.
    expect(chart.points.map((p) => p.x)).toEqual([10, 35, 85, 110]);
    // The scale starts at the lowest value, not at zero.
    expect(chart.min).toBe(100);
    expect(chart.points.every((p) => p.y <= 100)).toBe(true);
  });

  it('draws a falling metric with a lower target: the target line below every value', () => {
    const chart = chartGeometry(weekly([9, 8.5, 8.2, 8]), 'week', 5, [], BOX)!;
    expect(chart.min).toBe(5);
    expect(chart.max).toBe(9);
    expect(chart.targetY).toBe(100);
    expect(chart.points.every((p) => p.y < chart.targetY!)).toBe(true);
    expect(chart.points[0]!.y).toBe(0);
  });

  it('has no target line without a target, and no chart without values', () => {
    expect(chartGeometry(weekly([1, 2]), 'week', null, [], BOX)!.targetY).toBeNull();
    expect(chartGeometry([], 'week', 10, [], BOX)).toBeNull();
  });

  it('centres a single value', () => {
    const chart = chartGeometry(weekly([7]), 'week', null, [], BOX)!;
    expect(chart.points[0]!.x).toBe(60);
    expect(chart.runs).toEqual(['60,50']);
  });

  it('puts a ship marker on its week and counts the ones outside the charted weeks', () => {
    const chart = chartGeometry(
      weekly([1, 2, 3]),
      'week',
      null,
      [
        { id: 'a', at: '2025-01-15', label: 'Instant book' },
        { id: 'b', at: '2024-12-01', label: 'Too early' },
      ],
      BOX,
    )!;
    expect(chart.marks).toEqual([{ id: 'a', at: '2025-01-15', label: 'Instant book', x: 60, key: '2025-W03' }]);
    expect(chart.marksOutside).toBe(1);
  });

  it('labels the value axis on round values and the period axis with period keys', () => {
    const chart = chartGeometry(weekly([40000, 52000]), 'week', 55000, [], BOX)!;
    expect(chart.valueTicks.map((t) => t.label)).toEqual(['40k', '45k', '50k', '55k']);
    expect(chart.periodTicks.map((t) => t.label)).toEqual(['2025-W02', '2025-W03']);
  });
});
