import { describe, expect, it } from 'vitest';
import {
  amberWithinText,
  amberWithinTextProblem,
  amberWithinValue,
  thresholdSentence,
} from '../../lib/domain/threshold-text';

describe('the amber band as typed', () => {
  it('reads a percentage with or without the sign', () => {
    expect(amberWithinValue('10')).toBe(0.1);
    expect(amberWithinValue('2.5 %')).toBe(0.025);
    expect(amberWithinTextProblem('0')).toBeNull();
    expect(amberWithinTextProblem('100%')).toBeNull();
  });

  it('refuses a band outside 0% to 100%, or text that is no number, with the reason', () => {
    expect(amberWithinTextProblem('150')).toMatch(/from 0% to 100%/);
    expect(amberWithinTextProblem('-5')).toMatch(/from 0% to 100%/);
    expect(amberWithinTextProblem('ten')).toMatch(/percentage of the target/);
    expect(amberWithinTextProblem('')).toMatch(/percentage of the target/);
  });

  it('shows a stored fraction as the percentage the user typed', () => {
    expect(amberWithinText(0.1)).toBe('10');
    expect(amberWithinText(0.025)).toBe('2.5');
  });
});

describe('the rule in words', () => {
  it('says where green, amber and red start for a rising and a falling metric', () => {
    expect(thresholdSentence(52000, { direction: 'up', amberWithin: 0.1 })).toBe(
      'Green at 52,000 or more; amber from 46,800; red below that.',
    );
    expect(thresholdSentence(8, { direction: 'down', amberWithin: 0.25 })).toBe(
      'Green at 8 or less; amber up to 10; red above that.',
    );
  });

  it('asks for a target when there is none', () => {
    expect(thresholdSentence(null, { direction: 'up', amberWithin: 0.1 })).toMatch(/Set a target/);
  });
});
