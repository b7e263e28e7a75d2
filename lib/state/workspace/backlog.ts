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
import { matchingPlaces, searchIndex, type SearchIndex } from '../../domain/search-index';
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

/** The search box's text as it is matched: trimmed and lowercased; empty matches every row. */
const query = computed(() => filterText.value.trim().toLowerCase());

/**
 * The filters other than the search box as one test, built once per change of a filter
 * rather than read per row. `inputId` undefined means the row serves no input metric,
 * which the metric filter does not narrow.
 */
const rowFilter = computed<((item: Item, inputId?: Id) => boolean) | null>(() => {
  const metric = filterMetric.value;
  const status = filterStatus.value;
  const site = filterSite.value;
  if (metric === 'all' && status === 'all' && site === 'all') return null;
  return (item: Item, inputId?: Id): boolean =>
    (inputId === undefined || metric === 'all' || inputId === metric) &&
    (status === 'all' || item.status === status) &&
    (site === 'all' || item.links.some((l) => l.site === site));
});

/**
 * The rows of `list` the filters pass, in its order: the search box answered from the
 * list's search index (lib/domain/search-index.ts, made once per list, only while a search
 * is typed), the other filters then tested on the matches only. With 100,000 rows a
 * keystroke must answer within a frame or two.
 */
function filtered<T>(
  list: readonly T[],
  index: () => SearchIndex,
  test: (row: T, passes: (item: Item, inputId?: Id) => boolean) => boolean,
): readonly T[] {
  const text = query.value;
  const passes = rowFilter.value;
  const matches = text === '' ? list : matchingPlaces(index(), text).map((place) => list[place] as T);
  return passes ? matches.filter((row) => test(row, passes)) : matches;
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

const orderedIndex = computed(() => searchIndex(orderedRows.value.map((row) => row.item)));
const unlinkedIndex = computed(() => searchIndex(ranking.value.unlinked));

/** While the items stream in: the last place in the backlog's order that has come. */
const loadedUpTo = computed<BacklogKey | null>(() =>
  itemsLoading.value ? (treeSnapshot.value?.itemsEnd ?? null) : null,
);

/** True while the chosen order (not the ranking) waits for every item to come. */
export const sortWaits = computed(() => itemsLoading.value !== null && sortBy.value !== 'rank');

const keyOfRow = (row: BacklogRow): BacklogKey =>
  row.kind === 'ranked' ? rankedKey(row.item, row.score) : unrankedKey(row.item, BACKLOG_GROUPS.unscored);

/** Linked items: ranked ones by rank, then those still missing an estimate (or in the chosen order). */
export const backlogRows = computed<readonly BacklogRow[]>(() => {
  if (sortWaits.value) return [];
  const rows = filtered(
    orderedRows.value,
    () => orderedIndex.value,
    (row, passes) => passes(row.item, row.input.id),
  );
  const upTo = loadedUpTo.value;
  return upTo === null ? rows : rows.filter((row) => compareBacklogKeys(keyOfRow(row), upTo) <= 0);
});

export const unlinkedRows = computed<readonly Item[]>(() => {
  if (sortWaits.value) return [];
  const items = filtered(
    ranking.value.unlinked,
    () => unlinkedIndex.value,
    (item, passes) => passes(item),
  );
  const upTo = loadedUpTo.value;
  return upTo === null
    ? items
    : items.filter((item) => compareBacklogKeys(unrankedKey(item, BACKLOG_GROUPS.unlinked), upTo) <= 0);
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
