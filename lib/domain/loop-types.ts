/**
 * The team loop's records: choosing the NSM on a worksheet, OKRs on the input metrics,
 * and what shipped work and experiments did to the metrics (see discovery.ts, okr.ts,
 * metric-status.ts, weekly-review.ts, outcomes.ts).
 */
import type { Id, Period, NsmCategory } from './types';

/** How each value event is rated, 1 (poor) to 5 (excellent). */
export const VALUE_EVENT_RATINGS = ['frequency', 'measurability', 'growthCorrelation'] as const;
export type ValueEventRating = (typeof VALUE_EVENT_RATINGS)[number];

/** A moment the customer experiences the value ("a guest checks in to a booked stay"). */
export interface ValueEvent {
  id: Id;
  text: string;
  /** 1 to 5 each; null until rated, so an unrated event is never ranked as a poor one. */
  ratings: Record<ValueEventRating, number | null>;
}

/** The framework's three tests of a North Star. */
export const CORE_CRITERIA = ['customerValue', 'leadsGrowth', 'reflectsStrategy'] as const;
/** The six the North Star Playbook names. */
export const PLAYBOOK_CRITERIA = [
  'expressesValue',
  'representsStrategy',
  'leadingIndicator',
  'actionable',
  'understandable',
  'measurable',
] as const;
export const CANDIDATE_CRITERIA = [...CORE_CRITERIA, ...PLAYBOOK_CRITERIA] as const;
export type CandidateCriterion = (typeof CANDIDATE_CRITERIA)[number];

/** A candidate North Star formulated from one or more value events. */
export interface NsmCandidate {
  id: Id;
  name: string;
  definition: string;
  unit: string;
  period: Period | null;
  category: NsmCategory | null;
  valueEventIds: Id[];
  /** Teams that can move it: a North Star one team can move is a team metric. */
  teams: string[];
  /** 1 to 5 per criterion; null until scored. */
  scores: Record<CandidateCriterion, number | null>;
}

export interface NsmWorksheet {
  id: Id;
  treeId: Id;
  valueEvents: ValueEvent[];
  candidates: NsmCandidate[];
  chosenCandidateId: Id | null;
  updatedAt: number;
}

/** A team's key result for one quarter, on one input (or team) metric. */
export interface KeyResult {
  id: Id;
  treeId: Id;
  /** The quarter it belongs to, labelled like `periodKey` does: 2025-Q1. */
  quarter: string;
  metricId: Id;
  team: string;
  /** The direction the metric should move follows from these two: a lower target means down. */
  baseline: number;
  target: number;
  /** YYYY-MM-DD. */
  due: string;
  updatedAt: number;
}

/** Which way is better for a metric. */
export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The user's red/amber/green rule for one metric (see lib/domain/metric-status.ts). */
export interface MetricThresholds {
  metricId: Id;
  direction: Direction;
  /** Amber while short of the target by at most this fraction of it (0.1 = within 10%). */
  amberWithin: number;
}

/** The day an item shipped, recorded once when its status becomes `shipped`. */
export interface Shipment {
  id: Id;
  treeId: Id;
  itemId: Id;
  /** YYYY-MM-DD. */
  at: string;
  updatedAt: number;
}

export const EXPERIMENT_RESULTS = ['yes', 'no', 'unclear'] as const;
export type ExperimentResult = (typeof EXPERIMENT_RESULTS)[number];

export interface Experiment {
  id: Id;
  treeId: Id;
  /** The item the experiment tests, if any: links its RICE confidence to an outcome. */
  itemId: Id | null;
  title: string;
  hypothesis: string;
  inputMetricId: Id;
  /** YYYY-MM-DD; the experiment counts in the quarter it started. */
  startedAt: string;
  endedAt: string | null;
  /** Null while it runs. */
  movedInput: ExperimentResult | null;
  movedNsm: ExperimentResult | null;
  note: string;
  updatedAt: number;
}

/**
 * The notes of one week's review (weekly-review.ts): one per tree and ISO week. Writing
 * it is what holds the review: the next review covers what shipped after `heldOn`.
 */
export interface ReviewNote {
  id: Id;
  treeId: Id;
  /** The ISO week, labelled like `periodKey` does: 2025-W11. */
  week: string;
  /** The day the review was held (the note first written), YYYY-MM-DD, inside `week`. */
  heldOn: string;
  text: string;
  updatedAt: number;
}

/** A tree's whole team loop, as the background reads it in one transaction and answers `loop.get`. */
export interface TreeLoop {
  /** Null until the tree's first worksheet is saved. */
  worksheet: NsmWorksheet | null;
  /** By quarter, team, due date. */
  keyResults: KeyResult[];
  /** Only the metrics with a rule of their own; the others use `defaultThresholds`. */
  thresholds: MetricThresholds[];
  /** Oldest ship date first. */
  shipments: Shipment[];
  /** Most recently started first. */
  experiments: Experiment[];
  /** Latest week first. */
  reviewNotes: ReviewNote[];
}
