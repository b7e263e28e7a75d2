import { describe, expect, it } from 'vitest';
import {
  NO_NUMBER,
  formatChange,
  formatNumber,
  formatPercent,
  formatScore,
  formatValue,
} from '../../lib/domain/format';

describe('formatScore', () => {
  it.each([
    [1234.5, '1.2k'],
    [12.345, '12.3'],
    [0.5, '0.5'],
    [2_500_000, '2.5M'],
    [0, '0'],
    [-0, '0'],
    [12, '12'],
    [999.94, '999.9'],
    [999.96, '1k'],
    [1000, '1k'],
    [999_950, '1M'],
    [3_400_000_000, '3.4B'],
    [7.1e12, '7.1T'],
    [0.125, '0.13'],
    [0.012345, '0.012'],
    [0.999, '1'],
    [-1234.5, '-1.2k'],
  ])('shows %s as %s', (n, text) => {
    expect(formatScore(n)).toBe(text);
  });

  it('falls back to exponent notation past trillions rather than a long number', () => {
    expect(formatScore(4.2e18)).toBe('4.2e18');
    expect(formatScore(1.7e308)).toBe('1.7e308');
    expect(formatScore(1e15)).toBe('1e15');
    expect(formatScore(0.0000025)).toBe('2.5e-6');
    expect(formatScore(0.00012)).toBe('1.2e-4');
  });

  it('never shows NaN or Infinity', () => {
    expect(formatScore(Number.NaN)).toBe(NO_NUMBER);
    expect(formatScore(Infinity)).toBe(NO_NUMBER);
    expect(formatScore(-Infinity)).toBe(NO_NUMBER);
  });

  it('stays short for scores across the whole range', () => {
    for (let exp = -9; exp <= 20; exp++) {
      for (const mantissa of [1, 2.5, 9.99]) {
        expect(formatScore(mantissa * 10 ** exp).length).toBeLessThanOrEqual(7);
      }
    }
  });
});

describe('formatNumber', () => {
  it('writes thousands separators and at most two decimals', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-2500)).toBe('-2,500');
  });

  it('never shows -0, NaN or Infinity', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe(NO_NUMBER);
    expect(formatNumber(Infinity)).toBe(NO_NUMBER);
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a whole percentage', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.126)).toBe('13%');
  });

  it('does not round a small share to nothing or a large one to everything', () => {
    expect(formatPercent(0.001)).toBe('<1%');
    expect(formatPercent(0.999)).toBe('>99%');
  });

  it('never shows NaN', () => {
    expect(formatPercent(Number.NaN)).toBe(NO_NUMBER);
  });
});

describe('formatValue', () => {
  it('reads as the metric does: a percentage with its sign, other units after a space', () => {
    expect(formatValue(29.1, '%')).toBe('29.1%');
    expect(formatValue(1200, ' bookings ')).toBe('1,200 bookings');
    expect(formatValue(0.5, '')).toBe('0.5');
  });
});

describe('formatChange', () => {
  it('gives the difference with its sign and the relative change after it', () => {
    expect(formatChange(1200, 0.03, 'bookings')).toBe('+1,200 (+3%)');
    expect(formatChange(-40, -0.1, '')).toBe('-40 (-10%)');
    expect(formatChange(0, 0, '')).toBe('0 (0%)');
  });

  it('counts a metric in % in percentage points, so the difference is not read as a relative one', () => {
    expect(formatChange(6.4, 0.28, '%')).toBe('+6.4 pts (+28%)');
    expect(formatChange(-2, null, ' % ')).toBe('-2 pts');
  });
});
