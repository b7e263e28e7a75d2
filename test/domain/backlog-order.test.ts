import { describe, expect, it } from 'vitest';
import { backlogKey, compareBacklogKeys } from '../../lib/domain/backlog-order';
import { rankItems } from '../../lib/domain/ranking';
import { metricById } from '../../lib/domain/tree';
import { item, metric } from './builders';

const metrics = [
  metric({ id: 'nsm', role: 'nsm' }),
  metric({ id: 'in', role: 'input', parentId: 'nsm', leverage: 2 }),
  metric({ id: 'team', role: 'team', parentId: 'in', leverage: 3 }),
];
const byId = metricById(metrics);

/** Ties on score, on effort and on title (accents, case), an unscored and an unlinked item, in no useful order. */
const items = [
  item({ id: 'z', title: 'Unlinked, oldest', createdAt: 1 }),
  item({ id: 'u2', title: 'Missing confidence', inputMetricId: 'in', rice: { confidence: null }, createdAt: 9 }),
  item({ id: 'a', title: 'Résumé export', inputMetricId: 'in', rice: { reach: 300, effort: 3 } }),
  item({ id: 'b', title: 'resume export', inputMetricId: 'in', rice: { reach: 300, effort: 3 } }),
  item({ id: 'c', title: 'Resume export', inputMetricId: 'in', rice: { reach: 300, effort: 3 } }),
  item({ id: 'd', title: 'Same score, less effort', inputMetricId: 'in', rice: { reach: 100, effort: 1 } }),
  item({ id: 'e', title: 'Through a team metric', inputMetricId: 'team', rice: { reach: 100 } }),
  item({ id: 'u1', title: 'Missing effort', inputMetricId: 'in', rice: { effort: null }, createdAt: 2 }),
  item({ id: 'y', title: 'Unlinked, newer', createdAt: 5 }),
];

describe('the backlog order', () => {
  it('orders ranked items exactly as the ranking does, ties included, then unscored, then unlinked, oldest first', () => {
    const ranking = rankItems(items, metrics);
    const sorted = items
      .map((i) => ({ id: i.id, key: backlogKey(i, byId) }))
      .sort((a, b) => compareBacklogKeys(a.key, b.key))
      .map((x) => x.id);
    expect(sorted).toEqual([...ranking.ranked.map((r) => r.item.id), ...['u1', 'u2'], ...['z', 'y']]);
    expect(ranking.ranked.map((r) => r.item.id)).toEqual(['e', 'd', 'b', 'c', 'a']);
  });

  it('says 0 only for the same item', () => {
    const [first, second] = [backlogKey(items[3]!, byId), backlogKey(items[4]!, byId)];
    expect(compareBacklogKeys(first, first)).toBe(0);
    expect(Math.sign(compareBacklogKeys(first, second))).toBe(-Math.sign(compareBacklogKeys(second, first)));
    expect(compareBacklogKeys(first, second)).not.toBe(0);
  });
});
