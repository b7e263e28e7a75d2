/**
 * Which week a weekly review shows. A team's review looks back at the last complete ISO
 * week (Monday to Sunday): on a Monday the week `today` falls in has barely begun, and
 * even on a Sunday its last day is not over. The user can step to earlier weeks and to
 * the current one, which the review labels as still in progress.
 */
import { periodIndex, periodKey } from './correlation';
import { addDays, periodStart, shortDate } from './period';

const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

/** The ISO week label of the week `date` falls in: 2025-W11. */
export const weekOf = (date: string): string => periodKey(date, 'week');

/** The Monday of a week labelled 2025-W11; null for text that names no week (2025-W54, 2021-W53). */
export function weekStart(week: string): string | null {
  const match = WEEK_LABEL.exec(week);
  if (!match) return null;
  // ISO week 1 is the week holding 4 January.
  const firstMonday = periodStart(periodIndex(`${match[1]}-01-04`, 'week'), 'week');
  const monday = addDays(firstMonday, (Number(match[2]) - 1) * 7);
  return weekOf(monday) === week ? monday : null;
}

/** The week `steps` weeks after `week` (before, when negative); `week` must name a week. */
export function stepWeek(week: string, steps: number): string {
  const monday = weekStart(week);
  if (monday === null) throw new RangeError(`${week} names no ISO week`);
  return weekOf(addDays(monday, steps * 7));
}

/** The review's default week: the last one that has ended before `today`. */
export const lastCompleteWeek = (today: string): string => weekOf(addDays(today, -7));

export interface ReviewPeriod {
  week: string;
  /** Monday and Sunday of the week. */
  start: string;
  end: string;
  /** The last day the review can count: the Sunday, or `today` while the week runs. */
  until: string;
  inProgress: boolean;
}

/** The days a review of `week` covers, seen on `today`; a week after today's is clamped to today's. */
export function reviewPeriod(week: string, today: string): ReviewPeriod {
  const current = weekOf(today);
  const shown = week > current ? current : week;
  const start = weekStart(shown) ?? weekStart(current)!;
  const end = addDays(start, 6);
  const inProgress = shown === current;
  return { week: weekOf(start), start, end, until: inProgress ? today : end, inProgress };
}

/** The review's title, on the page and in its Markdown: "Weekly review of 2025-W11, 10 – 16 Mar 2025". */
export function reviewTitle(period: ReviewPeriod): string {
  const days = `${shortDate(period.start)} – ${shortDate(period.end, true)}`;
  return `Weekly review of ${period.week}, ${days}${period.inProgress ? ' (in progress)' : ''}`;
}
