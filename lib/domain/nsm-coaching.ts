/**
 * Coaching on a candidate North Star as it is typed: the tree's lints (vanity, revenue,
 * not time-bound) plus three checks only a candidate needs (quantifiable, hard to game,
 * movable by several teams). Each finding carries a poor -> good rewrite, because a
 * worked example teaches the rule faster than the rule.
 */
import { MIN_TEAMS } from './lint';
import { looksRevenue, looksVanity } from './metric-terms';
import type { NsmCandidate } from './loop-types';

export const COACHING_IDS = [
  'vanity',
  'revenue',
  'not-time-bound',
  'not-quantifiable',
  'easy-to-game',
  'one-team',
] as const;
export type CoachingId = (typeof COACHING_IDS)[number];

export interface Rewrite {
  poor: string;
  good: string;
  why: string;
}

/** One worked example per finding, shown beside it. */
export const REWRITES: Record<CoachingId, Rewrite> = {
  vanity: {
    poor: 'Sign-ups',
    good: 'New accounts that complete a first project within 7 days',
    why: 'a sign-up is a promise; a completed project is value received',
  },
  revenue: {
    poor: 'Monthly revenue',
    good: 'Nights booked per week',
    why: 'revenue follows the value customers get; measure that value and revenue comes after',
  },
  'not-time-bound': {
    poor: 'Total nights booked',
    good: 'Nights booked per week',
    why: 'a total only grows; a weekly count can fall and shows this week’s progress',
  },
  'not-quantifiable': {
    poor: 'Users',
    good: 'Monthly active users who used at least one core feature',
    why: 'it says who counts, doing what, in which period',
  },
  'easy-to-game': {
    poor: 'Search clicks',
    good: 'Searches that end in a booking within 7 days',
    why: 'clicks rise with a louder button; bookings only rise when the search helped',
  },
  'one-team': {
    poor: 'Onboarding emails opened',
    good: 'Weekly active teams sending messages',
    why: 'onboarding, growth, platform and mobile teams all move the second',
  },
};

export interface CoachingFinding {
  id: CoachingId;
  message: string;
  rewrite: Rewrite;
}

const words = (list: readonly string[]) => new RegExp(`\\b(${list.join('|')})\\b`);

const VAGUE_TERMS = words([
  'engagement',
  'happiness',
  'satisfaction',
  'delight',
  'love',
  'loyalty',
  'quality',
  'success',
  'experience',
  'awareness',
  'growth',
  'health',
  'adoption',
  'usage',
  'activity',
  'value',
]);
// Words that say what is counted or how it is measured.
const MEASURE_WORDS = /%|\b(number|count|share|percent|percentage|rate|ratio|per|hours|minutes|days|nights|score)\b/;
const CLAUSE_WORDS = /\b(who|that|which|whose|with)\b/;

const GAMEABLE_TERMS = words([
  'clicks?',
  'impressions?',
  'opens?',
  'opened',
  'visits?',
  'sessions?',
  'log[\\s-]?ins?',
  'logins?',
  'time on (site|page|app)',
  '(notifications?|emails?|messages?|invit\\w*|pushes|push notifications) sent',
]);
// An outcome clause turns an activity into a result: "sessions that end in a booking".
const OUTCOME_QUALIFIERS = /\b(who|that|which|whose|ending|ended|resulting|completed?|leading)\b/;

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const quote = (name: string) => `“${name.trim() || 'Unnamed candidate'}”`;

function notQuantifiable(name: string): boolean {
  const t = normalize(name);
  if (t === '') return false;
  if (!t.includes(' ')) return true;
  return VAGUE_TERMS.test(t) && !MEASURE_WORDS.test(t) && !CLAUSE_WORDS.test(t);
}

function gameableTerm(name: string): string | null {
  const t = normalize(name);
  if (OUTCOME_QUALIFIERS.test(t)) return null;
  return GAMEABLE_TERMS.exec(t)?.[0] ?? null;
}

function distinctTeams(teams: readonly string[]): number {
  return new Set(teams.map((t) => t.trim().toLowerCase()).filter((t) => t !== '')).size;
}

/** Findings in `COACHING_IDS` order; none for a blank name (nothing typed yet). */
export function coachCandidate(candidate: NsmCandidate): CoachingFinding[] {
  const { name } = candidate;
  if (name.trim() === '') return [];
  const findings: CoachingFinding[] = [];
  const add = (id: CoachingId, message: string) => findings.push({ id, message, rewrite: REWRITES[id] });

  const vanity = looksVanity(candidate);
  if (vanity) {
    add('vanity', `${quote(name)} looks like a vanity metric (${vanity}): it can grow while no customer gets value.`);
  }
  if (looksRevenue(candidate)) {
    add('revenue', `${quote(name)} is revenue, an output that lags the value customers get.`);
  }
  if (candidate.period === null) {
    const message = `${quote(name)} has no period: choose per week, per month… so it can fall as well as rise.`;
    add('not-time-bound', message);
  }
  if (notQuantifiable(name)) {
    add(
      'not-quantifiable',
      `${quote(name)} does not say what is counted: name who counts, doing what, so two people would ` +
        'get the same number.',
    );
  }
  const gameable = gameableTerm(name);
  if (gameable) {
    add(
      'easy-to-game',
      `${quote(name)} counts ${gameable}, which a team can raise without anyone getting more value; ` +
        'count the outcome the activity should lead to.',
    );
  }
  const teams = distinctTeams(candidate.teams);
  if (teams < MIN_TEAMS) {
    add(
      'one-team',
      `${teams === 0 ? 'No team is' : teams === 1 ? 'Only one team is' : `Only ${teams} teams are`} named as ` +
        `able to move ${quote(name)}. A North Star is moved by at least ${MIN_TEAMS} teams; one that a single ` +
        'team moves is a team metric.',
    );
  }
  return findings;
}
