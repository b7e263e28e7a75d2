/** Records with every field filled, so a test names only what it is about. */
import type { Item, Metric, NsmChange, Observation, Review, RiceInput } from '../../lib/domain/types';

export function metric(fields: Partial<Metric> & Pick<Metric, 'id' | 'role'>): Metric {
  return {
    treeId: 't1',
    parentId: null,
    name: fields.id,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: '',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
    ...fields,
  };
}

export const FULL_RICE: RiceInput = { reach: 100, impact: 1, confidence: 1, effort: 1 };

export function item(fields: Partial<Omit<Item, 'rice'>> & { id: string; rice?: Partial<RiceInput> }): Item {
  const { rice, ...rest } = fields;
  return {
    treeId: 't1',
    title: fields.id,
    links: [],
    inputMetricId: null,
    status: 'idea',
    notes: '',
    createdAt: 0,
    updatedAt: 0,
    ...rest,
    rice: { ...FULL_RICE, ...rice },
  };
}

export function observation(metricId: string, at: string, value: number): Observation {
  return { id: `${metricId}@${at}`, metricId, at, value, sourceUrl: '', note: '', updatedAt: 0 };
}

export function review(at: number): Review {
  return {
    id: `review@${at}`,
    treeId: 't1',
    at,
    answers: {
      customerValue: true,
      leadsRevenue: true,
      reflectsStrategy: true,
      understandable: true,
      measurable: true,
      actionable: true,
    },
    note: '',
    updatedAt: at,
  };
}

export function nsmChange(at: number): NsmChange {
  return { id: `change@${at}`, treeId: 't1', at, from: 'Old', to: 'New', updatedAt: at };
}

/** Consecutive months from `start` (YYYY-MM), as YYYY-MM-15 dates. */
export function months(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
  });
}
