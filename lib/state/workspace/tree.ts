/**
 * The active tree as the dashboard and the popup see it: one snapshot from the
 * background, what the views show of its metrics' values, and everything derived from them
 * (ranking, lints, alignment) as computed signals. Loaded and kept in step with change
 * notices by lib/state/workspace/tree-sync.ts.
 * Names shared with the host page's state say which they are: treeMetrics here, pageMetrics
 * there (one page's slice of the tree).
 */
import { computed, signal } from '@preact/signals-core';
import { alignment } from '../../domain/alignment';
import { lintTree, type Finding } from '../../domain/lint';
import { rankItems } from '../../domain/ranking';
import {
  applyMetricText,
  METRIC_TEXT_FIELDS,
  metricFieldProblem,
  metricFieldValue,
  type MetricTextField,
  type MetricTextPatch,
} from '../../domain/metric-text';
import {
  applyRiceText,
  RICE_INPUT_FIELDS,
  riceFieldProblem,
  riceFieldValue,
  type RiceInputField,
} from '../../domain/rice-text';
import { inputMetricsOf, nsmOf } from '../../domain/tree';
import type { PeriodValue } from '../../domain/period';
import type { Id, Item, Metric, Period } from '../../domain/types';
import type { ValueSummary } from '../../domain/value-summary';
import { request } from '../../messaging/client';
import type { TreeSnapshot } from '../../messaging/protocol';
import { createDraftStore, type TextMap } from '../drafts';

export type TreeLoadState = 'loading' | 'ready' | 'error';

export const treeSnapshot = signal<TreeSnapshot | null>(null);
export const treeLoadState = signal<TreeLoadState>('loading');
export const treeLoadError = signal<string | null>(null);
/**
 * What the views show of each metric's values, by metric id (lib/domain/value-summary.ts):
 * read by lib/state/workspace/value-sync.ts, never every value of every metric.
 */
export const valueSummaries = signal<ReadonlyMap<Id, ValueSummary>>(new Map());
/**
 * RICE estimates typed in the backlog and not stored yet, per item. Laid over the stored
 * items, so the rank moves while the user types.
 */
export const riceEdits = createDraftStore<RiceInputField>({
  problem: riceFieldProblem,
  async save(itemId, text) {
    const rice: Partial<Record<RiceInputField, number | null>> = {};
    for (const [field, typed] of Object.entries(text) as [RiceInputField, string][]) {
      const parsed = riceFieldValue(field, typed);
      if (parsed.ok) rice[field] = parsed.value;
    }
    acceptItem(await request({ type: 'item.update', id: itemId, patch: { rice } }));
  },
  fieldOfPath: (path) =>
    ((RICE_INPUT_FIELDS as readonly string[]).find((f) => path.endsWith(`.${f}`)) as RiceInputField) ?? null,
});

/** Metric fields typed in the tree editor and not stored yet: the lints read them while the user types. */
export const metricEdits = createDraftStore<MetricTextField>({
  problem: metricFieldProblem,
  async save(metricId, text) {
    let patch: MetricTextPatch = {};
    for (const [field, typed] of Object.entries(text) as [MetricTextField, string][]) {
      patch = { ...patch, ...metricFieldValue(field, typed) };
    }
    acceptMetric(await request({ type: 'metric.update', id: metricId, patch }));
  },
  fieldOfPath: (path) =>
    ((METRIC_TEXT_FIELDS as readonly string[]).find(
      (f) => path.endsWith(`.${f}`) || path.includes(`.${f}[`),
    ) as MetricTextField) ?? null,
});

/** The stored records with each one's drafts laid over it: what the views show while the user types. */
function withDrafts<R extends { id: Id }, F extends string>(
  stored: R[],
  drafts: ReadonlyMap<string, TextMap<F>>,
  apply: (record: R, text: TextMap<F>) => R,
): R[] {
  if (drafts.size === 0) return stored;
  return stored.map((record) => {
    const text = drafts.get(record.id);
    return text ? apply(record, text) : record;
  });
}

export const tree = computed(() => treeSnapshot.value?.tree ?? null);
export const trees = computed(() => treeSnapshot.value?.trees ?? []);
export const settings = computed(() => treeSnapshot.value?.settings ?? null);
export const storedTreeMetrics = computed(() => treeSnapshot.value?.metrics ?? []);
export const treeMetrics = computed(() =>
  withDrafts(storedTreeMetrics.value, metricEdits.drafts.value, applyMetricText),
);
export const storedItems = computed(() => treeSnapshot.value?.items ?? []);
export const items = computed(() =>
  withDrafts(storedItems.value, riceEdits.drafts.value, (item, text) => ({
    ...item,
    rice: applyRiceText(item.rice, text),
  })),
);
export const treeNsm = computed(() => nsmOf(treeMetrics.value));
export const inputMetrics = computed(() => inputMetricsOf(treeMetrics.value));
/** What an item can be tagged with: input metrics and the team metrics under them. */
export const treeTaggableMetrics = computed(() =>
  treeMetrics.value.filter((m) => m.role === 'input' || m.role === 'team'),
);
export const ranking = computed(() => rankItems(items.value, treeMetrics.value));
export const workAlignment = computed(() => alignment(items.value, treeMetrics.value));

/** The clock the lints read; refreshed on every load, so "validated this quarter" stays true to today. */
export const lintClock = signal(Date.now());

/**
 * How many of the tree's items have come while a large tree streams in (lib/state/workspace/tree-sync.ts),
 * null once all have: a view that counts or ranks them says so rather than show a partial figure.
 */
export const itemsLoading = computed(() => {
  const snap = treeSnapshot.value;
  return snap && snap.items.length < snap.itemCount ? { loaded: snap.items.length, total: snap.itemCount } : null;
});

export const findings = computed<Finding[]>(() => {
  const snap = treeSnapshot.value;
  if (!snap?.tree) return [];
  return lintTree({
    metrics: treeMetrics.value,
    reviews: snap.reviews,
    history: snap.history,
    seriesOf,
    now: lintClock.value,
  });
});

export const findingsByMetric = computed(() => {
  const byMetric = new Map<Id | null, Finding[]>();
  for (const finding of findings.value) {
    const key = finding.metricId ?? null;
    byMetric.set(key, [...(byMetric.get(key) ?? []), finding]);
  }
  return byMetric;
});

/** A metric's values grouped by `period` (its own unless named); none until its summary has come. */
export function seriesOf(metricId: Id, period: Period): PeriodValue[] {
  return valueSummaries.value.get(metricId)?.series[period] ?? [];
}

/** The values key results read (each metric's since its earliest key result's quarter), as recorded. */
export const keyResultValues = computed(() => [...valueSummaries.value.values()].flatMap((s) => s.values));

/** Replaces one stored item with the version the background just returned, before the reload lands. */
export function acceptItem(item: Item): void {
  const snap = treeSnapshot.value;
  if (!snap) return;
  treeSnapshot.value = { ...snap, items: snap.items.map((i) => (i.id === item.id ? item : i)) };
}

export function acceptMetric(metric: Metric): void {
  const snap = treeSnapshot.value;
  if (!snap) return;
  treeSnapshot.value = { ...snap, metrics: snap.metrics.map((m) => (m.id === metric.id ? metric : m)) };
}
