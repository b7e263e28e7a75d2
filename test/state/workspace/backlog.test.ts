import { afterEach, describe, expect, it } from 'vitest';
import {
  backlogRows,
  clearFilters,
  filterMetric,
  filterSite,
  filterStatus,
  filterText,
  sitesInUse,
  sortBy,
  unlinkedRows,
} from '../../../lib/state/workspace/backlog';
import { riceEdits, treeSnapshot } from '../../../lib/state/workspace/tree';
import type { Item, Metric } from '../../../lib/domain/types';
import { EMPTY_SETTINGS } from '../../../lib/domain/types';

function metric(id: string, role: Metric['role'], name: string, parentId: string | null = null): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId,
    name,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: 'T',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
  };
}

function item(
  id: string,
  title: string,
  inputMetricId: string | null,
  reach: number | null,
  extra: Partial<Item> = {},
): Item {
  return {
    id,
    treeId: 't',
    title,
    links: [],
    inputMetricId,
    rice: { reach, impact: 1, confidence: 1, effort: 1 },
    status: 'idea',
    notes: '',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const metrics = [
  metric('n', 'nsm', 'North Star'),
  metric('a', 'input', 'Activation', 'n'),
  metric('b', 'input', 'Retention', 'n'),
  metric('bt', 'team', 'Team B', 'b'),
];

function load(items: Item[]): void {
  treeSnapshot.value = {
    settings: EMPTY_SETTINGS,
    trees: [],
    tree: { id: 't', name: 'T', game: null, createdAt: 0, updatedAt: 0 },
    metrics,
    items,
    itemCount: items.length,
    reviews: [],
    history: [],
  };
}

const titles = () => backlogRows.value.map((r) => r.item.title);

describe('the backlog view', () => {
  afterEach(() => {
    clearFilters();
    sortBy.value = 'rank';
    treeSnapshot.value = null;
  });

  it('lists ranked items by score, then the linked items still missing an estimate', () => {
    load([
      item('1', 'Small', 'a', 10),
      item('2', 'Big', 'bt', 1000),
      item('3', 'Unestimated', 'b', null),
      item('4', 'Orphan', null, 50),
    ]);
    expect(titles()).toEqual(['Big', 'Small', 'Unestimated']);
    expect(unlinkedRows.value.map((i) => i.title)).toEqual(['Orphan']);
  });

  it('filters by input metric, counting team metrics under it', () => {
    load([item('1', 'Small', 'a', 10), item('2', 'Big', 'bt', 1000)]);
    filterMetric.value = 'b';
    expect(titles()).toEqual(['Big']);
  });

  it('does not hide unlinked items when filtering by input metric, but does by status', () => {
    load([item('1', 'Small', 'a', 10), item('4', 'Orphan', null, 50, { status: 'planned' })]);
    filterMetric.value = 'a';
    expect(unlinkedRows.value).toHaveLength(1);
    filterStatus.value = 'idea';
    expect(unlinkedRows.value).toHaveLength(0);
  });

  it('filters by site and by text in the title or a ticket key', () => {
    const jira = { site: 'jira' as const, key: 'ABC-7', url: 'https://x.atlassian.net/browse/ABC-7' };
    load([item('1', 'Small', 'a', 10, { links: [jira] }), item('2', 'Big', 'a', 1000)]);
    expect(sitesInUse.value).toEqual(['jira']);
    filterSite.value = 'jira';
    expect(titles()).toEqual(['Small']);
    filterSite.value = 'all';
    filterText.value = 'abc-7';
    expect(titles()).toEqual(['Small']);
  });

  it('searches together with the other filters, unlinked items too, and finds nothing for no match', () => {
    load([
      item('1', 'Invite from share', 'a', 10),
      item('2', 'Invite by email', 'a', 1000, { status: 'planned' }),
      item('3', 'Export', 'b', 500),
      item('4', 'Invite orphan', null, 50, { status: 'shipped' }),
    ]);
    filterText.value = '  INVITE ';
    expect(titles()).toEqual(['Invite by email', 'Invite from share']);
    expect(unlinkedRows.value.map((i) => i.title)).toEqual(['Invite orphan']);
    filterStatus.value = 'idea';
    expect(titles()).toEqual(['Invite from share']);
    expect(unlinkedRows.value).toHaveLength(0);
    filterText.value = 'nowhere';
    expect(titles()).toEqual([]);
  });

  it('keeps a search over the rows as they are re-ranked and renamed', () => {
    load([item('1', 'Invite small', 'a', 10), item('2', 'Invite big', 'a', 1000), item('3', 'Export', 'a', 500)]);
    filterText.value = 'invite';
    expect(titles()).toEqual(['Invite big', 'Invite small']);
    riceEdits.edit('1', 'reach', '5000');
    expect(titles()).toEqual(['Invite small', 'Invite big']);
    riceEdits.edit('1', 'reach', '');
    const snap = treeSnapshot.value!;
    treeSnapshot.value = {
      ...snap,
      items: snap.items.map((i) => (i.id === '3' ? { ...i, title: 'Invite export' } : i)),
    };
    expect(titles()).toEqual(['Invite big', 'Invite export', 'Invite small']);
  });

  it('re-ranks as an estimate is typed, before it is stored', () => {
    load([item('1', 'Small', 'a', 10), item('2', 'Big', 'a', 1000)]);
    riceEdits.edit('1', 'reach', '5000');
    expect(titles()).toEqual(['Small', 'Big']);
    riceEdits.edit('1', 'reach', '');
    expect(titles()).toEqual(['Big', 'Small']);
  });

  it('sorts by effort with unestimated effort last', () => {
    load([
      item('1', 'Slow', 'a', 10, { rice: { reach: 10, impact: 1, confidence: 1, effort: 8 } }),
      item('2', 'Quick', 'a', 10, { rice: { reach: 10, impact: 1, confidence: 1, effort: 0.5 } }),
      item('3', 'Unknown', 'a', 10, { rice: { reach: 10, impact: 1, confidence: 1, effort: null } }),
    ]);
    sortBy.value = 'effort';
    expect(titles()).toEqual(['Quick', 'Slow', 'Unknown']);
  });
});
