import { describe, expect, it } from 'vitest';
import {
  candidateAsNsm,
  chosenCandidate,
  MAX_SUGGESTED_INPUTS,
  MIN_SUGGESTED_INPUTS,
  rankCandidates,
  rankValueEvents,
  ratingProblem,
  suggestInputs,
  valueEventCountNote,
} from '../../lib/domain/discovery';
import { TEMPLATES } from '../../lib/domain/templates';
import { CANDIDATE_CRITERIA, type NsmCandidate, type NsmWorksheet, type ValueEvent } from '../../lib/domain/loop-types';

function event(id: string, frequency: number | null, measurability: number | null, growth: number | null): ValueEvent {
  return { id, text: id, ratings: { frequency, measurability, growthCorrelation: growth } };
}

function candidate(id: string, fields: Partial<NsmCandidate> = {}, score: number | null = 3): NsmCandidate {
  return {
    id,
    name: id,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    valueEventIds: [],
    teams: ['Search', 'Supply', 'Growth'],
    scores: Object.fromEntries(CANDIDATE_CRITERIA.map((c) => [c, score])) as NsmCandidate['scores'],
    ...fields,
  };
}

describe('ratingProblem', () => {
  it.each([1, 3, 5])('accepts %s', (r) => expect(ratingProblem(r)).toBeNull());
  it.each([0, 6, 2.5, Number.NaN, -1])('refuses %s with the reason', (r) => {
    expect(ratingProblem(r)).toBe('A rating is a whole number from 1 (poor) to 5 (excellent)');
  });
});

describe('valueEventCountNote', () => {
  it('asks for 5 to 10 value events until there are 5', () => {
    expect(valueEventCountNote(1)).toMatch(/^1 value event so far: collect 5 to 10 moments/);
    expect(valueEventCountNote(4)).toMatch(/^4 value events so far/);
    expect(valueEventCountNote(5)).toBeNull();
  });
});

describe('rankValueEvents', () => {
  it('weighs growth correlation most and frequency least', () => {
    // often: 5×0.2 + 2×0.3 + 1×0.5 = 2.1; booked: 2×0.2 + 4×0.3 + 5×0.5 = 4.1
    const ranked = rankValueEvents([event('often', 5, 2, 1), event('booked', 2, 4, 5)]);
    expect(ranked.map((r) => [r.event.id, r.rank])).toEqual([
      ['booked', 1],
      ['often', 2],
    ]);
    expect(ranked[0]!.score).toBeCloseTo(4.1, 10);
    expect(ranked[1]!.score).toBeCloseTo(2.1, 10);
  });

  it('leaves an event not fully rated unranked, after the rated ones', () => {
    const ranked = rankValueEvents([event('half', 5, null, 5), event('low', 1, 1, 1)]);
    expect(ranked.map((r) => [r.event.id, r.score, r.rank])).toEqual([
      ['low', 1, 1],
      ['half', null, null],
    ]);
  });
});

describe('rankCandidates', () => {
  it('lets the three tests decide and the playbook six break ties', () => {
    const strongCore = candidate('core', {}, 3);
    strongCore.scores = { ...strongCore.scores, customerValue: 5, leadsGrowth: 5, reflectsStrategy: 5 };
    const polished = candidate('polished', {}, 5);
    polished.scores = { ...polished.scores, customerValue: 4 };
    const tied = candidate('tied', {}, 4);
    tied.scores = { ...tied.scores, customerValue: 4, leadsGrowth: 5, reflectsStrategy: 5 };
    const ranked = rankCandidates([polished, tied, strongCore]);
    // core: core 5, polished 14/3, tied 14/3; playbook: polished 5, tied 4
    expect(ranked.map((r) => [r.candidate.id, r.rank])).toEqual([
      ['core', 1],
      ['polished', 2],
      ['tied', 3],
    ]);
    expect(ranked[1]!.core).toBeCloseTo(14 / 3, 10);
  });

  it('ranks no candidate that is not fully scored', () => {
    const unscored = candidate('unscored', {}, null);
    const ranked = rankCandidates([unscored, candidate('scored')]);
    expect(ranked.map((r) => [r.candidate.id, r.rank, r.core])).toEqual([
      ['scored', 1, 3],
      ['unscored', null, null],
    ]);
  });
});

describe('choosing a candidate', () => {
  const worksheet: NsmWorksheet = {
    id: 'w',
    treeId: 't1',
    valueEvents: [],
    candidates: [candidate('a'), candidate('b', { name: '  Nights booked ', unit: 'nights', category: 'consumption' })],
    chosenCandidateId: 'b',
    updatedAt: 0,
  };

  it('finds the chosen candidate and turns it into the NSM fields', () => {
    const chosen = chosenCandidate(worksheet);
    expect(chosen?.id).toBe('b');
    expect(candidateAsNsm(chosen!)).toEqual({
      role: 'nsm',
      parentId: null,
      name: 'Nights booked',
      definition: '',
      unit: 'nights',
      period: 'week',
      category: 'consumption',
    });
    expect(chosenCandidate({ ...worksheet, chosenCandidateId: null })).toBeNull();
  });
});

describe('suggestInputs', () => {
  it("suggests the closest template's inputs with their owner teams", () => {
    const nights = candidate('Nights booked', {
      definition: 'Nights booked by guests per week',
      category: 'consumption',
    });
    const suggestions = suggestInputs(nights);
    expect(suggestions.map((s) => [s.name, s.ownerTeam])).toEqual([
      ['Bookable listings', 'Host growth'],
      ['Search-to-book conversion', 'Guest experience'],
      ['Repeat guests', 'Loyalty'],
      ['Average nights per booking', 'Trips'],
    ]);
    expect(suggestions.every((s) => s.templateId === 'nights-booked')).toBe(true);
  });

  it('tops up from the next template to at least 4, and never past 6', () => {
    const [first, second] = TEMPLATES;
    const small = { ...first!, inputs: first!.inputs.slice(0, 2) };
    const suggestions = suggestInputs(candidate('Nights booked', { category: 'consumption' }), [small, second!]);
    expect(suggestions.length).toBeGreaterThanOrEqual(MIN_SUGGESTED_INPUTS);
    expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTED_INPUTS);
    expect(suggestions.slice(0, 2).map((s) => s.templateId)).toEqual(['nights-booked', 'nights-booked']);
    expect(suggestions[2]!.templateId).toBe(second!.id);
  });
});
