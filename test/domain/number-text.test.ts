import { describe, expect, it } from 'vitest';
import { parseFieldNumber, parseNumberText } from '../../lib/domain/number-text';

describe('reading a number a person selected on an analytics page', () => {
  it.each([
    ['1,234', 1234],
    ['12.5k', 12500],
    ['€1.2M', 1_200_000],
    ['45%', 45],
    ['\u22123', -3],
    ['1 234', 1234],
    ['  0.25 ', 0.25],
    ['.5', 0.5],
    ['$2bn', 2e9],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumberText(text)).toBeCloseTo(expected, 9);
  });

  it.each(['', 'abc', '1,23', '12..5', '1.2.3', 'k', '10 users and 20 teams', '1e400'])(
    'refuses %j rather than guessing',
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );
});

describe('a numeric form field', () => {
  it('treats an empty field as not estimated', () => {
    expect(parseFieldNumber('  ')).toEqual({ ok: true, value: null });
  });
  it('flags text that is not a number', () => {
    expect(parseFieldNumber('lots')).toEqual({ ok: false });
  });
  it('reads a typed number', () => {
    expect(parseFieldNumber('3.5')).toEqual({ ok: true, value: 3.5 });
  });
});
