/**
 * Reading one cell of an export as a number or a calendar date. Strict on purpose: a cell
 * is a number only when all of it is one, so "Q3 2023" or a formula never becomes a value.
 */

export type NumberCell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'unreadable'; reason: string };

/** Characters that make a spreadsheet run a cell: such text is kept as text, never evaluated. */
const FORMULA_START = /^[=+@]|^-[^\d.]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.trim());
}

const NUMBER = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:e([-+]?\d+))?(%?)$/i;
/** Most cells of a large export: read by Number() alone, without the cleaning below. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * "1,234.5", "1234", "-3", "11.63%" (read as 11.63, the number shown), "$1,200", "1 234".
 * An empty cell is no value — never zero.
 */
export function readNumberCell(text: string): NumberCell {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (PLAIN_NUMBER.test(trimmed) && trimmed.length < 16) return { kind: 'number', value: Number(trimmed) };
  if (looksLikeFormula(trimmed)) return { kind: 'unreadable', reason: 'a formula, kept as text and not run' };
  const cleaned = trimmed
    .replace(/^\((.*)\)$/, '-$1')
    .replace(/\u2212/g, '-')
    .replace(/^([-+]?)[$€£¥]/, '$1')
    .replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '$1');
  const match = NUMBER.exec(cleaned);
  if (!match || (match[2] === '' && !match[3])) {
    return { kind: 'unreadable', reason: `"${short(trimmed)}" is not a number` };
  }
  const [, sign = '', whole = '', fraction = '', exponent] = match;
  const value = Number(`${sign}${whole.replace(/,/g, '') || '0'}${fraction}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(value)) return { kind: 'unreadable', reason: `"${short(trimmed)}" is too large` };
  return { kind: 'number', value };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Mar", "Mar.", "Sept", "March": any prefix of an English month name of three letters or more. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return lower.length >= 3 && index !== -1 ? index + 1 : null;
}

/*
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), without
 * a Date object per cell: a 100,000-row export reads, checks and rolls up every date, and
 * Date.parse with toISOString was most of that time. Hinnant's days_from_civil and
 * civil_from_days.
 */

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a real date. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day number of a YYYY-MM-DD date. */
export function dayNumberOf(date: string): number {
  return dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** A day number as YYYY-MM-DD. */
export function dateOfDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return ymdText(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function ymdText(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** YYYY-MM-DD when the year, month and day name a real day, else null (2023-02-30 is not one). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return ymdText(year, month, day);
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** Each pattern with how its parts become year, month, day. */
const DATE_FORMATS: [RegExp, (m: RegExpExecArray) => string | null][] = [
  // ISO date, or ISO date-time: the calendar date as written, the time zone not applied.
  [
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    (m) => isoDate(+m[1]!, +m[2]!, +m[3]!),
  ],
  // GA4's YYYYMMDD.
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => isoDate(+m[1]!, +m[2]!, +m[3]!)],
  // PostHog's 21-Mar-2023 (with an hour for hourly intervals), and 21 Mar 2023.
  [/^(\d{1,2})[- ]([A-Za-z]{3,9}\.?)[- ](\d{4})(?: \d{1,2}:\d{2})?$/, (m) => dayMonthYear(m[1]!, m[2]!, m[3]!)],
  // Mar 21, 2023 and March 21 2023, with an optional weekday in front.
  [/^(?:[A-Za-z]{3,9},? )?([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/, (m) => dayMonthYear(m[2]!, m[1]!, m[3]!)],
  // Universal Analytics in English (United States) writes M/D/YY.
  [/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/, (m) => isoDate(fullYear(m[3]!), +m[1]!, +m[2]!)],
];

function dayMonthYear(day: string, monthName: string, year: string): string | null {
  const month = monthNumber(monthName);
  return month === null ? null : isoDate(+year, month, +day);
}

/** A cell as a calendar date (YYYY-MM-DD), or null when it names no single day. */
export function readDateCell(text: string): string | null {
  const trimmed = text.trim();
  for (const [pattern, toDate] of DATE_FORMATS) {
    const match = pattern.exec(trimmed);
    if (match) return toDate(match);
  }
  return null;
}

/** The day `days` after a YYYY-MM-DD date (negative goes back). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumberOf(date) + days);
}
