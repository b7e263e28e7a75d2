/**
 * Requests of the team loop (issue 17): a tree's loop read whole, and its writes: the NSM
 * worksheet and the choice of a candidate, key results, metric thresholds (the target is
 * the metric's own, set with metric.update), ship dates and experiments. The gate checks
 * shapes with the loop schemas; the rules that need words a user can act on (a target
 * equal to the baseline, results before an experiment ended) are checked where the record
 * is stored and refused at the field's path.
 */
import * as v from 'valibot';
import type {
  Experiment,
  KeyResult,
  MetricThresholds,
  NsmWorksheet,
  ReviewNote,
  Shipment,
  TreeLoop,
} from '../../domain/loop-types';
import { DIRECTIONS, EXPERIMENT_RESULTS } from '../../domain/loop-types';
import { NsmCandidateSchema, ValueEventSchema } from '../../domain/loop-schemas';
import { DateSchema, FiniteSchema, IdSchema, NameSchema, TextSchema } from '../../domain/schemas';
import type { Metric } from '../../domain/types';
import { declareRequests, typed } from '../declare';

const DayText = v.pipe(v.string(), v.maxLength(10));

const KeyResultFields = {
  quarter: DayText,
  metricId: IdSchema,
  team: NameSchema,
  baseline: FiniteSchema,
  target: FiniteSchema,
  due: DayText,
};

const Result = v.nullable(v.picklist(EXPERIMENT_RESULTS));
const ExperimentFields = {
  itemId: v.nullable(IdSchema),
  title: NameSchema,
  hypothesis: TextSchema,
  inputMetricId: IdSchema,
  startedAt: DayText,
  endedAt: v.nullable(DayText),
  movedInput: Result,
  movedNsm: Result,
  note: TextSchema,
};

export const LOOP_REQUESTS = declareRequests({
  'loop.get': { fields: { treeId: IdSchema }, answer: typed<TreeLoop>(), changes: [], resendable: true },
  // Replaces the tree's worksheet whole: sent twice, it stores the same worksheet.
  'worksheet.save': {
    fields: { treeId: IdSchema, valueEvents: v.array(ValueEventSchema), candidates: v.array(NsmCandidateSchema) },
    answer: typed<NsmWorksheet>(),
    changes: ['worksheets'],
    resendable: true,
  },
  // Choosing the chosen candidate again changes nothing and records no NSM change.
  'worksheet.choose': {
    fields: { treeId: IdSchema, candidateId: IdSchema },
    answer: typed<{ worksheet: NsmWorksheet; nsm: Metric }>(),
    changes: ['worksheets', 'metrics', 'history'],
    resendable: true,
  },
  'keyResult.create': {
    fields: { treeId: IdSchema, ...KeyResultFields },
    answer: typed<KeyResult>(),
    changes: ['keyResults'],
    resendable: false,
  },
  'keyResult.update': {
    fields: { id: IdSchema, patch: v.partial(v.strictObject(KeyResultFields)) },
    answer: typed<KeyResult>(),
    changes: ['keyResults'],
    resendable: true,
  },
  'keyResult.delete': { fields: { id: IdSchema }, answer: typed<null>(), changes: ['keyResults'], resendable: false },
  // null goes back to the default rule (up, amber within 10%).
  'thresholds.set': {
    fields: {
      metricId: IdSchema,
      rule: v.nullable(v.strictObject({ direction: v.picklist(DIRECTIONS), amberWithin: FiniteSchema })),
    },
    answer: typed<MetricThresholds | null>(),
    changes: ['thresholds'],
    resendable: true,
  },
  // null forgets the ship date.
  'shipment.set': {
    fields: { itemId: IdSchema, at: v.nullable(DateSchema) },
    answer: typed<Shipment | null>(),
    changes: ['shipments'],
    resendable: true,
  },
  'experiment.create': {
    fields: {
      treeId: IdSchema,
      title: ExperimentFields.title,
      inputMetricId: ExperimentFields.inputMetricId,
      startedAt: ExperimentFields.startedAt,
      hypothesis: ExperimentFields.hypothesis,
      fields: v.optional(v.partial(v.strictObject(ExperimentFields))),
    },
    answer: typed<Experiment>(),
    changes: ['experiments'],
    resendable: false,
  },
  'experiment.update': {
    fields: { id: IdSchema, patch: v.partial(v.strictObject(ExperimentFields)) },
    answer: typed<Experiment>(),
    changes: ['experiments'],
    resendable: true,
  },
  'experiment.delete': { fields: { id: IdSchema }, answer: typed<null>(), changes: ['experiments'], resendable: false },
  // The notes of the review of `week` held on `date`, written whole; empty text forgets them (null).
  'reviewNote.set': {
    fields: { treeId: IdSchema, week: v.pipe(v.string(), v.maxLength(8)), date: DateSchema, text: TextSchema },
    answer: typed<ReviewNote | null>(),
    changes: ['reviewNotes'],
    resendable: true,
  },
});
