/**
 * Recording a captured value for its period: one value per metric and period, so a
 * second capture in the same week corrects the first instead of adding a point, and the
 * answer says which happened and what was there before, which is what undo restores.
 */
import type { NumberPin } from './pinned-number';
import type { Observation } from './types';

/** What an observation held before a capture changed it. */
export interface PreviousValue {
  value: number;
  sourceUrl: string;
  note: string;
}

export interface RecordOutcome {
  /** added: the period had no value; updated: its value changed; unchanged: it was this value already. */
  outcome: 'added' | 'updated' | 'unchanged';
  observation: Observation;
  /** Null when the capture added the observation: undoing it removes it. */
  previous: PreviousValue | null;
}

/**
 * Set in a chart page's isolated world by the background just before it injects the
 * auto-capture script (entrypoints/pin-capture.ts): which metric, which pin.
 */
export const CAPTURE_JOB = '__northStarLensCaptureJob';

export interface CaptureJob {
  metricId: string;
  /** The chart's address as the metric lists it. */
  sourceUrl: string;
  pin: NumberPin;
}
