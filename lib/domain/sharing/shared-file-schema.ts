/**
 * The shared file's schema (docs/sharing.md). Field values reuse the record schemas of
 * lib/domain/schemas.ts, so a value the shared file accepts is one the database accepts.
 * Sets are arrays of { key, value, at } rather than objects keyed by `key`: valibot's
 * record schema silently skips keys such as `__proto__`, and a file must be refused,
 * never quietly changed.
 */
import * as v from 'valibot';
import { IdSchema, ItemSchema, MetricSchema, NameSchema, RiceInputSchema, TreeSchema, UrlSchema } from '../schemas';
import { APP_NAME } from '../workspace-file';
import { type Hlc, MAX_COUNTER } from './hlc';
import { ITEM_FIELDS, METRIC_FIELDS, TREE_FIELDS } from './state';

export const SHARED_FORMAT_VERSION = 1;
export const SHARED_KIND = 'shared-tree';
/** A shared tree split into a small index and parts (shared-parts.ts): one edit writes one part. */
export const SHARED_PARTS_VERSION = 2;
export const SHARED_PART_KIND = 'shared-tree-part';

/** The same cap as an import: a shared file is read whole, like one. */
export const MAX_SHARED_BYTES = 32 * 1024 * 1024;

export const MAX_SHARED_RECORDS = {
  metrics: 20_000,
  items: 100_000,
  deletedMetrics: 20_000,
  deletedItems: 200_000,
  people: 1_000,
} as const;

/** Elements per set, removed ones included; a live item has at most 50 links, a metric 100 chart URLs. */
export const MAX_SET_ENTRIES = 500;

export const ReplicaIdSchema = v.pipe(
  v.string(),
  v.minLength(1, 'a replica id cannot be empty'),
  v.maxLength(64),
  v.regex(/^[A-Za-z0-9_-]+$/, 'a replica id is letters, digits, "-" and "_"'),
);

const REPLICA_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One check per stamp rather than a tuple schema: a file of 10,000 items holds over 100,000 stamps. */
export function isHlc(value: unknown): value is Hlc {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [wall, counter, replica] = value as unknown[];
  return (
    Number.isSafeInteger(wall) &&
    (wall as number) >= 0 &&
    (wall as number) <= 8.64e15 &&
    Number.isSafeInteger(counter) &&
    (counter as number) >= 0 &&
    (counter as number) <= MAX_COUNTER &&
    typeof replica === 'string' &&
    REPLICA_ID.test(replica)
  );
}

export const HlcSchema = v.custom<Hlc>(isHlc, 'must be a stamp: [milliseconds, counter, replica id]');

function stampsOf<const K extends string>(keys: readonly K[]) {
  return v.strictObject(Object.fromEntries(keys.map((key) => [key, HlcSchema])) as Record<K, typeof HlcSchema>);
}

const SetEntrySchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  value: v.nullable(UrlSchema),
  at: HlcSchema,
});
const SetSchema = v.pipe(v.array(SetEntrySchema), v.maxLength(MAX_SET_ENTRIES));

export const SharedTreeSchema = v.strictObject({
  id: IdSchema,
  created: HlcSchema,
  fields: v.pick(TreeSchema, TREE_FIELDS),
  stamps: stampsOf(TREE_FIELDS),
});

export const SharedMetricSchema = v.strictObject({
  id: IdSchema,
  created: HlcSchema,
  fields: v.pick(MetricSchema, METRIC_FIELDS),
  stamps: stampsOf(METRIC_FIELDS),
  sourceUrls: SetSchema,
});

export const SharedItemSchema = v.strictObject({
  id: IdSchema,
  created: HlcSchema,
  fields: v.strictObject({
    ...v.pick(ItemSchema, ['title', 'inputMetricId', 'status', 'notes']).entries,
    ...RiceInputSchema.entries,
  }),
  stamps: stampsOf(ITEM_FIELDS),
  links: SetSchema,
});

export const TombstoneSchema = v.strictObject({
  id: IdSchema,
  at: HlcSchema,
  published: v.nullable(HlcSchema),
  label: NameSchema,
});

export const PersonSchema = v.strictObject({
  replica: ReplicaIdSchema,
  name: NameSchema,
  named: HlcSchema,
  seen: v.nullable(HlcSchema),
});

/** The tree's header, records, tombstones and people: a version-1 file whole, or a version-2 part with its index's header. */
const SHARED_BODY = {
  tree: SharedTreeSchema,
  metrics: v.array(SharedMetricSchema),
  items: v.array(SharedItemSchema),
  deletedMetrics: v.array(TombstoneSchema),
  deletedItems: v.array(TombstoneSchema),
  people: v.array(PersonSchema),
  prunedThrough: v.nullable(HlcSchema),
};

export const SharedBodySchema = v.strictObject(SHARED_BODY);

export const SharedFileSchema = v.strictObject({
  app: v.literal(APP_NAME),
  kind: v.literal(SHARED_KIND),
  formatVersion: v.literal(SHARED_FORMAT_VERSION),
  ...SHARED_BODY,
});

export type SharedFile = v.InferOutput<typeof SharedFileSchema>;
/** What a shared tree holds, whichever file or files it came from. */
export type SharedBody = v.InferOutput<typeof SharedBodySchema>;
