import { describe, expect, it } from 'vitest';
import { localChanges, withLateChanges, withLocalChanges } from '../../../lib/domain/sharing/local-changes';
import { merge } from '../../../lib/domain/sharing/merge';
import { lastChange, sharedView } from '../../../lib/domain/sharing/view';
import { item } from '../builders';
import { edit, MINUTE, pull, T, team } from './helpers';

describe('local changes to a shared tree', () => {
  it('are none when the stored records are the view itself, whatever their update times', () => {
    const { ana } = team();
    const view = sharedView(ana.state);
    const local = { tree: { ...view.tree, updatedAt: 1 }, metrics: view.metrics, items: view.items };
    expect(localChanges(view, local)).toEqual([]);
  });

  it('stamp only the field a person changed, in their name', () => {
    const { ana } = team();
    const view = sharedView(ana.state);
    const items = view.items.map((i) => (i.id === 'i1' ? { ...i, rice: { ...i.rice, effort: 8 } } : i));
    const changes = localChanges(view, { tree: view.tree, metrics: view.metrics, items });
    expect(changes).toEqual([{ kind: 'put-item', item: items.find((i) => i.id === 'i1') }]);
    const after = withLocalChanges(ana, changes, T + MINUTE);
    expect(lastChange(after.state, 'items', 'i1', 'effort')).toEqual({ by: 'Ana', at: T + MINUTE });
    expect(lastChange(after.state, 'items', 'i1', 'title')?.at).toBe(T);
  });

  it('turn an item or metric gone from the records into a deletion, and a new one into a creation', () => {
    const { ana } = team();
    const view = sharedView(ana.state);
    const added = item({ id: 'i9', title: 'Referral bonus', inputMetricId: 'in1' });
    const local = {
      tree: { ...view.tree, name: 'Acme Inc' },
      metrics: view.metrics.filter((m) => m.id !== 'in2'),
      items: [...view.items.filter((i) => i.id !== 'i2'), added],
    };
    const after = withLocalChanges(ana, localChanges(view, local), T + MINUTE);
    expect([...after.state.deletedItems.keys()]).toEqual(['i2']);
    expect([...after.state.deletedMetrics.keys()]).toEqual(['in2']);
    expect(after.state.items.get('i9')?.fields.title).toBe('Referral bonus');
    expect(after.state.tree.fields.name).toBe('Acme Inc');
  });

  it('to a record someone else deleted meanwhile are dropped: the deletion wins', () => {
    const { ana, ben } = team();
    const view = sharedView(ana.state);
    const items = view.items.map((i) => (i.id === 'i1' ? { ...i, notes: 'needs design' } : i));
    const benDeleted = edit(ben, T + MINUTE, { kind: 'delete-item', id: 'i1' });
    const merged = pull(ana, benDeleted, T + 2 * MINUTE);
    const after = withLocalChanges(merged, localChanges(view, { tree: view.tree, metrics: view.metrics, items }), T);
    expect(after.state.items.has('i1')).toBe(false);
    expect(after.state.deletedItems.has('i1')).toBe(true);
  });

  it('made while a sync ran keep what the file brought meanwhile to the same record', () => {
    const { ana, ben } = team();
    // Ana's records were written from `ana`; her sync brings Ben's reach for i1 ...
    const view = sharedView(ana.state);
    const benReach = edit(ben, T + MINUTE, {
      kind: 'put-item',
      item: { ...view.items[0]!, rice: { ...view.items[0]!.rice, reach: 400 } },
    });
    const merged = pull(ana, benReach, T + 2 * MINUTE);
    // ... while she changes the same item's effort on records that still show the old reach.
    const items = view.items.map((i) => (i.id === 'i1' ? { ...i, rice: { ...i.rice, effort: 8 } } : i));
    const late = localChanges(view, { tree: view.tree, metrics: view.metrics, items });
    const after = withLateChanges(merged, ana, late, T + 3 * MINUTE);
    expect(after.state.items.get('i1')?.fields).toMatchObject({ reach: 400, effort: 8 });
    expect(lastChange(after.state, 'items', 'i1', 'reach')?.by).toBe('Ben');
    expect(lastChange(after.state, 'items', 'i1', 'effort')).toEqual({ by: 'Ana', at: T + 3 * MINUTE });
  });

  it("made while a sync ran bring only the records they changed, not the sync's starting copy again", () => {
    const { ana, ben } = team();
    const view = sharedView(ana.state);
    const merged = pull(ana, edit(ben, T + MINUTE, { kind: 'delete-item', id: 'i2' }), T + 2 * MINUTE);
    // The merge with the file dropped i2 (deleted there); across a prune it may also forget
    // records of Ana's copy (safe-merge.ts). Stand-in: a merged state that holds no item at all.
    const forgotten = { ...merged, state: { ...merged.state, deletedItems: new Map(), items: new Map() } };
    const items = view.items.map((i) => (i.id === 'i1' ? { ...i, notes: 'late note' } : i));
    const late = localChanges(view, { tree: view.tree, metrics: view.metrics, items });
    const after = withLateChanges(forgotten, ana, late, T + 3 * MINUTE);
    // Only i1, which the late change named, came back from Ana's copy; i2 stays gone.
    expect([...after.state.items.keys()]).toEqual(['i1']);
    expect(after.state.items.get('i1')?.fields.notes).toBe('late note');
    // With nothing forgotten, the result is the full merge of the stamped copy.
    const full = withLateChanges(merged, ana, late, T + 3 * MINUTE);
    const stamped = withLocalChanges({ clock: merged.clock, state: ana.state }, late, T + 3 * MINUTE);
    expect(full.state).toEqual(merge(merged.state, stamped.state));
    expect(full.state.items.has('i2')).toBe(false);
  });
});
