/**
 * The dashboard's backlog view: which items show, in which order. Filters narrow the
 * rows; the order is the live ranking unless the user sorts by something else.
 *
 * While a large tree streams in, the items come in the backlog's order, so the rows
 * ranked so far are the true top of the ranking: they show at once, and only up to the
 * last place that has come (an item written meanwhile may rank below it, above items
 * still to come). Another order waits for every item: a partial one would be wrong.
 */
import { computed, signal } from '@preact/signals-core';
import {
  BACKLOG_GROUPS,
  compareBacklogKeys,
  rankedKey,
  unrankedKey,
  type BacklogKey,
} from '../../domain/backlog-order';
import type { RankedItem, UnscoredItem } from '../../domain/ranking';
import { sortByTitle } from '../../domain/title-order';
import type { Id, Item, ItemStatus, SiteId } from '../../domain/types';
import { itemsLoading, ranking, treeSnapshot } from './tree';

export const SORTS = [
  { id: 'rank', label: 'Rank (score)' },
  { id: 'title', label: 'Title' },
  { id: 'effort', label: 'Effort, smallest first' },
  { id: 'reach', label: 'Reach, largest first' },
  { id: 'updated', label: 'Recently changed' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];

export const filterMetric = signal<Id | 'all'>('all');
export const filterStatus = signal<ItemStatus | 'all'>('all');
export const filterSite = signal<SiteId | 'all'>('all');
export const filterText = signal('');
export const sortBy = signal<SortId>('rank');

export type BacklogRow = ({ kind: 'ranked' } & RankedItem) | ({ kind: 'unscored' } & UnscoredItem);

/**
 * The filters as one test, built once per change of a filter rather than read per row:
 * with 100,000 rows a keystroke in the search box must answer within a frame or two.
 * `inputId` undefined means the row serves no input metric, which the metric filter does
 * not narrow.
 */
const rowFilter = computed(() => {
  const metric = filterMetric.value;
  const status = filterStatus.value;
  const site = filterSite.value;
  const text = filterText.value.trim().toLowerCase();
  return (item: Item, inputId?: Id): boolean =>
    (inputId === undefined || metric === 'all' || inputId === metric) &&
    (status === 'all' || item.status === status) &&
    (site === 'all' || item.links.some((l) => l.site === site)) &&
    (text === '' || searchText(item).includes(text));
});

/**
 * What the search box is matched against: the item's title and its tickets' keys,
 * lowercased once per version of the item (an edit makes a new object), not once per
 * ranking: at 100,000 items that was a second of work for every page that came in.
 */
const searchTexts = new WeakMap<Item, string>();
function searchText(item: Item): string {
  let text = searchTexts.get(item);
  if (text === undefined) {
    text = [item.title, ...item.links.map((l) => l.key)].join('\u0000').toLowerCase();
    searchTexts.set(item, text);
  }
  return text;
}

const SORTERS: Record<Exclude<SortId, 'rank' | 'title'>, (a: BacklogRow, b: BacklogRow) => number> = {
  effort: (a, b) => (a.item.rice.effort ?? Infinity) - (b.item.rice.effort ?? Infinity),
  reach: (a, b) => (b.item.rice.reach ?? -Infinity) - (a.item.rice.reach ?? -Infinity),
  updated: (a, b) => b.item.updatedAt - a.item.updatedAt,
};

/** Every linked row in the chosen order, before the filters: sorted once per ranking and sort, not per keystroke. */
const orderedRows = computed<BacklogRow[]>(() => {
  const r = ranking.value;
  const rows: BacklogRow[] = [
    ...r.ranked.map((x) => ({ kind: 'ranked' as const, ...x })),
    ...r.unscored.map((x) => ({ kind: 'unscored' as const, ...x })),
  ];
  const sort = sortBy.value;
  if (sort === 'rank') return rows;
  return sort === 'title' ? sortByTitle(rows, (row) => row.item.title) : rows.sort(SORTERS[sort]);
});

/** While the items stream in: the last place in the backlog's order that has come. */
const loadedUpTo = computed<BacklogKey | null>(() =>
  itemsLoading.value ? (treeSnapshot.value?.itemsEnd ?? null) : null,
);

/** True while the chosen order (not the ranking) waits for every item to come. */
export const sortWaits = computed(() => itemsLoading.value !== null && sortBy.value !== 'rank');

const keyOfRow = (row: BacklogRow): BacklogKey =>
  row.kind === 'ranked' ? rankedKey(row.item, row.score) : unrankedKey(row.item, BACKLOG_GROUPS.unscored);

/** Linked items: ranked ones by rank, then those still missing an estimate (or in the chosen order). */
export const backlogRows = computed<BacklogRow[]>(() => {
  if (sortWaits.value) return [];
  const passes = rowFilter.value;
  const upTo = loadedUpTo.value;
  return orderedRows.value.filter(
    (row) => passes(row.item, row.input.id) && (upTo === null || compareBacklogKeys(keyOfRow(row), upTo) <= 0),
  );
});

export const unlinkedRows = computed(() => {
  if (sortWaits.value) return [];
  const passes = rowFilter.value;
  const upTo = loadedUpTo.value;
  return ranking.value.unlinked.filter(
    (item) =>
      passes(item) && (upTo === null || compareBacklogKeys(unrankedKey(item, BACKLOG_GROUPS.unlinked), upTo) <= 0),
  );
});

/** Sites that appear among the items' links: the only ones worth a filter option. */
export const sitesInUse = computed(() => {
  const r = ranking.value;
  const all = [...r.ranked.map((x) => x.item), ...r.unscored.map((x) => x.item), ...r.unlinked];
  return [...new Set(all.flatMap((i) => i.links.map((l) => l.site)))].sort();
});

export const filtersActive = computed(
  () =>
    filterMetric.value !== 'all' ||
    filterStatus.value !== 'all' ||
    filterSite.value !== 'all' ||
    filterText.value.trim() !== '',
);

export function clearFilters(): void {
  filterMetric.value = 'all';
  filterStatus.value = 'all';
  filterSite.value = 'all';
  filterText.value = '';
}
