/**
 * Requests of "Pin this number": recording a value captured on a chart page for its
 * period (one value per metric and period) and taking it back. The pin itself is part of
 * the metric (`metric.update` with `pins`).
 */
import * as v from 'valibot';
import type { RecordOutcome } from '../../domain/capture';
import { DateSchema, FiniteSchema, IdSchema, TextSchema, UrlSchema } from '../../domain/schemas';
import type { Observation } from '../../domain/types';
import { declareRequests, typed } from '../declare';

export const CAPTURE_REQUESTS = declareRequests({
  // Resendable: one value per metric and period, so a second send stores nothing twice; it answers
  // "unchanged" (no Undo) where the first answer was lost. Not listing it as sent-once also keeps
  // its name out of the content script, whose client carries that list.
  'observation.record': {
    fields: { metricId: IdSchema, at: DateSchema, value: FiniteSchema, sourceUrl: UrlSchema },
    answer: typed<RecordOutcome>(),
    changes: ['observations'],
    resendable: true,
  },
  // `previous` is what 'observation.record' answered: restored, or (null) the recorded value removed.
  // The metric and date name the stored chunk that holds the value (lib/storage/observation-chunks.ts).
  // Resendable: restoring twice restores the same; removing twice is refused, the value being gone.
  'observation.undo': {
    fields: {
      id: IdSchema,
      metricId: IdSchema,
      at: DateSchema,
      previous: v.nullable(
        v.strictObject({ value: FiniteSchema, sourceUrl: v.union([v.literal(''), UrlSchema]), note: TextSchema }),
      ),
    },
    answer: typed<Observation | null>(),
    changes: ['observations'],
    resendable: true,
  },
});
