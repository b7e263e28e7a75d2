import { describe, expect, it } from 'vitest';
import { compareHlc, type Hlc, MAX_COUNTER, receive, tick } from '../../../lib/domain/sharing/hlc';
import { HOUR, T } from './helpers';

describe('tick', () => {
  it('follows the wall clock, counting events within one millisecond', () => {
    const a = tick([0, 0, 'ana'], T);
    expect(a).toEqual([T, 0, 'ana']);
    expect(tick(a, T)).toEqual([T, 1, 'ana']);
    expect(tick(a, T + 5)).toEqual([T + 5, 0, 'ana']);
  });

  it('never goes back when the wall clock does', () => {
    const a: Hlc = [T, 3, 'ana'];
    expect(tick(a, T - HOUR)).toEqual([T, 4, 'ana']);
  });

  it('borrows a millisecond rather than overflow the counter', () => {
    expect(tick([T, MAX_COUNTER, 'ana'], T)).toEqual([T + 1, 0, 'ana']);
  });
});

describe('receive', () => {
  it('moves past a stamp from a clock hours ahead, so the next local edit is newer', () => {
    const ahead: Hlc = [T + 3 * HOUR, 7, 'ana'];
    const ben = receive([T, 0, 'ben'], ahead, T);
    expect(compareHlc(ben, ahead)).toBeGreaterThan(0);
    expect(compareHlc(tick(ben, T + 1), ahead)).toBeGreaterThan(0);
    expect(ben[2]).toBe('ben');
  });

  it('takes the wall clock when it is ahead of both', () => {
    expect(receive([T, 4, 'ben'], [T - 1, 9, 'ana'], T + 10)).toEqual([T + 10, 0, 'ben']);
  });

  it('counts past both counters when all three agree', () => {
    expect(receive([T, 4, 'ben'], [T, 9, 'ana'], T)).toEqual([T, 10, 'ben']);
  });
});

describe('compareHlc', () => {
  it('orders by wall time, then counter, then replica id', () => {
    const stamps: Hlc[] = [
      [T, 0, 'b'],
      [T, 1, 'a'],
      [T + 1, 0, 'a'],
      [T, 0, 'a'],
    ];
    expect(stamps.sort(compareHlc)).toEqual([
      [T, 0, 'a'],
      [T, 0, 'b'],
      [T, 1, 'a'],
      [T + 1, 0, 'a'],
    ]);
  });
});
