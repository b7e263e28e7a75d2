/**
 * The data model of a North Star workspace (see shared DESIGN.md, "Data").
 * Plain serialisable records: they travel in messages and in export files as they are.
 * Times are epoch milliseconds; an observation's `at` is a calendar date (YYYY-MM-DD).
 */

import type { ImportMappings } from './import/import-mappings';
import type { NumberPin } from './pinned-number';
import type { Experiment, KeyResult, MetricThresholds, NsmWorksheet, ReviewNote, Shipment } from './loop-types';

export type Id = string;

export const METRIC_ROLES = ['nsm', 'input', 'team', 'output', 'health'] as const;
export type MetricRole = (typeof METRIC_ROLES)[number];

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export const NSM_CATEGORIES = [
  'revenue',
  'customer-growth',
  'consumption',
  'engagement',
  'growth-efficiency',
  'user-experience',
] as const;
export type NsmCategory = (typeof NSM_CATEGORIES)[number];

export const GAMES = ['attention', 'transaction', 'productivity'] as const;
export type Game = (typeof GAMES)[number];

export const SITE_IDS = [
  'jira',
  'linear',
  'github',
  'asana',
  'trello',
  'aha',
  'productboard',
  'amplitude',
  'mixpanel',
  'posthog',
  'ga',
  'web',
] as const;
/** `web` is any other page, linked by hand through the toolbar button. */
export type SiteId = (typeof SITE_IDS)[number];

export const ITEM_STATUSES = ['idea', 'planned', 'in-progress', 'shipped', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface Tree {
  id: Id;
  name: string;
  game: Game | null;
  createdAt: number;
  updatedAt: number;
}

export interface Metric {
  id: Id;
  treeId: Id;
  role: MetricRole;
  /** nsm: null; input: the NSM; team: an input metric; output and health: the NSM or null. */
  parentId: Id | null;
  name: string;
  definition: string;
  unit: string;
  period: Period | null;
  category: NsmCategory | null;
  ownerTeam: string;
  /** How strongly this input metric moves the NSM; multiplies RICE impact. Default 1. */
  leverage: number;
  /** Analytics pages (charts, dashboards) that show this metric. */
  sourceUrls: string[];
  target: number | null;
  /** Numbers pinned on those pages, one per page at most (lib/domain/pinned-number.ts). */
  pins?: NumberPin[];
  updatedAt: number;
}

export interface Observation {
  id: Id;
  metricId: Id;
  /** Calendar date of the value, YYYY-MM-DD. */
  at: string;
  value: number;
  sourceUrl: string;
  note: string;
  updatedAt: number;
}

/** A page entity: (site, key) identifies it, e.g. (jira, ABC-123), (github, owner/repo#42). */
export interface EntityLink {
  site: SiteId;
  key: string;
  url: string;
}

/**
 * RICE estimate as the user entered it. A field not yet estimated is null: an item is
 * only scored once all four are known, never with an invented default.
 */
export interface RiceInput {
  reach: number | null;
  impact: number | null;
  confidence: number | null;
  effort: number | null;
}

export interface Item {
  id: Id;
  treeId: Id;
  title: string;
  links: EntityLink[];
  /** The input metric this item moves; null means it serves no path to the NSM (unlinked). */
  inputMetricId: Id | null;
  rice: RiceInput;
  status: ItemStatus;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export const REVIEW_QUESTIONS = [
  'customerValue',
  'leadsRevenue',
  'reflectsStrategy',
  'understandable',
  'measurable',
  'actionable',
] as const;
export type ReviewQuestion = (typeof REVIEW_QUESTIONS)[number];

export interface Review {
  id: Id;
  treeId: Id;
  at: number;
  answers: Record<ReviewQuestion, boolean>;
  note: string;
  updatedAt: number;
}

/** A change of the tree's NSM (its name or which metric it is), for the "changed often" lint. */
export interface NsmChange {
  id: Id;
  treeId: Id;
  at: number;
  from: string;
  to: string;
  updatedAt: number;
}

export interface Settings {
  activeTreeId: Id | null;
  /** Sites the user switched off; every supported site is on by default. */
  disabledSites: SiteId[];
  /** Self-hosted instances: origin pattern (https://jira.example.com/*) and the site it runs. */
  customDomains: { origin: string; site: SiteId }[];
  /** What was chosen at the last import of each kind of file (see import/import-mappings.ts). */
  importMappings?: ImportMappings;
  /** The name shown beside this person's changes in every shared tree, set once (docs/sharing.md). */
  displayName?: string;
}

export interface Workspace {
  trees: Tree[];
  metrics: Metric[];
  observations: Observation[];
  items: Item[];
  reviews: Review[];
  history: NsmChange[];
  /** The team loop (loop-types.ts): at most one worksheet per tree. */
  worksheets: NsmWorksheet[];
  keyResults: KeyResult[];
  /** Keyed by metric: at most one per metric. */
  thresholds: MetricThresholds[];
  shipments: Shipment[];
  experiments: Experiment[];
  /** At most one per tree and week. */
  reviewNotes: ReviewNote[];
  settings: Settings;
}

/** The team loop's kinds (loop-types.ts), added in export format 2. */
export const LOOP_RECORD_KINDS = [
  'worksheets',
  'keyResults',
  'thresholds',
  'shipments',
  'experiments',
  'reviewNotes',
] as const satisfies readonly (keyof Workspace)[];
/** The workspace's kinds of record: what an export file holds, an import counts and a change notice names. */
export const RECORD_KINDS = [
  'trees',
  'metrics',
  'observations',
  'items',
  'reviews',
  'history',
  ...LOOP_RECORD_KINDS,
] as const satisfies readonly (keyof Workspace)[];
export type RecordKind = (typeof RECORD_KINDS)[number];
export type WorkspaceRecord = Workspace[RecordKind][number];

/** A record's key in its kind: its id, or for thresholds (one per metric) the metric's id. */
export function recordId(record: WorkspaceRecord): Id {
  return 'id' in record ? record.id : record.metricId;
}

/**
 * The parts of a workspace: its records and its settings. A change notice names the parts
 * a write changed; they are not the database's stores (lib/storage/schema.ts's DB_STORES),
 * which hold items in chunks and keep derived rankings.
 */
export const WORKSPACE_PARTS = [...RECORD_KINDS, 'settings'] as const satisfies readonly (keyof Workspace)[];
export type WorkspacePart = keyof Workspace;

/** What importing a workspace file would do, or did: records added, updated and removed, per kind. */
export interface ImportSummary {
  added: Record<RecordKind, number>;
  updated: Record<RecordKind, number>;
  removed: Record<RecordKind, number>;
}

/** A workspace's team-loop records before any is made (and what a format-1 file holds). */
export const NO_LOOP_RECORDS: Pick<
  Workspace,
  'worksheets' | 'keyResults' | 'thresholds' | 'shipments' | 'experiments' | 'reviewNotes'
> = { worksheets: [], keyResults: [], thresholds: [], shipments: [], experiments: [], reviewNotes: [] };

export const EMPTY_SETTINGS: Settings = { activeTreeId: null, disabledSites: [], customDomains: [] };

export const EMPTY_RICE: RiceInput = { reach: null, impact: null, confidence: null, effort: null };
