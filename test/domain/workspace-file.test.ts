import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_LOOP_RECORDS, type Workspace } from '../../lib/domain/types';
import {
  FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  MAX_RECORDS,
  findIntegrityProblem,
  parseWorkspaceFile,
  toWorkspaceFile,
} from '../../lib/domain/workspace-file';

const T = 1_700_000_000_000;

function workspace(): Workspace {
  return {
    trees: [{ id: 't1', name: 'Acme', game: 'productivity', createdAt: T, updatedAt: T }],
    metrics: [
      metric({ id: 'nsm', role: 'nsm', parentId: null, name: 'Weekly active teams' }),
      metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Teams inviting a colleague' }),
      metric({ id: 'team1', role: 'team', parentId: 'in1', name: 'Invites sent' }),
      metric({ id: 'rev', role: 'output', parentId: 'nsm', name: 'Revenue' }),
    ],
    observations: [
      { id: 'o1', metricId: 'nsm', at: '2024-01-01', value: 120, sourceUrl: '', note: '', updatedAt: T },
      {
        id: 'o2',
        metricId: 'nsm',
        at: '2024-01-08',
        value: 130,
        sourceUrl: 'https://app.amplitude.com/chart/abc',
        note: 'after launch',
        updatedAt: T,
      },
    ],
    items: [
      {
        id: 'i1',
        treeId: 't1',
        title: 'Invite from the share dialog',
        links: [{ site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' }],
        inputMetricId: 'in1',
        rice: { reach: 500, impact: 2, confidence: 0.8, effort: 1 },
        status: 'planned',
        notes: '',
        createdAt: T,
        updatedAt: T,
      },
    ],
    reviews: [
      {
        id: 'r1',
        treeId: 't1',
        at: T,
        answers: {
          customerValue: true,
          leadsRevenue: true,
          reflectsStrategy: true,
          understandable: true,
          measurable: true,
          actionable: false,
        },
        note: '',
        updatedAt: T,
      },
    ],
    history: [{ id: 'h1', treeId: 't1', at: T, from: 'Sign-ups', to: 'Weekly active teams', updatedAt: T }],
    ...NO_LOOP_RECORDS,
    settings: {
      activeTreeId: 't1',
      disabledSites: ['trello'],
      customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }],
    },
  };
}

function metric(
  fields: Pick<Workspace['metrics'][number], 'id' | 'role' | 'parentId' | 'name'>,
): Workspace['metrics'][number] {
  return {
    treeId: 't1',
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: 'Growth',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: T,
    ...fields,
  };
}

/** A valid file as JSON.parse would hand it over, for a test to break one field of. */
function file(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toWorkspaceFile(workspace(), new Date(T)))) as Record<string, unknown>;
}

function at(doc: Record<string, unknown>, store: string, index: number): Record<string, unknown> {
  return (doc[store] as Record<string, unknown>[])[index] as Record<string, unknown>;
}

function rejection(raw: unknown): { path: string; message: string } {
  const result = parseWorkspaceFile(raw);
  if (result.ok) throw new Error('expected the file to be rejected');
  return { path: result.path, message: result.message };
}

describe('toWorkspaceFile', () => {
  it('wraps the workspace with the format version, the app name and the export time', () => {
    const out = toWorkspaceFile(workspace(), new Date(T));
    expect(out.formatVersion).toBe(FORMAT_VERSION);
    expect(out.app).toBe('north-star-lens');
    expect(out.exportedAt).toBe(new Date(T).toISOString());
    expect(out.items).toEqual(workspace().items);
  });
});

