import { describe, expect, it } from 'vitest';
import { insertScore, removeScore, scoreOf, withoutScore } from '../../lib/domain/score-list';
import { metricById } from '../../lib/domain/tree';
import type { Item, Metric } from '../../lib/domain/types';

const metric = (id: string, role: Metric['role'], parentId: string | null, leverage = 1): Metric => ({
  id,
  treeId: 't',
  role,
  parentId,
  name: id,
  definition: '',
  unit: '',
  period: null,
  category: null,
  ownerTeam: '',
  leverage,
  sourceUrls: [],
  target: null,
  updatedAt: 0,
});

const item = (inputMetricId: string | null, effort: number | null = 1): Item => ({
  id: 'i',
  treeId: 't',
  title: 'x',
  links: [],
  inputMetricId,
  rice: { reach: 100, impact: 1, confidence: 1, effort },
  status: 'idea',
  notes: '',
  createdAt: 0,
  updatedAt: 0,
});

const metrics = metricById([
  metric('nsm', 'nsm', null),
  metric('in', 'input', 'nsm', 2),
  metric('team', 'team', 'in', 3),
]);

describe('the ranked scores the background keeps', () => {
  it('scores an item through its team metric, with both leverages', () => {
    expect(scoreOf(item('team'), metrics)).toBe(600);
    expect(scoreOf(item('in'), metrics)).toBe(200);
  });

  it('leaves unlinked and half-estimated items unranked', () => {
    expect(scoreOf(item(null), metrics)).toBeNull();
    expect(scoreOf(item('in', null), metrics)).toBeNull();
    expect(scoreOf(item('nsm'), metrics)).toBeNull();
  });

  it('stays sorted highest first as scores come and go, ties included', () => {
    const scores = [500, 300, 100];
    insertScore(scores, 300);
    insertScore(scores, 1000);
    insertScore(scores, 0);
    expect(scores).toEqual([1000, 500, 300, 300, 100, 0]);
    expect(removeScore(scores, 300)).toBe(true);
    expect(removeScore(scores, 42)).toBe(false);
    expect(scores).toEqual([1000, 500, 300, 100, 0]);
  });

  it('leaves out one entry of a page item’s own score, and nothing for an unranked item', () => {
    const scores = [400, 200, 200];
    expect(withoutScore(scores, 200)).toEqual([400, 200]);
    expect(withoutScore(scores, null)).toEqual([400, 200, 200]);
    expect(scores).toEqual([400, 200, 200]);
  });
});
