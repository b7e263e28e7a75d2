import { describe, expect, it } from 'vitest';
import { planItemImport, type ImportedItemRow } from '../../../lib/domain/import/item-plan';
import type { Item } from '../../../lib/domain/types';

const link = (key: string) => ({ site: 'jira' as const, key, url: `https://acme.atlassian.net/browse/${key}` });
const context = (overwrite = false) => ({ treeId: 't', now: 5, newId: () => 'new', overwrite });

const tracked: Item = {
  id: 'i1',
  treeId: 't',
  title: 'Old title',
  links: [link('A-1')],
  inputMetricId: 'm1',
  rice: { reach: 100, impact: null, confidence: null, effort: 2 },
  status: 'idea',
  notes: 'kept',
  createdAt: 1,
  updatedAt: 1,
};

function row(fields: Partial<ImportedItemRow> = {}): ImportedItemRow {
  return { link: link('A-1'), title: 'Old title', status: 'idea', inputMetricId: null, rice: {}, ...fields };
}

describe('planItemImport', () => {
  it('counts a ticket already as the file says as unchanged, and writes nothing for it', () => {
    expect(planItemImport([tracked], [row()], context())).toEqual({
      put: [],
      summary: { added: 0, updated: 0, unchanged: 1 },
    });
  });

  it('updates title and status, fills estimates not made, keeps tag and estimates set', () => {
    const next = row({ title: 'New', status: 'shipped', inputMetricId: 'm2', rice: { reach: 9, impact: 2 } });
    const { put } = planItemImport([tracked], [next], context());
    expect(put).toEqual([
      { ...tracked, title: 'New', status: 'shipped', rice: { ...tracked.rice, impact: 2 }, updatedAt: 5 },
    ]);
  });

  it('overwrites tag and estimates only when asked', () => {
    const next = row({ inputMetricId: 'm2', rice: { reach: 9 } });
    const { put } = planItemImport([tracked], [next], context(true));
    expect(put[0]).toMatchObject({ inputMetricId: 'm2', rice: { reach: 9, effort: 2 }, notes: 'kept' });
  });

  it('adds an untracked ticket as a new item with its link, title and status', () => {
    const { put, summary } = planItemImport([tracked], [row({ link: link('A-2'), title: 'Two' })], context());
    expect(summary).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(put[0]).toMatchObject({ id: 'new', treeId: 't', title: 'Two', links: [link('A-2')], createdAt: 5 });
  });
});
