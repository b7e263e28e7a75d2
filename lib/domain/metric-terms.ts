/**
 * What a metric's name says about it: a vanity count (sign-ups, downloads, page views)
 * or revenue, an output. The tree's lints and the NSM worksheet's coaching both ask.
 */
import type { Metric } from './types';

/*
 * Word matching. A term only counts when the name is about it: "Weekly active users who
 * downloaded a report" measures active users, not downloads. So a vanity term is ignored
 * when the text qualifies it (active, retained, "who ...", "that ..."), and in a
 * definition when it is named as excluded ("not", "excluding", "unlike").
 */
const VANITY_TERMS: { pattern: RegExp; label: string }[] = [
  { pattern: /\bsign[\s-]?ups?\b/, label: 'sign-ups' },
  { pattern: /\bregistrations?\b/, label: 'registrations' },
  { pattern: /\bregistered\s+(users?|accounts?|members?|customers?)\b/, label: 'registered users' },
  { pattern: /\bdownloads?\b/, label: 'downloads' },
  { pattern: /\b(app\s+)?installs\b|\binstallations\b/, label: 'installs' },
  { pattern: /\bpage[\s-]?views?\b/, label: 'page views' },
  {
    pattern: /\b(total|all[\s-]time|cumulative)\s+(users?|accounts?|members?|customers?|visitors?)\b/,
    label: 'total users',
  },
  { pattern: /\b(site|web|website|unique)\s+visitors?\b/, label: 'visitors' },
];

const QUALIFIERS =
  /\b(active|engaged|retained|returning|activated|recurring|who|that|which|whose|with|excluding|excludes|except|not|unlike)\b/;

const REVENUE_TERMS = /\b(revenue|mrr|arr|profits?|gmv|gross\s+merchandise\s+value|income|turnover|bookings\s+value)\b/;

// Revenue words qualify a revenue metric ("revenue per active user" is still revenue);
// only a relative clause makes revenue a side note ("teams who generate revenue").
const REVENUE_QUALIFIERS = /\b(who|that|which|whose)\b/;

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

function vanityTerm(text: string): string | null {
  const t = normalize(text);
  if (QUALIFIERS.test(t)) return null;
  return VANITY_TERMS.find((term) => term.pattern.test(t))?.label ?? null;
}

export function looksVanity(metric: Pick<Metric, 'name' | 'definition'>): string | null {
  return vanityTerm(metric.name) ?? vanityTerm(metric.definition);
}

/** Any revenue word in the name, qualified or not: what makes an output metric the revenue one. */
export function mentionsRevenue(name: string): boolean {
  return REVENUE_TERMS.test(normalize(name));
}

/** Only the name is checked: definitions rightly mention revenue ("leads MRR by a month"). */
export function looksRevenue(metric: Pick<Metric, 'name' | 'category'>): boolean {
  if (metric.category === 'revenue') return true;
  const name = normalize(metric.name);
  return REVENUE_TERMS.test(name) && !REVENUE_QUALIFIERS.test(name);
}
