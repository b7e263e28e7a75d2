import { describe, expect, it } from 'vitest';
import { merge } from '../../../lib/domain/sharing/merge';
import { toSharedFile } from '../../../lib/domain/sharing/shared-file';
import { lastChange, sharedView } from '../../../lib/domain/sharing/view';
import { NO_LOOP_RECORDS, type Item, type Metric } from '../../../lib/domain/types';
import { findIntegrityProblem } from '../../../lib/domain/workspace-file';
import type { Replica } from '../../../lib/domain/sharing/sync';
import { edit, HOUR, MINUTE, pull, T, team } from './helpers';

function itemOf(replica: Replica, id: string): Item | undefined {
  return sharedView(replica.state).items.find((i) => i.id === id);
}

function metricOf(replica: Replica, id: string): Metric {
  return sharedView(replica.state).metrics.find((m) => m.id === id)!;
}

function putItem(replica: Replica, now: number, id: string, change: (item: Item) => Item): Replica {
  return edit(replica, now, { kind: 'put-item', item: change(itemOf(replica, id)!) });
}

function putMetric(replica: Replica, now: number, id: string, change: (metric: Metric) => Metric): Replica {
  return edit(replica, now, { kind: 'put-metric', metric: change(metricOf(replica, id)) });
}

function bothWays(a: Replica, b: Replica): Replica['state'] {
  const ab = merge(a.state, b.state);
  expect(toSharedFile(merge(b.state, a.state))).toBe(toSharedFile(ab));
  return ab;
}

