/**
 * Runtime schemas for the team loop's records (worksheet, key results, thresholds,
 * shipments, experiments), in the style of schemas.ts: strict objects, sane limits.
 * Rules that span fields or need words a user can act on come from the domain modules
 * (`keyResultProblems`, `experimentProblems`, ...), so a form and an import refuse the
 * same thing for the same reason, reported at the field's path.
 */
import * as v from 'valibot';
import { MAX_CANDIDATES, MAX_VALUE_EVENTS, RATING_MAX, RATING_MIN, ratingProblem } from './discovery';
import { amberWithinProblem } from './metric-status';
import { keyResultProblems } from './okr';
import { experimentProblems } from './outcomes';
import { DateSchema, IdSchema, NameSchema, TextSchema, TimestampSchema } from './schemas';
import { NSM_CATEGORIES, PERIODS } from './types';
import { reviewNoteProblems } from './weekly-review';
import {
  CANDIDATE_CRITERIA,
  type CandidateCriterion,
  DIRECTIONS,
  EXPERIMENT_RESULTS,
  VALUE_EVENT_RATINGS,
  type ValueEventRating,
} from './loop-types';

export const MAX_TEAMS = 30;

const RatingSchema = v.nullable(
  v.pipe(
    v.number(),
    v.check((r) => ratingProblem(r) === null, `must be a whole number from ${RATING_MIN} to ${RATING_MAX}`),
  ),
);

function ratingsOf<K extends string>(keys: readonly K[]) {
  return v.strictObject(Object.fromEntries(keys.map((k) => [k, RatingSchema])) as Record<K, typeof RatingSchema>);
}

/** Reports each field problem a domain module finds at that field's path. */
function fieldProblems<T extends Record<string, unknown>>(problemsOf: (value: T) => Partial<Record<string, string>>) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const input = dataset.value;
    for (const [key, message] of Object.entries(problemsOf(input))) {
      if (message === undefined) continue;
      addIssue({ message, path: [{ type: 'object', origin: 'value', input, key, value: input[key] }] });
    }
  });
}

function uniqueIds<T extends { id: string }>(items: T[]): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}

export const ValueEventSchema = v.strictObject({
  id: IdSchema,
  text: NameSchema,
  ratings: ratingsOf<ValueEventRating>(VALUE_EVENT_RATINGS),
});

export const NsmCandidateSchema = v.strictObject({
  id: IdSchema,
  name: NameSchema,
  definition: TextSchema,
  unit: NameSchema,
  period: v.nullable(v.picklist(PERIODS)),
  category: v.nullable(v.picklist(NSM_CATEGORIES)),
  valueEventIds: v.pipe(v.array(IdSchema), v.maxLength(MAX_VALUE_EVENTS)),
  teams: v.pipe(v.array(NameSchema), v.maxLength(MAX_TEAMS, `name at most ${MAX_TEAMS} teams`)),
  scores: ratingsOf<CandidateCriterion>(CANDIDATE_CRITERIA),
});

export const NsmWorksheetSchema = v.pipe(
  v.strictObject({
    id: IdSchema,
    treeId: IdSchema,
    valueEvents: v.pipe(
      v.array(ValueEventSchema),
      v.maxLength(MAX_VALUE_EVENTS, `collect at most ${MAX_VALUE_EVENTS} value events: keep the strongest`),
      v.check(uniqueIds, 'two value events have the same id'),
    ),
    candidates: v.pipe(
      v.array(NsmCandidateSchema),
      v.maxLength(MAX_CANDIDATES, `weigh at most ${MAX_CANDIDATES} candidates at once`),
      v.check(uniqueIds, 'two candidates have the same id'),
    ),
    chosenCandidateId: v.nullable(IdSchema),
    updatedAt: TimestampSchema,
  }),
  v.check(
    (w) => w.chosenCandidateId === null || w.candidates.some((c) => c.id === w.chosenCandidateId),
    'the chosen candidate is not on the worksheet',
  ),
);

const KeyResultObject = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  quarter: v.pipe(v.string(), v.maxLength(10)),
  metricId: IdSchema,
  team: NameSchema,
  baseline: v.number(),
  target: v.number(),
  due: v.pipe(v.string(), v.maxLength(10)),
  updatedAt: TimestampSchema,
});
export const KeyResultSchema = v.pipe(
  KeyResultObject,
  fieldProblems<v.InferOutput<typeof KeyResultObject>>(keyResultProblems),
);

export const MetricThresholdsSchema = v.pipe(
  v.strictObject({
    metricId: IdSchema,
    direction: v.picklist(DIRECTIONS),
    amberWithin: v.number(),
  }),
  fieldProblems((t) => ({ amberWithin: amberWithinProblem(t.amberWithin) ?? undefined })),
);

export const ShipmentSchema = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  itemId: IdSchema,
  at: DateSchema,
  updatedAt: TimestampSchema,
});

const ResultSchema = v.nullable(v.picklist(EXPERIMENT_RESULTS));

const ExperimentObject = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  itemId: v.nullable(IdSchema),
  title: NameSchema,
  hypothesis: TextSchema,
  inputMetricId: IdSchema,
  startedAt: v.pipe(v.string(), v.maxLength(10)),
  endedAt: v.nullable(v.pipe(v.string(), v.maxLength(10))),
  movedInput: ResultSchema,
  movedNsm: ResultSchema,
  note: TextSchema,
  updatedAt: TimestampSchema,
});
export const ExperimentSchema = v.pipe(
  ExperimentObject,
  fieldProblems<v.InferOutput<typeof ExperimentObject>>(experimentProblems),
);

const ReviewNoteObject = v.strictObject({
  id: IdSchema,
  treeId: IdSchema,
  week: v.pipe(v.string(), v.maxLength(8)),
  heldOn: DateSchema,
  text: TextSchema,
  updatedAt: TimestampSchema,
});
export const ReviewNoteSchema = v.pipe(
  ReviewNoteObject,
  fieldProblems<v.InferOutput<typeof ReviewNoteObject>>(reviewNoteProblems),
);
