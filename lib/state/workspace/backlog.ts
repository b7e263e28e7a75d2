/**
 * The dashboard's backlog view: which items show, in which order. Filters narrow the
 * rows; the order is the live ranking unless the user sorts by something else.
 */
import { computed, signal } from '@preact/signals-core';
import type { RankedItem, UnscoredItem } from '../../domain/ranking';
import type { Id, ItemStatus, SiteId } from '../../domain/types';
import { ranking } from './tree';

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

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** `input` undefined means the row serves no input metric, which the metric filter does not narrow. */
function passes(row: { item: BacklogRow['item'] }, input?: { id: Id }): boolean {
  const { item } = row;
  if (input && filterMetric.value !== 'all' && input.id !== filterMetric.value) return false;
  if (filterStatus.value !== 'all' && item.status !== filterStatus.value) return false;
  if (filterSite.value !== 'all' && !item.links.some((l) => l.site === filterSite.value)) return false;
  const text = filterText.value.trim().toLowerCase();
  if (text && !item.title.toLowerCase().includes(text) && !item.links.some((l) => l.key.toLowerCase().includes(text)))
    return false;
  return true;
}

const SORTERS: Record<Exclude<SortId, 'rank'>, (a: BacklogRow, b: BacklogRow) => number> = {
  title: (a, b) => collator.compare(a.item.title, b.item.title),
  effort: (a, b) => (a.item.rice.effort ?? Infinity) - (b.item.rice.effort ?? Infinity),
  reach: (a, b) => (b.item.rice.reach ?? -Infinity) - (a.item.rice.reach ?? -Infinity),
  updated: (a, b) => b.item.updatedAt - a.item.updatedAt,
};

/** Linked items: ranked ones by rank, then those still missing an estimate. */
export const backlogRows = computed<BacklogRow[]>(() => {
  const r = ranking.value;
  const rows: BacklogRow[] = [
    ...r.ranked.filter((x) => passes(x, x.input)).map((x) => ({ kind: 'ranked' as const, ...x })),
    ...r.unscored.filter((x) => passes(x, x.input)).map((x) => ({ kind: 'unscored' as const, ...x })),
  ];
  const sort = sortBy.value;
  return sort === 'rank' ? rows : [...rows].sort(SORTERS[sort]);
});

export const unlinkedRows = computed(() => ranking.value.unlinked.filter((item) => passes({ item })));

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
