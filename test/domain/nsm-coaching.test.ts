import { describe, expect, it } from 'vitest';
import { COACHING_IDS, coachCandidate, REWRITES } from '../../lib/domain/nsm-coaching';
import { CANDIDATE_CRITERIA, type NsmCandidate } from '../../lib/domain/loop-types';

function candidate(name: string, fields: Partial<NsmCandidate> = {}): NsmCandidate {
  return {
    id: 'c',
    name,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    valueEventIds: [],
    teams: ['Search', 'Supply', 'Growth'],
    scores: Object.fromEntries(CANDIDATE_CRITERIA.map((c) => [c, null])) as NsmCandidate['scores'],
    ...fields,
  };
}

const ids = (c: NsmCandidate) => coachCandidate(c).map((f) => f.id);

describe('coachCandidate', () => {
  it('says nothing about a good North Star, or before anything is typed', () => {
    expect(coachCandidate(candidate('Nights booked'))).toEqual([]);
    expect(coachCandidate(candidate('  '))).toEqual([]);
  });

  it('coaches "Users" towards monthly active users who used a core feature', () => {
    const [finding] = coachCandidate(candidate('Users'));
    expect(finding?.id).toBe('not-quantifiable');
    expect(finding?.rewrite).toEqual(REWRITES['not-quantifiable']);
    expect(finding?.rewrite.good).toBe('Monthly active users who used at least one core feature');
  });

  it("reuses the tree's lints: vanity, revenue, not time-bound", () => {
    expect(ids(candidate('Weekly sign-ups'))).toEqual(['vanity']);
    expect(ids(candidate('Monthly recurring revenue'))).toEqual(['revenue']);
    expect(ids(candidate('Nights booked', { period: null }))).toEqual(['not-time-bound']);
  });

  it('flags a vague name that says nothing of what is counted', () => {
    expect(ids(candidate('Customer engagement'))).toEqual(['not-quantifiable']);
    expect(ids(candidate('Share of teams with high engagement'))).toEqual([]);
  });

  it('flags an activity count a team can inflate, unless it ends in an outcome', () => {
    const [finding] = coachCandidate(candidate('Weekly search clicks'));
    expect(finding?.id).toBe('easy-to-game');
    expect(finding?.message).toMatch(/counts clicks/);
    expect(ids(candidate('Emails sent per week'))).toEqual(['easy-to-game']);
    expect(ids(candidate('Weekly log-ins'))).toEqual(['easy-to-game']);
    expect(ids(candidate('Invitations sent per team'))).toEqual(['easy-to-game']);
    expect(ids(candidate('Sessions that end in a booking'))).toEqual([]);
  });

  it('flags a candidate fewer than 3 teams can move, counting a team once', () => {
    const one = coachCandidate(candidate('Nights booked', { teams: ['Search', ' search ', ''] }));
    expect(one.map((f) => f.id)).toEqual(['one-team']);
    expect(one[0]?.message).toMatch(/^Only one team is named/);
    expect(coachCandidate(candidate('Nights booked', { teams: [] }))[0]?.message).toMatch(/^No team is named/);
  });

  it('lists findings in catalogue order', () => {
    expect(ids(candidate('Revenue', { period: null, teams: [] }))).toEqual([
      'revenue',
      'not-time-bound',
      'not-quantifiable',
      'one-team',
    ]);
  });

  it('gives every finding a rewrite whose good side passes the wording checks', () => {
    expect(Object.keys(REWRITES).sort()).toEqual([...COACHING_IDS].sort());
    for (const rewrite of Object.values(REWRITES)) {
      expect(coachCandidate(candidate(rewrite.good))).toEqual([]);
      expect(coachCandidate(candidate(rewrite.poor, { teams: [] })).length).toBeGreaterThan(0);
    }
  });
});
