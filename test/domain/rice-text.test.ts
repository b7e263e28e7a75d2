import { describe, expect, it } from 'vitest';
import { applyRiceText, riceFieldProblem, riceFieldText, riceFieldValue } from '../../lib/domain/rice-text';
import { EMPTY_RICE } from '../../lib/domain/types';

describe('RICE fields as typed', () => {
  it('shows confidence in percent and stores it as a fraction', () => {
    expect(riceFieldText('confidence', 0.8)).toBe('80');
    expect(riceFieldValue('confidence', '80')).toEqual({ ok: true, value: 0.8 });
  });

  it('reads an empty field as not estimated and writes null as empty', () => {
    expect(riceFieldValue('reach', '  ')).toEqual({ ok: true, value: null });
    expect(riceFieldText('reach', null)).toBe('');
    expect(riceFieldProblem('effort', '')).toBeNull();
  });

  it('reads numbers the way people write them', () => {
    expect(riceFieldValue('reach', '1.2k')).toEqual({ ok: true, value: 1200 });
  });

  it('names the problem with a value that cannot be stored', () => {
    expect(riceFieldProblem('effort', '0')).toMatch(/Effort must be more than 0/);
    expect(riceFieldProblem('confidence', '150')).toMatch(/at most 100%/);
    expect(riceFieldProblem('impact', '4')).toMatch(/Impact must be one of/);
    expect(riceFieldProblem('reach', 'lots')).toMatch(/Type a number/);
  });

  it('lays only storable typed values over the stored estimate', () => {
    const stored = { ...EMPTY_RICE, reach: 10, effort: 2 };
    expect(applyRiceText(stored, { reach: '500', effort: '0', confidence: '50' })).toEqual({
      reach: 500,
      impact: null,
      confidence: 0.5,
      effort: 2,
    });
  });
});