describe('merge keeps concurrent edits of different fields', () => {
  it('effort typed by Ana and status set by Ben on the same item both stay', () => {
    const { ana, ben } = team();
    const a = putItem(ana, T + MINUTE, 'i1', (i) => ({ ...i, rice: { ...i.rice, effort: 3 } }));
    const b = putItem(ben, T + 2 * MINUTE, 'i1', (i) => ({ ...i, status: 'planned' }));
    const merged = { clock: b.clock, state: bothWays(a, b) };
    expect(itemOf(merged, 'i1')).toMatchObject({ status: 'planned', rice: { effort: 3, reach: 100 } });
  });

  it('links added by two people both stay; a removal removes only its link', () => {
    const { ana, ben } = team();
    const jira = { site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' } as const;
    const github = { site: 'github', key: 'acme/app#4', url: 'https://github.com/acme/app/issues/4' } as const;
    const a = putItem(ana, T + MINUTE, 'i1', (i) => ({ ...i, links: [jira] }));
    const b = putItem(ben, T + MINUTE, 'i1', (i) => ({ ...i, links: [github] }));
    const both = pull(a, b, T + 2 * MINUTE);
    expect(itemOf(both, 'i1')?.links).toEqual([github, jira]);
    const removed = putItem(both, T + 3 * MINUTE, 'i1', (i) => ({ ...i, links: [github] }));
    expect(itemOf(pull(b, removed, T + 4 * MINUTE), 'i1')?.links).toEqual([github]);
  });
});

describe('merge picks the later HLC for the same field', () => {
  it('the later edit wins on both sides', () => {
    const { ana, ben } = team();
    const a = putItem(ana, T + MINUTE, 'i1', (i) => ({ ...i, notes: 'Ana' }));
    const b = putItem(ben, T + 2 * MINUTE, 'i1', (i) => ({ ...i, notes: 'Ben' }));
    expect(itemOf({ clock: a.clock, state: bothWays(a, b) }, 'i1')?.notes).toBe('Ben');
  });

  it('an edit made after seeing a change from a clock hours ahead still wins', () => {
    const { ana, ben } = team();
    const ahead = putItem(ana, T + 3 * HOUR, 'i1', (i) => ({ ...i, notes: 'from the future' }));
    const seen = pull(ben, ahead, T + MINUTE);
    const later = putItem(seen, T + 2 * MINUTE, 'i1', (i) => ({ ...i, notes: 'answered' }));
    expect(itemOf(pull(ahead, later, T + 3 * HOUR), 'i1')?.notes).toBe('answered');
  });

  it('ties on wall time and counter go to the larger replica id, the same on both sides', () => {
    const { ana, ben } = team();
    const a = putItem(ana, T + MINUTE, 'i1', (i) => ({ ...i, title: 'A' }));
    const b = putItem(ben, T + MINUTE, 'i1', (i) => ({ ...i, title: 'B' }));
    expect(a.clock.slice(0, 2)).toEqual(b.clock.slice(0, 2));
    expect(itemOf({ clock: a.clock, state: bothWays(a, b) }, 'i1')?.title).toBe('B');
  });

  it('records who changed a field last and when', () => {
    const { ana, ben } = team();
    const b = putItem(ben, T + 5 * MINUTE, 'i1', (i) => ({ ...i, inputMetricId: 'in2' }));
    const merged = pull(ana, b, T + 6 * MINUTE);
    expect(lastChange(merged.state, 'items', 'i1', 'inputMetricId')).toEqual({ by: 'Ben', at: T + 5 * MINUTE });
    expect(lastChange(merged.state, 'items', 'i1', 'title')).toEqual({ by: 'Ana', at: T });
    expect(lastChange(merged.state, 'items', 'i1')).toEqual({ by: 'Ben', at: T + 5 * MINUTE });
  });
});

describe('a delete racing an edit', () => {
  it('delete wins over an earlier edit', () => {
    const { ana, ben } = team();
    const edited = putItem(ben, T + MINUTE, 'i1', (i) => ({ ...i, notes: 'edited first' }));
    const deleted = edit(ana, T + 2 * MINUTE, { kind: 'delete-item', id: 'i1' });
    expect(itemOf({ clock: ana.clock, state: bothWays(edited, deleted) }, 'i1')).toBeUndefined();
  });

  it('delete wins over a later concurrent edit too: the editor had not seen the delete', () => {
    const { ana, ben } = team();
    const deleted = edit(ana, T + MINUTE, { kind: 'delete-item', id: 'i1' });
    const edited = putItem(ben, T + 2 * MINUTE, 'i1', (i) => ({ ...i, notes: 'edited after' }));
    const merged = { clock: ana.clock, state: bothWays(edited, deleted) };
    expect(itemOf(merged, 'i1')).toBeUndefined();
    expect(merged.state.deletedItems.get('i1')?.label).toBe('Invite from share dialog');
  });

  it('a deleted id cannot be written again: re-creating makes a new item', () => {
    const { ana } = team();
    const deleted = edit(ana, T + MINUTE, { kind: 'delete-item', id: 'i1' });
    const old = itemOf(ana, 'i1')!;
    expect(() => edit(deleted, T + 2 * MINUTE, { kind: 'put-item', item: old })).toThrow(/was deleted/);
    const again = edit(deleted, T + 2 * MINUTE, { kind: 'put-item', item: { ...old, id: 'i1-again' } });
    expect(itemOf(again, 'i1-again')?.title).toBe(old.title);
  });
});

describe('references are repaired the same way on every replica', () => {
  it('an item whose metric was deleted shows as unlinked, saying why', () => {
    const { ana, ben } = team();
    const deleted = edit(ana, T + MINUTE, { kind: 'delete-metric', id: 'in1' });
    const tagged = putItem(ben, T + 2 * MINUTE, 'i2', (i) => ({ ...i, inputMetricId: 'in1' }));
    const view = sharedView(bothWays(deleted, tagged));
    expect(view.items.find((i) => i.id === 'i1')?.inputMetricId).toBeNull();
    expect(view.items.find((i) => i.id === 'i2')?.inputMetricId).toBeNull();
    expect(view.repairs).toEqual([
      {
        store: 'items',
        id: 'i1',
        field: 'inputMetricId',
        message: 'unlinked: its metric “Teams inviting” was deleted by Ana',
      },
      {
        store: 'items',
        id: 'i2',
        field: 'inputMetricId',
        message: 'unlinked: its metric “Teams inviting” was deleted by Ana',
      },
    ]);
  });

  it('an item tagged to a metric turned into an output metric meanwhile shows as unlinked', () => {
    const { ana, ben } = team();
    const output = putMetric(ana, T + MINUTE, 'in1', (m) => ({ ...m, role: 'output' }));
    const view = sharedView(bothWays(output, ben));
    expect(view.items.find((i) => i.id === 'i1')?.inputMetricId).toBeNull();
    expect(view.repairs[0]?.message).toMatch(/^unlinked: .*role "output"/);
  });

  it('two concurrent moves making a loop are cut where the later move was made', () => {
    const { ana, ben } = team();
    const a = putMetric(ana, T + MINUTE, 'in1', (m) => ({ ...m, role: 'team', parentId: 'in2' }));
    const b = putMetric(ben, T + 2 * MINUTE, 'in2', (m) => ({ ...m, role: 'team', parentId: 'in1' }));
    const view = sharedView(bothWays(a, b));
    expect(view.metrics.find((m) => m.id === 'in1')?.parentId).toBe('in2');
    expect(view.metrics.find((m) => m.id === 'in2')?.parentId).toBeNull();
    expect(view.repairs).toEqual([
      expect.objectContaining({
        store: 'metrics',
        id: 'in2',
        field: 'parentId',
        message: expect.stringMatching(/own ancestor/),
      }),
    ]);
    const workspace = {
      trees: [view.tree],
      metrics: view.metrics,
      items: view.items,
      observations: [],
      reviews: [],
      history: [],
      ...NO_LOOP_RECORDS,
    };
    expect(
      findIntegrityProblem({ ...workspace, settings: { activeTreeId: 't1', disabledSites: [], customDomains: [] } }),
    ).toBeNull();
  });
});