describe('parseWorkspaceFile accepts', () => {
  it('an export written to JSON and read back, unchanged', () => {
    const result = parseWorkspaceFile(file());
    expect(result).toEqual({ ok: true, workspace: workspace() });
  });

  it('the file as text', () => {
    const result = parseWorkspaceFile(JSON.stringify(file()));
    expect(result).toEqual({ ok: true, workspace: workspace() });
  });

  it('the example in docs/export-format.md', () => {
    const doc = readFileSync(new URL('../../docs/export-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(parseWorkspaceFile(example)).toMatchObject({ ok: true });
  });

  it('an empty workspace', () => {
    const empty = toWorkspaceFile(
      {
        trees: [],
        metrics: [],
        observations: [],
        items: [],
        reviews: [],
        history: [],
        ...NO_LOOP_RECORDS,
        settings: { activeTreeId: null, disabledSites: [], customDomains: [] },
      },
      new Date(T),
    );
    expect(parseWorkspaceFile(empty).ok).toBe(true);
  });
});

describe('parseWorkspaceFile rejects, naming the bad field', () => {
  it.each([
    ['an array', []],
    ['a number', 42],
    ['null', null],
  ])('a document that is %s, not an object', (_kind, raw) => {
    expect(rejection(raw)).toEqual({ path: '', message: expect.stringMatching(/not a North Star Lens export/) });
  });

  it('text that is not JSON, saying where it breaks as an editor counts', () => {
    expect(rejection('{"formatVersion": 1,')).toEqual({
      path: '',
      message: 'the file is not valid JSON: the text breaks at line 1, column 21',
    });
    expect(rejection('{\n  "formatVersion": 1,\n  oops\n}').message).toMatch(/line 3, column 3$/);
    expect(rejection('').message).toBe('the file is not valid JSON');
  });

  it('text longer than the import limit, before parsing it', () => {
    expect(rejection(' '.repeat(MAX_IMPORT_BYTES + 1)).message).toMatch(/larger than 256 MiB/);
  });

  it("another app's JSON", () => {
    const doc = file();
    doc.app = 'other-tool';
    expect(rejection(doc).path).toBe('app');
  });

  it('a missing or wrong format version', () => {
    const doc = file();
    delete doc.formatVersion;
    expect(rejection(doc)).toEqual({ path: 'formatVersion', message: 'must be a format version from 1 to 2' });
    doc.formatVersion = '1';
    expect(rejection(doc).path).toBe('formatVersion');
  });

  it('a file from a newer version, saying so', () => {
    const doc = file();
    doc.formatVersion = 3;
    expect(rejection(doc)).toEqual({
      path: 'formatVersion',
      message: expect.stringContaining('made by a newer version of North Star Lens'),
    });
  });

  it('a record without an id', () => {
    const doc = file();
    delete at(doc, 'items', 0).id;
    expect(rejection(doc)).toEqual({ path: 'items[0].id', message: 'is missing' });
  });

  it('a field of the wrong type', () => {
    const doc = file();
    at(doc, 'metrics', 1).leverage = 'high';
    expect(rejection(doc)).toEqual({ path: 'metrics[1].leverage', message: 'must be number, not "high"' });
  });

  it('a number written as the string "NaN"', () => {
    const doc = file();
    (at(doc, 'items', 0).rice as Record<string, unknown>).effort = 'NaN';
    expect(rejection(doc).path).toBe('items[0].rice.effort');
  });

  it('a number that is not finite', () => {
    const doc = file();
    (at(doc, 'items', 0).rice as Record<string, unknown>).effort = Infinity;
    expect(rejection(doc)).toEqual({ path: 'items[0].rice.effort', message: 'must be a finite number' });
  });

  it('a date that is not YYYY-MM-DD', () => {
    const doc = file();
    at(doc, 'observations', 1).at = '08/01/2024';
    expect(rejection(doc)).toEqual({ path: 'observations[1].at', message: 'must be a date written YYYY-MM-DD' });
  });

  it('a value outside its list', () => {
    const doc = file();
    at(doc, 'items', 0).status = 'done';
    expect(rejection(doc).path).toBe('items[0].status');
  });

  it('an unknown field on a record', () => {
    const doc = file();
    at(doc, 'trees', 0).owner = 'me';
    expect(rejection(doc)).toEqual({ path: 'trees[0].owner', message: 'is not a known field' });
  });

  it('an unknown top-level field', () => {
    const doc = file();
    doc.extra = [];
    expect(rejection(doc).path).toBe('extra');
  });

  it('a __proto__ key as JSON.parse creates it (an own key, not silently dropped)', () => {
    const text = JSON.stringify(file()).replace('"name":"Acme"', '"name":"Acme","__proto__":{"polluted":true}');
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(at(doc, 'trees', 0))).toContain('__proto__');
    expect(rejection(doc)).toEqual({ path: 'trees[0].__proto__', message: 'is not a known field' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a constructor key', () => {
    const doc = JSON.parse(
      JSON.stringify(file()).replace('"activeTreeId"', '"constructor":1,"activeTreeId"'),
    ) as Record<string, unknown>;
    expect(rejection(doc).path).toBe('settings.constructor');
  });

  it('a huge string', () => {
    const doc = file();
    at(doc, 'items', 0).title = 'x'.repeat(1_000_000);
    expect(rejection(doc).path).toBe('items[0].title');
  });

  it('a store with more records than the limit, before checking any of them', () => {
    const doc = file();
    doc.observations = new Array(MAX_RECORDS.observations + 1).fill(null);
    expect(rejection(doc)).toEqual({ path: 'observations', message: expect.stringContaining('at most 500000') });
  });

  it('an item with too many links', () => {
    const doc = file();
    const link = { site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' };
    at(doc, 'items', 0).links = new Array(51).fill(link);
    expect(rejection(doc).path).toBe('items[0].links');
  });

  it('two records of a store with the same id', () => {
    const doc = file();
    at(doc, 'metrics', 2).id = 'in1';
    expect(rejection(doc)).toEqual({ path: 'metrics[2].id', message: 'the same id appears twice' });
  });

  it.each([
    ['metrics', 1, 'treeId', 'a tree'],
    ['metrics', 1, 'parentId', 'a metric'],
    ['items', 0, 'treeId', 'a tree'],
    ['items', 0, 'inputMetricId', 'a metric'],
    ['observations', 0, 'metricId', 'a metric'],
    ['reviews', 0, 'treeId', 'a tree'],
    ['history', 0, 'treeId', 'a tree'],
  ])('a dangling reference: %s[%i].%s', (store, index, field, what) => {
    const doc = file();
    at(doc, store, index)[field] = 'gone';
    expect(rejection(doc)).toEqual({
      path: `${store}[${index}].${field}`,
      message: `points at ${what} that does not exist`,
    });
  });

  it('an active tree that is not in the file', () => {
    const doc = file();
    (doc.settings as Record<string, unknown>).activeTreeId = 'gone';
    expect(rejection(doc).path).toBe('settings.activeTreeId');
  });

  it('an item moving a metric that is not an input or team metric', () => {
    const doc = file();
    at(doc, 'items', 0).inputMetricId = 'rev';
    expect(rejection(doc)).toEqual({
      path: 'items[0].inputMetricId',
      message: expect.stringContaining('not a metric of role "output"'),
    });
  });

  it('references across trees', () => {
    const doc = file();
    (doc.trees as unknown[]).push({ id: 't2', name: 'Other', game: null, createdAt: T, updatedAt: T });
    at(doc, 'items', 0).treeId = 't2';
    expect(rejection(doc)).toEqual({ path: 'items[0].inputMetricId', message: 'the metric belongs to another tree' });
  });

  it('metrics whose parents form a loop', () => {
    const doc = file();
    at(doc, 'metrics', 0).parentId = 'team1';
    expect(rejection(doc)).toEqual({ path: 'metrics[0].parentId', message: 'the metric would be its own ancestor' });
  });
});

describe('findIntegrityProblem', () => {
  it('finds nothing wrong in a consistent workspace', () => {
    expect(findIntegrityProblem(workspace())).toBeNull();
  });

  it('says which store, record and field is wrong', () => {
    const ws = workspace();
    ws.observations[1] = { ...ws.observations[1]!, metricId: 'gone' };
    expect(findIntegrityProblem(ws)).toEqual({
      store: 'observations',
      index: 1,
      field: 'metricId',
      message: 'points at a metric that does not exist',
    });
  });
});
