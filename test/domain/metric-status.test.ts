import { describe, expect, it } from 'vitest';
import { amberWithinProblem, metricValueStatus, ragStatus, treeValues } from '../../lib/domain/metric-status';
import { metric, observation } from './builders';

describe('ragStatus', () => {
  const up = { direction: 'up' as const, amberWithin: 0.1 };
  const down = { direction: 'down' as const, amberWithin: 0.1 };

  it('rising metric, target 200: green at or above, amber down to 180, red below', () => {
    expect(ragStatus(200, 200, up)).toBe('green');
    expect(ragStatus(250, 200, up)).toBe('green');
    expect(ragStatus(180, 200, up)).toBe('amber');
    expect(ragStatus(179, 200, up)).toBe('red');
  });

  it('falling metric, target 8: green at or below, amber up to 8.8, red above', () => {
    expect(ragStatus(8, 8, down)).toBe('green');
    expect(ragStatus(5, 8, down)).toBe('green');
    expect(ragStatus(8.8, 8, down)).toBe('amber');
    expect(ragStatus(9, 8, down)).toBe('red');
  });

  it('measures the band on the size of a negative target', () => {
    // target -50 (a net loss to shrink), up: amber from -55
    expect(ragStatus(-55, -50, up)).toBe('amber');
    expect(ragStatus(-56, -50, up)).toBe('red');
  });
});

describe('amberWithinProblem', () => {
  it.each([0, 0.1, 1])('accepts %s', (v) => expect(amberWithinProblem(v)).toBeNull());
  it.each([-0.1, 1.5, Number.NaN])('refuses %s with the reason', (v) => {
    expect(amberWithinProblem(v)).toMatch(/share of the target from 0% to 100%/);
  });
});

describe('metricValueStatus', () => {
  const weekly = metric({ id: 'm', role: 'input', target: 200 });

  it('gives the latest week, its change against the week before and the status', () => {
    const status = metricValueStatus(weekly, [
      observation('m', '2025-02-03', 150), // W06
      observation('m', '2025-02-10', 180), // W07
      observation('m', '2025-02-12', 190), // W07: mean 185
      observation('other', '2025-02-17', 999),
    ]);
    expect(status.latest).toMatchObject({ key: '2025-W07', value: 185 });
    expect(status.previous?.value).toBe(150);
    expect(status.change).toBe(35);
    expect(status.changeFraction).toBeCloseTo(35 / 150, 10);
    expect(status.changeNote).toBeNull();
    expect(status.status).toBe('amber');
  });

  it('shows no change across a missing week, and names the week', () => {
    const status = metricValueStatus(weekly, [
      observation('m', '2025-01-27', 150),
      observation('m', '2025-02-10', 210),
    ]);
    expect(status.latest?.key).toBe('2025-W07');
    expect(status.previous).toBeNull();
    expect(status.change).toBeNull();
    expect(status.changeNote).toBe('no value for 2025-W06');
    expect(status.status).toBe('green');
  });

  it('follows the thresholds the user set for a falling metric', () => {
    const tickets = metric({ id: 't', role: 'health', period: 'month', target: 8 });
    const status = metricValueStatus(
      tickets,
      [observation('t', '2025-01-15', 9), observation('t', '2025-02-15', 8.5)],
      {
        metricId: 't',
        direction: 'down',
        amberWithin: 0.1,
      },
    );
    expect(status.change).toBe(-0.5);
    expect(status.status).toBe('amber');
  });

  it('has no status without a target or a value', () => {
    expect(metricValueStatus({ ...weekly, target: null }, [observation('m', '2025-02-03', 1)]).status).toBeNull();
    const empty = metricValueStatus(weekly, []);
    expect(empty).toMatchObject({ latest: null, status: null, changeNote: 'no values recorded' });
  });
});

describe('treeValues', () => {
  it('uses each metric’s thresholds, and rising with a 10% band for the rest', () => {
    const a = metric({ id: 'a', role: 'input', target: 100 });
    const b = metric({ id: 'b', role: 'input', target: 100 });
    const values = treeValues(
      [a, b],
      [observation('a', '2025-02-03', 95), observation('b', '2025-02-03', 95)],
      [{ metricId: 'b', direction: 'down', amberWithin: 0.1 }],
    );
    expect(values.map((v) => v.status)).toEqual(['amber', 'green']);
  });
});
