/**
 * The quick checks of items and observations decide exactly as the schemas do: a record
 * is accepted by one only when the other accepts it, field by field, so a file's refusal
 * (its message and path) still comes from the schemas (test/domain/workspace-file.test.ts).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ItemSchema, ObservationSchema } from '../../lib/domain/schemas';
import { parseWorkspaceFile } from '../../lib/domain/workspace-file';
import { itemsPlain, observationsPlain } from '../../lib/domain/workspace-file-records';

const T = 1_700_000_000_000;

const item = () => ({
  id: 'i1',
  treeId: 't1',
  title: 'Invite from the share dialog',
  links: [{ site: 'jira', key: 'GROW-1', url: 'https://acme.atlassian.net/browse/GROW-1' }],
  inputMetricId: 'in1',
  rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 },
  status: 'idea',
  notes: '',
  createdAt: T,
  updatedAt: T,
});

const observation = () => ({
  id: 'o1',
  metricId: 'nsm',
  at: '2024-01-01',
  value: 120,
  sourceUrl: '',
  note: '',
  updatedAt: T,
});

/** Values a hand-edited or hostile file puts where a field should be. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(500),
  'x'.repeat(501),
  'x'.repeat(10_000),
  'x'.repeat(10_001),
  0,
  -0,
  -1,
  1.5,
  8.64e15,
  8.64e15 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  'NaN',
  '12',
  true,
  [],
  {},
  'idea',
  'jira',
  'https://example.com/a',
  'javascript:alert(1)',
  'ftp://example.com',
  'not a url',
  '2024-02-29',
  '2023-02-29',
  '2024-02-30',
  '2024-04-31',
  '2024-12-31',
  '2024-13-01',
  '0000-01-01',
  '9999-12-31',
  '2024-1-01',
  '2024-01-01T00:00:00Z',
];

const LINK_VARIANTS: unknown[] = [
  [],
  Array.from({ length: 50 }, () => item().links[0]),
  Array.from({ length: 51 }, () => item().links[0]),
  [{ site: 'jira', key: 'GROW-1' }],
  [{ site: 'nowhere', key: 'GROW-1', url: 'https://acme.atlassian.net/browse/GROW-1' }],
  [{ site: 'jira', key: '', url: 'https://acme.atlassian.net/browse/GROW-1' }],
  [{ site: 'jira', key: 'GROW-1', url: 'javascript:alert(1)' }],
  [{ site: 'jira', key: 'GROW-1', url: 'https://acme.atlassian.net/browse/GROW-1', extra: 1 }],
  [null],
  [[]],
  {},
];

/** Every record made by putting each odd value in each field, and by adding or removing a key. */
function variants(base: Record<string, unknown>, extra: Record<string, unknown[]> = {}): unknown[] {
  const out: unknown[] = [base];
  for (const field of Object.keys(base)) {
    for (const value of [...ODD_VALUES, ...(extra[field] ?? [])]) {
      const record: Record<string, unknown> = { ...base, [field]: value };
      if (value === undefined) delete record[field];
      out.push(record);
    }
  }
  out.push({ ...base, extra: 1 }, JSON.parse(`{"__proto__": 1, ${JSON.stringify(base).slice(1)}`));
  out.push(null, [], 'a text', [base]);
  return out;
}

const riceVariants = () =>
  (['reach', 'impact', 'confidence', 'effort'] as const).flatMap((field) =>
    ODD_VALUES.map((value) => {
      const rice: Record<string, unknown> = { ...item().rice, [field]: value };
      if (value === undefined) delete rice[field];
      return rice;
    }),
  );

describe('the quick check of a file’s items and observations', () => {
  it('accepts an item exactly when ItemSchema does', () => {
    const records = variants(item(), { links: LINK_VARIANTS, rice: [...riceVariants(), { reach: 1 }] });
    expect(records.length).toBeGreaterThan(500);
    for (const record of records) expect([record, itemsPlain([record])]).toEqual([record, v.is(ItemSchema, record)]);
  });

  it('accepts an observation exactly when ObservationSchema does', () => {
    const records = variants(observation());
    for (const record of records) {
      expect([record, observationsPlain([record])]).toEqual([record, v.is(ObservationSchema, record)]);
    }
  });

  it('accepts a whole store only when every record passes, and nothing that is not a list', () => {
    expect(itemsPlain([item(), item()])).toBe(true);
    expect(itemsPlain([item(), { ...item(), status: 'done' }])).toBe(false);
    expect(observationsPlain([observation(), { ...observation(), at: '2023-02-29' }])).toBe(false);
    expect(itemsPlain({ 0: item() })).toBe(false);
    expect(observationsPlain(undefined)).toBe(false);
  });
});

describe('a file whose items and observations pass the quick check', () => {
  const file = () => ({
    formatVersion: 2,
    exportedAt: new Date(T).toISOString(),
    app: 'north-star-lens',
    trees: [{ id: 't1', name: 'Acme', game: null, createdAt: T, updatedAt: T }],
    metrics: [
      {
        ...{ id: 'nsm', treeId: 't1', role: 'nsm', parentId: null, name: 'Weekly active teams', definition: '' },
        ...{ unit: '', period: 'week', category: 'engagement', ownerTeam: '', leverage: 1, sourceUrls: [] },
        ...{ target: null, updatedAt: T },
      },
      {
        ...{ id: 'in1', treeId: 't1', role: 'input', parentId: 'nsm', name: 'Invites', definition: '' },
        ...{ unit: '', period: null, category: null, ownerTeam: '', leverage: 1, sourceUrls: [] },
        ...{ target: null, updatedAt: T },
      },
    ],
    observations: [observation()],
    items: [item()],
    ...{ reviews: [], history: [], worksheets: [], keyResults: [], thresholds: [] },
    ...{ shipments: [], experiments: [], reviewNotes: [] },
    settings: { activeTreeId: 't1', disabledSites: [], customDomains: [] },
  });

  it('is read whole, its items and observations as written', () => {
    const parsed = parseWorkspaceFile(JSON.parse(JSON.stringify(file())));
    expect(parsed).toMatchObject({ ok: true, workspace: { items: [item()], observations: [observation()] } });
  });

  it('is still refused at the first problem in the file’s order, by the schemas', () => {
    const badMetric = file();
    (badMetric.metrics[1] as Record<string, unknown>).leverage = 'high';
    expect(parseWorkspaceFile(badMetric)).toEqual({
      ok: false,
      path: 'metrics[1].leverage',
      message: 'must be number, not "high"',
    });
    const badSettings = file();
    (badSettings.settings as Record<string, unknown>).theme = 'dark';
    expect(parseWorkspaceFile(badSettings)).toEqual({
      ok: false,
      path: 'settings.theme',
      message: 'is not a known field',
    });
    const badItemAndReview = { ...file(), reviews: [{ id: 'r1' }] };
    badItemAndReview.items[0]!.status = 'done';
    expect(parseWorkspaceFile(badItemAndReview)).toMatchObject({ ok: false, path: 'items[0].status' });
  });
});
