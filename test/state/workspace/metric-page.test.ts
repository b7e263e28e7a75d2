import { afterEach, describe, expect, it } from 'vitest';
import type { Item, Metric, Observation } from '../../../lib/domain/types';
import { EMPTY_SETTINGS } from '../../../lib/domain/types';
import { treeLoop } from '../../../lib/state/workspace/loop';
import {
  shownChart,
  shownShipMarks,
  shownThresholds,
  shownMetricId,
  shownWork,
} from '../../../lib/state/workspace/metric-page';
import { treeSnapshot } from '../../../lib/state/workspace/tree';
import { dropValues, holdValues } from './held-values';

function metric(id: string, role: Metric['role'], parentId: string | null, extra: Partial<Metric> = {}): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId,
    name: id,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: 'Product',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
    ...extra,
  };
}

function item(id: string, inputMetricId: string | null, effort: number | null = 1): Item {
  return {
    id,
    treeId: 't',
    title: `Item ${id}`,
    links: [{ site: 'jira', key: id, url: `https://x.atlassian.net/browse/${id}` }],
    inputMetricId,
    rice: { reach: 10, impact: 1, confidence: 1, effort },
    status: 'shipped',
    notes: '',
    createdAt: 0,
    updatedAt: 0,
  };
}

const value = (metricId: string, at: string, v: number): Observation => ({
  id: `${metricId}-${at}`,
  metricId,
  at,
  value: v,
  sourceUrl: '',
  note: '',
  updatedAt: 0,
});

function load(): void {
  treeSnapshot.value = {
    settings: EMPTY_SETTINGS,
    trees: [],
    tree: { id: 't', name: 'Stays', game: 'transaction', createdAt: 0, updatedAt: 0 },
    metrics: [
      metric('n', 'nsm', null),
      metric('a', 'input', 'n', { target: 10 }),
      metric('a-team', 'team', 'a'),
      metric('b', 'input', 'n'),
    ],
    // i3 serves a team metric under a; i4 is not estimated; i5 is unlinked.
    items: [item('i1', 'a'), item('i2', 'b'), item('i3', 'a-team'), item('i4', 'a', null), item('i5', null)],
    itemCount: 5,
    reviews: [],
    history: [],
  };
  holdValues([value('a', '2025-01-06', 8), value('a', '2025-01-20', 9)]);
  const ship = (itemId: string, at: string) => ({ id: `s-${itemId}`, treeId: 't', itemId, at, updatedAt: 0 });
  treeLoop.value = {
    worksheet: null,
    keyResults: [],
    thresholds: [],
    shipments: [ship('i1', '2025-01-08'), ship('i2', '2025-01-09'), ship('i3', '2025-01-21'), ship('i5', '2025-01-10')],
    experiments: [],
    reviewNotes: [],
  };
}

afterEach(() => {
  shownMetricId.value = null;
  treeLoop.value = null;
  treeSnapshot.value = null;
  dropValues();
});

describe('the metric page state', () => {
  it('marks the items shipped on an input metric, including those on team metrics under it', () => {
    load();
    shownMetricId.value = 'a';
    expect(shownShipMarks.value.map((m) => m.label).sort()).toEqual(['Item i1', 'Item i3']);
    expect(shownShipMarks.value[0]?.url).toBe('https://x.atlassian.net/browse/i1');
  });

  it('marks every linked item shipped on the North Star, not the unlinked one', () => {
    load();
    shownMetricId.value = 'n';
    expect(shownShipMarks.value.map((m) => m.label).sort()).toEqual(['Item i1', 'Item i2', 'Item i3']);
  });

  it('lists the work serving the metric, ranked first, then the items not yet estimated', () => {
    load();
    shownMetricId.value = 'a';
    expect(shownWork.value.ranked.map((r) => r.item.id).sort()).toEqual(['i1', 'i3']);
    expect(shownWork.value.unscored.map((r) => r.item.id)).toEqual(['i4']);
  });

  it('charts the weeks with a gap for the week without a value and the target line', () => {
    load();
    shownMetricId.value = 'a';
    expect(shownChart.value?.gaps).toEqual(['2025-W03']);
    expect(shownChart.value?.targetY).not.toBeNull();
  });

  it('judges a metric by the default rule until its own thresholds are set', () => {
    load();
    shownMetricId.value = 'a';
    expect(shownThresholds.value).toEqual({ rule: { metricId: 'a', direction: 'up', amberWithin: 0.1 }, own: false });
    treeLoop.value = {
      ...treeLoop.value!,
      thresholds: [{ metricId: 'a', direction: 'down', amberWithin: 0.2 }],
    };
    expect(shownThresholds.value?.own).toBe(true);
    expect(shownThresholds.value?.rule.direction).toBe('down');
  });

  it('shows nothing for a metric that is not in the tree', () => {
    load();
    shownMetricId.value = 'gone';
    expect(shownChart.value).toBeNull();
    expect(shownShipMarks.value).toEqual([]);
  });
});
