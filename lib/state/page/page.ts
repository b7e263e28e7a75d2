/**
 * What the in-page panel knows about this page: the entity (ticket or chart) the URL
 * names, and what the workspace holds about it. Fed by the background; re-read after
 * every change notice and every SPA navigation. Its names say `page` where the extension's
 * pages have the same idea for the whole tree (pageMetrics here, treeMetrics in workspace/tree.ts).
 */
import { batch, computed, signal } from '@preact/signals-core';
import { metricById, nsmOf, resolveInputLink } from '../../domain/tree';
import type { Item, Metric, Observation, WorkspacePart } from '../../domain/types';
import { request } from '../../messaging/client';
import type { ChangeNotice, PageContext } from '../../messaging/protocol';
import type { PageEntity } from '../../sites/types';

export type PageLoadState = 'idle' | 'loading' | 'ready' | 'error';

export const entity = signal<PageEntity | null>(null);
export const pageContext = signal<PageContext | null>(null);
export const pageLoadState = signal<PageLoadState>('idle');
export const pageLoadError = signal<string | null>(null);
export const expanded = signal(false);
/**
 * The context holds only the pill's part (the early answer: of the metrics, the item's
 * path to the NSM) until loadPage brings the whole: the open panel waits for it, and a
 * change notice is not applied to it.
 */
export const pillPartOnly = signal(false);

/** On analytics pages: the metric this chart measures, and its recorded values. */
export const chartMetric = signal<Metric | null>(null);
export const chartObservations = signal<Observation[]>([]);

export const item = computed(() => pageContext.value?.item ?? null);
export const pageMetrics = computed(() => pageContext.value?.metrics ?? []);
export const pageNsm = computed(() => nsmOf(pageMetrics.value));
export const hasTree = computed(() => Boolean(pageContext.value?.tree));

/** Input and team metrics: what an item can be tagged with. */
export const pageTaggableMetrics = computed(() =>
  pageMetrics.value.filter((m) => m.role === 'input' || m.role === 'team'),
);

export const inputLink = computed(() => {
  const current = item.value;
  return current ? resolveInputLink(metricById(pageMetrics.value), current.inputMetricId) : null;
});

let loadSequence = 0;

/** A page.context request sent before the entity was shown, to be used by the first load. */
export interface PrefetchedPage {
  site: PageEntity['site'];
  key: string;
  reply: Promise<PageContext>;
}

/** Asks for what the workspace knows about `target` now, without showing anything yet. */
export function prefetchPage(target: PageEntity | null): PrefetchedPage | null {
  if (!target) return null;
  const reply = askContext(target);
  reply.catch(() => undefined);
  return { site: target.site, key: target.key, reply };
}

/**
 * Reads what the workspace knows about the current entity; a newer call supersedes an
 * older one. `prefetched` is used instead of asking again when it is for this entity.
 */
export async function loadPage(prefetched?: PrefetchedPage | null): Promise<void> {
  const current = entity.value;
  const sequence = ++loadSequence;
  if (!current) {
    pageContext.value = null;
    pageLoadState.value = 'idle';
    return;
  }
  if (!pageContext.value) pageLoadState.value = 'loading';
  try {
    const early =
      prefetched && prefetched.site === current.site && prefetched.key === current.key ? prefetched.reply : null;
    const context = await (early ?? askContext(current));
    const chart = current.kind === 'analytics' ? await loadChart(current.url) : null;
    if (sequence !== loadSequence) return;
    // A change notice may have brought a newer copy of the item while this answer travelled.
    const shown = pageContext.value?.item;
    pageContext.value = shown && context.item && isNewer(shown, context.item) ? { ...context, item: shown } : context;
    chartMetric.value = chart?.metric ?? null;
    chartObservations.value = chart?.observations ?? [];
    pillPartOnly.value = false;
    pageLoadError.value = null;
    pageLoadState.value = 'ready';
  } catch (failure) {
    if (sequence !== loadSequence) return;
    pageLoadError.value = failure instanceof Error ? failure.message : String(failure);
    pageLoadState.value = 'error';
  }
}

/**
 * Shows what the early request brought about `target` without asking again: set before
 * the pill first draws, its first text is the final one. It is the pill's part only
 * (pillPartOnly) until loadPage brings the rest. A chart's metric is not in that answer,
 * so a chart page goes the usual way (`loadPage`); returns whether it was shown.
 */
export function showEarly(target: PageEntity, context: PageContext): boolean {
  if (target.kind === 'analytics') return false;
  loadSequence += 1;
  batch(() => {
    entity.value = target;
    pageContext.value = context;
    pillPartOnly.value = true;
    pageLoadError.value = null;
    pageLoadState.value = 'ready';
  });
  return true;
}

/** The other items' scores are thousands of numbers: asked for only while the panel is open and ranks live. */
function askContext(target: PageEntity): Promise<PageContext> {
  return request({ type: 'page.context', links: [{ site: target.site, key: target.key }], withScores: expanded.value });
}

/** The panel opened: it ranks live, so it needs the other items' scores the pill did without. */
export function needsScores(): boolean {
  return expanded.value && pageContext.value !== null && pageContext.value.otherScores === null;
}

function isNewer(a: Item, b: Item): boolean {
  return a.id === b.id && a.updatedAt > b.updatedAt;
}

/**
 * The parts a write of one item names that its item alone tells a host page about: the
 * item itself, and `shipments`, which item.update also names (a status that becomes
 * shipped records the ship date) and no host page shows.
 */
const TOLD_BY_THE_ITEM: readonly WorkspacePart[] = ['items', 'shipments'];

/**
 * The one item a notice says was written, when nothing else it says changed is shown in a
 * host page: the pill, panel and badges then take it from the notice. Counting `shipments`
 * as a change of their own made every tag set in another tab cost a page.context round
 * trip before the pill showed it (10 ms of the bench's 16.9 ms round trip).
 */
export function writtenItem(notice: ChangeNotice): Item | null {
  return notice.item && notice.stores.every((store) => TOLD_BY_THE_ITEM.includes(store)) ? notice.item : null;
}

/**
 * What a change notice means for this page. An item written elsewhere that this page
 * shows is taken from the notice itself (no round trip); another item's write changes
 * nothing the pill shows, only the scores the open panel ranks against. Returns whether
 * the page still has to ask the background again.
 */
export function applyChange(notice: ChangeNotice): boolean {
  const written = writtenItem(notice);
  const context = pageContext.value;
  const current = entity.value;
  if (!written || !context || !current || pageLoadState.value !== 'ready' || pillPartOnly.value) return true;
  const showsIt = context.item
    ? context.item.id === written.id
    : written.links.some((l) => l.site === current.site && l.key === current.key);
  if (!showsIt) return context.otherScores !== null;
  if (context.tree?.id !== written.treeId) return true;
  // The open panel's key-result line is the item's metric's: another metric asks again.
  const lineMoved = context.otherScores !== null && context.item?.inputMetricId !== written.inputMetricId;
  if (!context.item || !isNewer(context.item, written)) pageContext.value = { ...context, item: written };
  return lineMoved;
}

async function loadChart(url: string): Promise<{ metric: Metric | null; observations: Observation[] }> {
  const metric = await request({ type: 'metric.bySourceUrl', url });
  const observations = metric ? await request({ type: 'observations.list', metricId: metric.id }) : [];
  return { metric, observations };
}
