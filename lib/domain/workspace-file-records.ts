/**
 * The quick check of a file's two large stores. A file at the record caps holds 100,000
 * items and 500,000 observations, and valibot's generic walk over them (a dataset, a path
 * and an output copy per field) took most of the check: 2.5-3.5 s of the 100,000-item
 * import at load 8 on 2 cores (docs/benchmarks.md, round 12). These checks accept a record
 * only where ItemSchema or ObservationSchema (schemas.ts) accepts it, field by field with
 * the same rules; anything else, or anything they do not decide (an array where an object
 * should be, an unusual key), sends the whole file through the schemas as before. So a
 * file the schemas refuse is refused by them, with their message and path: these checks
 * only make a good file quicker.
 */
import { MAX_ID, MAX_LINK_KEY, MAX_LINKS, MAX_NAME, MAX_TEXT, MAX_URL, WEB_ADDRESS, isRealDate } from './schemas';
import { ITEM_STATUSES, SITE_IDS } from './types';

const ITEM_KEYS = 10;
const OBSERVATION_KEYS = 7;
const LINK_KEYS = 3;
const RICE_KEYS = 4;

const SITES: ReadonlySet<unknown> = new Set(SITE_IDS);
const STATUSES: ReadonlySet<unknown> = new Set(ITEM_STATUSES);
/** valibot's isoDate (ISO_DATE_REGEX); the day is then checked to exist, as DateSchema does. */
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])$/u;

/** True when every record is an item ItemSchema accepts as it is. */
export function itemsPlain(records: unknown): boolean {
  return everyRecord(records, isPlainItem);
}

/** True when every record is an observation ObservationSchema accepts as it is. */
export function observationsPlain(records: unknown): boolean {
  return everyRecord(records, isPlainObservation);
}

/** Whether `records` is an array whose every record `plain` accepts. */
function everyRecord(records: unknown, plain: (record: unknown) => boolean): boolean {
  if (!Array.isArray(records)) return false;
  for (const record of records) if (!plain(record)) return false;
  return true;
}

function isPlainItem(value: unknown): boolean {
  if (!isRecord(value, ITEM_KEYS)) return false;
  const item = value as Record<string, unknown>;
  return (
    isId(item.id) &&
    isId(item.treeId) &&
    isText(item.title, MAX_NAME) &&
    areLinks(item.links) &&
    (item.inputMetricId === null || isId(item.inputMetricId)) &&
    isRice(item.rice) &&
    STATUSES.has(item.status) &&
    isText(item.notes, MAX_TEXT) &&
    isTimestamp(item.createdAt) &&
    isTimestamp(item.updatedAt)
  );
}

function isPlainObservation(value: unknown): boolean {
  if (!isRecord(value, OBSERVATION_KEYS)) return false;
  const observation = value as Record<string, unknown>;
  return (
    isId(observation.id) &&
    isId(observation.metricId) &&
    isDate(observation.at) &&
    isFiniteNumber(observation.value) &&
    (observation.sourceUrl === '' || isUrl(observation.sourceUrl)) &&
    isText(observation.note, MAX_TEXT) &&
    isTimestamp(observation.updatedAt)
  );
}

function areLinks(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_LINKS) return false;
  for (const link of value) {
    if (!isRecord(link, LINK_KEYS)) return false;
    const { site, key, url } = link as Record<string, unknown>;
    if (!SITES.has(site) || typeof key !== 'string' || key.length < 1 || key.length > MAX_LINK_KEY) return false;
    if (!isUrl(url)) return false;
  }
  return true;
}

function isRice(value: unknown): boolean {
  if (!isRecord(value, RICE_KEYS)) return false;
  const { reach, impact, confidence, effort } = value as Record<string, unknown>;
  return [reach, impact, confidence, effort].every((n) => n === null || isFiniteNumber(n));
}

/**
 * A plain object with exactly `keys` own keys. With each expected field then checked to
 * hold a value (never undefined: JSON has none), that is exactly the schema's keys.
 */
function isRecord(value: unknown, keys: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    count += 1;
  }
  return count === keys;
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID;
}

function isText(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max;
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** TimestampSchema: an integer from 0 to 8.64e15. */
function isTimestamp(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 8.64e15;
}

/** Every month has a 28th, so only a later day needs the calendar. */
function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return Number(value.slice(8, 10)) <= 28 || isRealDate(value);
}

/**
 * UrlSchema's rules without its pipe (100,000 links took 0.46 s through `v.is` at load 15):
 * at most 4,096 characters, http or https, and a URL the browser parses (valibot's
 * `url()` asks `URL.canParse`, or `new URL` where that is missing).
 */
function isUrl(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_URL && WEB_ADDRESS.test(value) && parses(value);
}

function parses(url: string): boolean {
  if (URL.canParse) return URL.canParse(url);
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
