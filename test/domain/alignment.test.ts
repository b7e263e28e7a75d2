import { describe, expect, it } from 'vitest';
import { UNLINKED_NAME, alignment } from '../../lib/domain/alignment';
import { item, metric } from './builders';

const nsm = metric({ id: 'nsm', role: 'nsm' });
const messaging = metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Messages sent', leverage: 2 });
const invites = metric({ id: 'in2', role: 'input', parentId: 'nsm', name: 'Invites accepted' });
const search = metric({ id: 'in3', role: 'input', parentId: 'nsm', name: 'Searches with a click' });
const composer = metric({ id: 'team1', role: 'team', parentId: 'in1', name: 'Composer speed' });
const health = metric({ id: 'h1', role: 'health', parentId: 'nsm', name: 'Support tickets' });
const metrics = [nsm, messaging, invites, search, composer, health];

describe('alignment', () => {
  const items = [
    item({ id: 'a', inputMetricId: 'in1', rice: { reach: 100, effort: 2 } }),
    item({ id: 'b', inputMetricId: 'team1', rice: { reach: 100, effort: 1 } }),
    item({ id: 'c', inputMetricId: 'in2', rice: { reach: 100, effort: 1 } }),
    item({ id: 'd', inputMetricId: 'in2', rice: { reach: 100, effort: null } }),
    item({ id: 'e', inputMetricId: null, rice: { reach: 1000, effort: 4 } }),
  ];
  const result = alignment(items, metrics);
  const row = (id: string) => result.rows.find((r) => r.metricId === id);

  it('has one row per input metric, in tree order, and none for other roles', () => {
    expect(result.rows.map((r) => r.metricId)).toEqual(['in1', 'in2', 'in3']);
    expect(result.rows.map((r) => r.name)).toEqual(['Messages sent', 'Invites accepted', 'Searches with a click']);
  });

  it('counts items tagged with a team metric under its input metric', () => {
    expect(row('in1')).toMatchObject({ items: 2, effort: 3 });
  });

  it('sums known efforts, counting an unestimated effort as 0', () => {
    expect(row('in2')).toMatchObject({ items: 2, effort: 1 });
  });

  it("sums the scores of ranked items only, at each item's leverage", () => {
    // a: 100 × 2 / 2 = 100; b: 100 × 2 / 1 = 200; c: 100; d is unscored.
    expect(row('in1')?.score).toBe(300);
    expect(row('in2')?.score).toBe(100);
  });

  it('flags an input metric that no work serves', () => {
    expect(row('in3')).toMatchObject({ items: 0, effort: 0, score: 0, noWork: true });
    expect(row('in1')?.noWork).toBe(false);
  });

  it('puts work serving no input metric in its own row, with no NSM score', () => {
    expect(result.unlinked).toMatchObject({ metricId: null, name: UNLINKED_NAME, items: 1, effort: 4, score: 0 });
  });

  it('totals every item, including unlinked ones', () => {
    expect(result.totals).toEqual({ items: 5, effort: 8, score: 400 });
  });

  it('gives each row its share of items, effort and score', () => {
    expect(row('in1')).toMatchObject({ itemShare: 2 / 5, effortShare: 3 / 8, scoreShare: 300 / 400 });
    expect(result.unlinked).toMatchObject({ itemShare: 1 / 5, effortShare: 4 / 8, scoreShare: 0 });
    const sum = (key: 'itemShare' | 'effortShare' | 'scoreShare') =>
      [...result.rows, result.unlinked].reduce((s, r) => s + r[key], 0);
    expect(sum('itemShare')).toBeCloseTo(1);
    expect(sum('effortShare')).toBeCloseTo(1);
    expect(sum('scoreShare')).toBeCloseTo(1);
  });

  it('counts an item tagged with a deleted metric as unlinked', () => {
    const orphaned = alignment([item({ id: 'x', inputMetricId: 'gone' })], metrics);
    expect(orphaned.unlinked.items).toBe(1);
    expect(orphaned.rows.every((r) => r.items === 0)).toBe(true);
  });

  it('ignores negative or non-finite efforts instead of letting them cancel real work', () => {
    const odd = alignment(
      [
        item({ id: 'x', inputMetricId: 'in1', rice: { effort: -5 } }),
        item({ id: 'y', inputMetricId: 'in1', rice: { effort: Number.NaN } }),
        item({ id: 'z', inputMetricId: 'in1', rice: { effort: 2 } }),
      ],
      metrics,
    );
    expect(odd.rows[0]?.effort).toBe(2);
  });

  it('has shares of 0, never NaN, when there is no work at all', () => {
    const empty = alignment([], metrics);
    expect(empty.totals).toEqual({ items: 0, effort: 0, score: 0 });
    for (const r of [...empty.rows, empty.unlinked]) {
      expect(r).toMatchObject({ itemShare: 0, effortShare: 0, scoreShare: 0, noWork: true });
    }
  });

  it('has no input rows for a tree without input metrics', () => {
    const bare = alignment([item({ id: 'x' })], [nsm]);
    expect(bare.rows).toEqual([]);
    expect(bare.unlinked.itemShare).toBe(1);
  });
});
