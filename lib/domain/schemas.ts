/**
 * Runtime schemas for every record, used wherever data arrives from outside the
 * background: messages from views and imported files. Strict objects: an unknown key is
 * an error, so nothing unexpected (such as `__proto__`) is ever stored.
 */
import * as v from 'valibot';
import { ImportMappingsSchema } from './import/import-mappings';
import type { NumberPin } from './pinned-number';
import {
  GAMES,
  ITEM_STATUSES,
  METRIC_ROLES,
  NSM_CATEGORIES,
  PERIODS,
  REVIEW_QUESTIONS,
  SITE_IDS,
  type ReviewQuestion,
} from './types';

export const MAX_TEXT = 10_000;
export const MAX_NAME = 500;

export const MAX_ID = 200;
export const IdSchema = v.pipe(v.string(), v.minLength(1, 'an id cannot be empty'), v.maxLength(MAX_ID));
export const NameSchema = v.pipe(v.string(), v.maxLength(MAX_NAME));
export const TextSchema = v.pipe(v.string(), v.maxLength(MAX_TEXT));
export const TimestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
export const FiniteSchema = v.pipe(v.number(), v.finite('must be a finite number'));
/** 2024-02-30 has the right shape but names no day. */
export function isRealDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

export const DateSchema = v.pipe(
  v.string(),
  v.isoDate('must be a date written YYYY-MM-DD'),
  v.check(isRealDate, 'must be a date that exists'),
);
export const MAX_URL = 4096;
/** A link's key (an issue key, a path) and how many links an item may hold. */
export const MAX_LINK_KEY = 500;
export const MAX_LINKS = 50;
export const WEB_ADDRESS = /^https?:\/\//i;
/** Only web addresses: a `javascript:` or `data:` link stored here would run when clicked. */
export const UrlSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_URL),
  v.url('must be a URL'),
  v.regex(WEB_ADDRESS, 'must be an http or https address'),
);
export const SiteSchema = v.picklist(SITE_IDS);

export const TreeSchema = v.strictObject({
  id: IdSchema,
  name: NameSchema,
  game: v.nullable(v.picklist(GAMES)),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

/** A number pinned on a chart page (lib/domain/pinned-number.ts); an optional field of Metric, so no migration. */
export const NumberPinSchema = v.strictObject({
  sourceUrl: UrlSchema,
  label: v.pipe(v.string(), v.minLength(2, 'a pin needs the words beside its number'), v.maxLength(200)),
  labelAfter: v.boolean(),
  shape: v.strictObject({ prefix: v.pipe(v.string(), v.maxLength(8)), percent: v.boolean() }),
  gap: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  autoRecord: v.boolean(),
}) satisfies v.GenericSchema<unknown, NumberPin>;

export const MetricSchema = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  role: v.picklist(METRIC_ROLES),
  parentId: v.nullable(IdSchema),
  name: NameSchema,
  definition: TextSchema,
  unit: NameSchema,
  period: v.nullable(v.picklist(PERIODS)),
  category: v.nullable(v.picklist(NSM_CATEGORIES)),
  ownerTeam: NameSchema,
  leverage: v.pipe(FiniteSchema, v.minValue(0, 'leverage cannot be negative'), v.maxValue(100)),
  sourceUrls: v.pipe(v.array(UrlSchema), v.maxLength(100)),
  target: v.nullable(FiniteSchema),
  pins: v.optional(v.pipe(v.array(NumberPinSchema), v.maxLength(100))),
  updatedAt: TimestampSchema,
});

export const ObservationSchema = v.strictObject({
  id: IdSchema,
  metricId: IdSchema,
  at: DateSchema,
  value: FiniteSchema,
  sourceUrl: v.union([v.literal(''), UrlSchema]),
  note: TextSchema,
  updatedAt: TimestampSchema,
});

export const EntityLinkSchema = v.strictObject({
  site: SiteSchema,
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_LINK_KEY)),
  url: UrlSchema,
});

/** Range checks live in lib/domain/rice.ts, which names the field; here only the type. */
export const RiceInputSchema = v.strictObject({
  reach: v.nullable(FiniteSchema),
  impact: v.nullable(FiniteSchema),
  confidence: v.nullable(FiniteSchema),
  effort: v.nullable(FiniteSchema),
});

export const ItemSchema = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  title: NameSchema,
  links: v.pipe(v.array(EntityLinkSchema), v.maxLength(MAX_LINKS)),
  inputMetricId: v.nullable(IdSchema),
  rice: RiceInputSchema,
  status: v.picklist(ITEM_STATUSES),
  notes: TextSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

const answerEntries = Object.fromEntries(REVIEW_QUESTIONS.map((q) => [q, v.boolean()])) as Record<
  ReviewQuestion,
  v.BooleanSchema<undefined>
>;

export const ReviewSchema = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  at: TimestampSchema,
  answers: v.strictObject(answerEntries),
  note: TextSchema,
  updatedAt: TimestampSchema,
});

export const NsmChangeSchema = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  at: TimestampSchema,
  from: NameSchema,
  to: NameSchema,
  updatedAt: TimestampSchema,
});

/** The name a person shows beside their changes in shared trees (docs/sharing.md). */
export const DisplayNameSchema = v.pipe(NameSchema, v.trim(), v.minLength(1, 'is required'), v.maxLength(80));

export const SettingsSchema = v.strictObject({
  activeTreeId: v.nullable(IdSchema),
  disabledSites: v.array(SiteSchema),
  customDomains: v.pipe(
    v.array(v.strictObject({ origin: v.pipe(v.string(), v.maxLength(300)), site: SiteSchema })),
    v.maxLength(100),
  ),
  importMappings: v.optional(ImportMappingsSchema),
  displayName: v.optional(DisplayNameSchema),
});

/** Turns a valibot issue path into `items[3].rice.effort`, the form error messages use. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const step of issue.path ?? []) {
    const key = (step as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
