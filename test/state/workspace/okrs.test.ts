import { afterEach, describe, expect, it } from 'vitest';
import type { KeyResult } from '../../../lib/domain/loop-types';
import { today, treeLoop } from '../../../lib/state/workspace/loop';
import {
  pickedQuarter,
  quarterChoices,
  shownKeyResultsByTeam,
  shownQuarter,
  typedKrProblem,
} from '../../../lib/state/workspace/okrs';

const kr = (id: string, quarter: string, team: string): KeyResult => ({
  id,
  treeId: 't',
  quarter,
  metricId: 'm',
  team,
  baseline: 1,
  target: 2,
  due: `${quarter.slice(0, 4)}-03-31`,
  updatedAt: 0,
});

afterEach(() => {
  treeLoop.value = null;
  pickedQuarter.value = null;
});

describe('a key result field as typed', () => {
  it('takes numbers written the way people write them', () => {
    expect(typedKrProblem('baseline', '1,250')).toBeNull();
    expect(typedKrProblem('target', '1.5k')).toBeNull();
  });

  it('refuses what is not a number, a blank team and a date that does not exist', () => {
    expect(typedKrProblem('target', 'lots')).toMatch(/target must be a number/);
    expect(typedKrProblem('team', '  ')).toMatch(/Name the team/);
    expect(typedKrProblem('due', '2025-02-30')).toMatch(/date that exists/);
    expect(typedKrProblem('due', '2025-03-31')).toBeNull();
  });
});

describe('the quarter shown', () => {
  it('is the current one until another is picked, and shows only its key results, by team', () => {
    today.value = '2025-02-10';
    treeLoop.value = {
      worksheet: null,
      keyResults: [kr('a', '2025-Q1', 'Search'), kr('b', '2024-Q4', 'Hosts'), kr('c', '2025-Q1', 'Hosts')],
      thresholds: [],
      shipments: [],
      experiments: [],
      reviewNotes: [],
    };
    expect(shownQuarter.value).toBe('2025-Q1');
    expect([...shownKeyResultsByTeam.value.keys()]).toEqual(['Hosts', 'Search']);
    pickedQuarter.value = '2024-Q4';
    expect([...shownKeyResultsByTeam.value.values()].flat().map((k) => k.id)).toEqual(['b']);
  });

  it('can be picked among the quarters around today and those with key results', () => {
    today.value = '2025-02-10';
    treeLoop.value = {
      worksheet: null,
      keyResults: [kr('a', '2023-Q2', 'Search')],
      thresholds: [],
      shipments: [],
      experiments: [],
      reviewNotes: [],
    };
    expect(quarterChoices.value).toEqual(['2025-Q2', '2025-Q1', '2024-Q4', '2023-Q2']);
  });
});
