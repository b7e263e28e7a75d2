/**
 * Reads what the views show of the active tree's metrics' values (lib/domain/value-summary.ts)
 * into `valueSummaries`, in one request, and keeps it in step: a change notice that names
 * the metrics whose values changed reads only theirs again; a new metric, a changed period
 * or a key result on an earlier quarter reads only the metrics whose need changed. The
 * metric page's every value is read on its own (`followShownValues`).
 */
import { batch, computed, effect, signal, untracked } from '@preact/signals-core';
import type { Id, Observation } from '../../domain/types';
import { needKey, type ValueNeed, valueNeeds as needsOf } from '../../domain/value-summary';
import { request } from '../../messaging/client';
import { keyResults } from './loop';
import { storedTreeMetrics, treeLoadError, treeLoadState, valueSummaries } from './tree';

/** What each metric of the tree needs read (the stored metrics: typing never changes a period). */
export const valueNeeds = computed(() => needsOf(storedTreeMetrics.value, keyResults.value));

/** False until the items have come: read beside them, the values held the worker up for seconds. */
let following = false;
let sequence = 0;
/** Per metric: the request whose answer is the one to keep, and the need it asked. */
const asked = new Map<Id, { sequence: number; key: string }>();

/** Holds reading until `readValues()` after the items (a tree read again from its start). */
export function holdValues(): void {
  following = false;
}

/** Reads the summaries of `metricIds` (every metric's when absent); a newer read of a metric supersedes one running. */
export async function readValues(metricIds?: readonly Id[]): Promise<void> {
  if (metricIds === undefined) following = true;
  if (!following) return;
  const named = metricIds ? new Set(metricIds) : null;
  const needs = valueNeeds.peek().filter((n) => !named || named.has(n.metricId));
  await read(needs);
}

async function read(needs: readonly ValueNeed[]): Promise<void> {
  dropGone();
  if (needs.length === 0) return;
  const mine = ++sequence;
  for (const need of needs) asked.set(need.metricId, { sequence: mine, key: needKey(need) });
  const isMine = (metricId: Id) => asked.get(metricId)?.sequence === mine;
  try {
    const summaries = (await request({ type: 'observations.summaries', needs: [...needs] })).filter((s) =>
      isMine(s.metricId),
    );
    if (summaries.length === 0) return;
    const next = new Map(valueSummaries.peek());
    for (const summary of summaries) next.set(summary.metricId, summary);
    valueSummaries.value = next;
    dropGone();
  } catch (failure) {
    if (!needs.some((n) => isMine(n.metricId))) return;
    batch(() => {
      treeLoadError.value = failure instanceof Error ? failure.message : String(failure);
      treeLoadState.value = 'error';
    });
  }
}

/** Forgets the summaries of metrics no longer in the tree. */
function dropGone(): void {
  const inTree = new Set(valueNeeds.peek().map((n) => n.metricId));
  const held = valueSummaries.peek();
  if ([...held.keys()].every((id) => inTree.has(id))) return;
  valueSummaries.value = new Map([...held].filter(([id]) => inTree.has(id)));
}

/** Reads a metric again whenever what the views need of it changes; returns the way to stop. */
export function followValueNeeds(): () => void {
  return effect(() => {
    const needs = valueNeeds.value;
    if (!following) return;
    const changed = needs.filter((n) => asked.get(n.metricId)?.key !== needKey(n));
    untracked(() => void read(changed));
  });
}

/** Every value of the metric whose page is open, newest last; null while it is read or on another page. */
export const shownValues = signal<{ metricId: Id; values: Observation[] } | null>(null);
let shownSequence = 0;

async function readShownValues(metricId: Id | null): Promise<void> {
  const mine = ++shownSequence;
  if (metricId === null) {
    shownValues.value = null;
    return;
  }
  if (shownValues.peek()?.metricId !== metricId) shownValues.value = null;
  try {
    const values = await request({ type: 'observations.list', metricId });
    if (mine === shownSequence) shownValues.value = { metricId, values };
  } catch (failure) {
    if (mine === shownSequence) treeLoadError.value = failure instanceof Error ? failure.message : String(failure);
  }
}

/**
 * Reads every value of the metric `shown()` names, when it changes and again whenever that
 * metric's summary is read again (its values changed); returns the way to stop.
 */
export function followShownValues(shown: () => Id | null): () => void {
  const metricId = computed(shown);
  // A computed tells only when its value changes: the other metrics' summaries do not read this one's values again.
  const summary = computed(() => (metricId.value === null ? undefined : valueSummaries.value.get(metricId.value)));
  return effect(() => {
    const id = metricId.value;
    summary.value;
    untracked(() => void readShownValues(id));
  });
}
