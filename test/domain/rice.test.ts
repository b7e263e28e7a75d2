import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_LEVELS,
  IMPACT_LEVELS,
  impactLabel,
  riceProblems,
  riceScore,
  riceScoreOnly,
  type RiceResult,
} from '../../lib/domain/rice';
import type { RiceInput } from '../../lib/domain/types';

const full: RiceInput = { reach: 1000, impact: 2, confidence: 0.8, effort: 4 };

function scoreOf(result: RiceResult): number {
  if (!result.ok) throw new Error(`expected a score, got: ${result.message}`);
  return result.score;
}

describe('RICE scales', () => {
  it('offers Intercom impact levels from massive to minimal', () => {
    expect(IMPACT_LEVELS).toEqual([
      { value: 3, label: 'Massive' },
      { value: 2, label: 'High' },
      { value: 1, label: 'Medium' },
      { value: 0.5, label: 'Low' },
      { value: 0.25, label: 'Minimal' },
    ]);
    expect(impactLabel(0.5)).toBe('Low');
    expect(impactLabel(4)).toBeNull();
  });

  it('offers high, medium and low confidence as 100%, 80% and 50%', () => {
    expect(CONFIDENCE_LEVELS).toEqual([
      { value: 1, label: 'High' },
      { value: 0.8, label: 'Medium' },
      { value: 0.5, label: 'Low' },
    ]);
  });
});

describe('riceScore', () => {
  it('is reach × impact × confidence ÷ effort', () => {
    expect(scoreOf(riceScore(full))).toBeCloseTo((1000 * 2 * 0.8) / 4);
  });

  it('multiplies impact by the input metric leverage on the NSM', () => {
    expect(scoreOf(riceScore(full, 1.5))).toBeCloseTo((1000 * 2 * 1.5 * 0.8) / 4);
    expect(scoreOf(riceScore(full, 0))).toBe(0);
  });

  it('scores 0 when nobody is reached', () => {
    expect(scoreOf(riceScore({ ...full, reach: 0 }))).toBe(0);
    expect(Object.is(scoreOf(riceScore({ ...full, reach: -0 })), 0)).toBe(true);
  });

  it('accepts every impact level and any confidence above 0 up to 100%', () => {
    for (const { value } of IMPACT_LEVELS) expect(riceScore({ ...full, impact: value }).ok).toBe(true);
    for (const confidence of [1, 0.8, 0.5, 0.3, 0.01]) expect(riceScore({ ...full, confidence }).ok).toBe(true);
  });

  it.each([
    ['reach', 'Reach is not estimated yet'],
    ['impact', 'Impact is not estimated yet'],
    ['confidence', 'Confidence is not estimated yet'],
    ['effort', 'Effort is not estimated yet'],
  ] as const)('names %s as missing when it is not estimated', (field, message) => {
    expect(riceScore({ ...full, [field]: null })).toEqual({ ok: false, field, reason: 'missing', message });
  });

  it('reports the first missing field in reach, impact, confidence, effort order', () => {
    const result = riceScore({ reach: 10, impact: null, confidence: null, effort: null });
    expect(result).toMatchObject({ ok: false, field: 'impact', reason: 'missing' });
  });

  it.each([
    ['reach', -1, /0 or more/],
    ['reach', Number.NaN, /0 or more/],
    ['reach', Number.POSITIVE_INFINITY, /0 or more/],
    ['impact', 1.5, /3 \(massive\), 2 \(high\), 1 \(medium\), 0\.5 \(low\), 0\.25 \(minimal\)/],
    ['impact', 0, /one of/],
    ['impact', -2, /one of/],
    ['confidence', 0, /more than 0% and at most 100%/],
    ['confidence', 1.2, /at most 100%/],
    ['confidence', 80, /at most 100%/],
    ['confidence', -0.5, /more than 0%/],
    ['effort', 0, /more than 0 person-months/],
    ['effort', -0, /more than 0 person-months/],
    ['effort', -3, /more than 0 person-months/],
    ['effort', Number.NaN, /person-months/],
  ] as const)('rejects %s = %s and says the allowed range', (field, value, message) => {
    const result = riceScore({ ...full, [field]: value });
    expect(result).toMatchObject({ ok: false, field, reason: 'invalid' });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('rejects a negative or non-finite leverage', () => {
    for (const leverage of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(riceScore(full, leverage)).toMatchObject({ ok: false, field: 'leverage', reason: 'invalid' });
    }
  });

  it('treats a score too large to compute as an invalid reach, not Infinity', () => {
    const result = riceScore({ reach: 1e308, impact: 3, confidence: 1, effort: 0.001 });
    expect(result).toMatchObject({ ok: false, field: 'reach', reason: 'invalid' });
    if (!result.ok) expect(result.message).toMatch(/too large/);
  });

  it('still scores a huge reach when the effort brings the result back in range', () => {
    expect(scoreOf(riceScore({ reach: 1e308, impact: 3, confidence: 1, effort: 10 }))).toBeCloseTo(3e307, -300);
  });

  it('never returns NaN or Infinity, whatever the inputs', () => {
    const edges = [null, 0, -0, 5e-324, 0.25, 0.5, 1, 3, 1e308, -1, Number.NaN, Infinity, -Infinity];
    const leverages = [0, -0, 1, 1e308, Number.NaN, Infinity];
    let scored = 0;
    const broken: string[] = [];
    for (const reach of edges)
      for (const impact of edges)
        for (const confidence of edges)
          for (const effort of edges)
            for (const leverage of leverages) {
              const result = riceScore({ reach, impact, confidence, effort }, leverage);
              const fine = result.ok ? Number.isFinite(result.score) && result.score >= 0 : result.message !== '';
              if (result.ok) scored += 1;
              if (!fine) broken.push(JSON.stringify({ reach, impact, confidence, effort, leverage, result }));
            }
    expect(broken).toEqual([]);
    expect(scored).toBeGreaterThan(0);
  });
});

describe('riceProblems', () => {
  it('lists a problem for every field at once, for a form', () => {
    const problems = riceProblems({ reach: -5, impact: null, confidence: 2, effort: 3 }, Number.NaN);
    expect(Object.keys(problems).sort()).toEqual(['confidence', 'impact', 'leverage', 'reach']);
    expect(problems.impact?.reason).toBe('missing');
    expect(problems.reach?.reason).toBe('invalid');
  });

  it('is empty for a complete, valid estimate', () => {
    expect(riceProblems(full)).toEqual({});
  });
});

describe('riceScoreOnly (what the pill shows)', () => {
  const cases: [RiceInput, number][] = [
    [full, 1],
    [full, 0],
    [{ ...full, reach: 0 }, 2],
    [{ ...full, reach: null }, 1],
    [{ ...full, impact: 0.7 }, 1],
    [{ ...full, confidence: 1.5 }, 1],
    [{ ...full, effort: 0 }, 1],
    [full, -1],
    [{ ...full, reach: Number.MAX_VALUE, effort: 0.5 }, 3],
  ];

  it('is the score riceScore gives, and null wherever riceScore names a problem', () => {
    for (const [rice, leverage] of cases) {
      const full = riceScore(rice, leverage);
      expect(riceScoreOnly(rice, leverage)).toBe(full.ok ? full.score : null);
    }
    expect(cases.filter(([rice, leverage]) => riceScoreOnly(rice, leverage) !== null).length).toBe(3);
  });
});
