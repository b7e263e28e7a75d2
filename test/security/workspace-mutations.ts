/**
 * Broken workspace files, made by mutating a good one. Every mutation here is invalid by
 * construction (a wrong type, a missing or unknown field, a dangling or duplicate id, an
 * impossible number, a prototype-pollution key, broken JSON...), so the importer must
 * refuse every single case; the fuzz test draws from them with a seeded generator.
 */
import type { Random } from './random';

export type Doc = Record<string, unknown>;

export interface BrokenFile {
  /** Which mutations made it, e.g. `wrong type: metrics[3].leverage`. */
  what: string;
  kind: MutationKind;
  /** The parsed JSON value, or the file's text when the mutation breaks the text itself. */
  document: unknown;
}

export const MUTATION_KINDS = [
  'wrong type',
  'missing field',
  'unknown field',
  'prototype key',
  'dangling reference',
  'duplicate id',
  'non-finite number',
  'out-of-range number',
  'oversized text',
  'unsafe url',
  'bad header',
  'bad structure',
  'broken reference graph',
  'merge conflict',
  'broken text',
  'several at once',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

const T = 1_700_000_000_000;

type FieldKind =
  | 'id'
  | 'nullableId'
  | 'name'
  | 'text'
  | 'timestamp'
  | 'number'
  | 'nullableNumber'
  | 'enum'
  | 'nullableEnum'
  | 'date'
  | 'url'
  | 'optionalUrl'
  | 'urls'
  | 'links'
  | 'rice'
  | 'answers';

const FIELDS: Record<string, Record<string, FieldKind>> = {
  trees: { id: 'id', name: 'name', game: 'nullableEnum', createdAt: 'timestamp', updatedAt: 'timestamp' },
  metrics: {
    id: 'id',
    treeId: 'id',
    role: 'enum',
    parentId: 'nullableId',
    name: 'name',
    definition: 'text',
    unit: 'name',
    period: 'nullableEnum',
    category: 'nullableEnum',
    ownerTeam: 'name',
    leverage: 'number',
    sourceUrls: 'urls',
    target: 'nullableNumber',
    updatedAt: 'timestamp',
  },
  observations: {
    id: 'id',
    metricId: 'id',
    at: 'date',
    value: 'number',
    sourceUrl: 'optionalUrl',
    note: 'text',
    updatedAt: 'timestamp',
  },
  items: {
    id: 'id',
    treeId: 'id',
    title: 'name',
    links: 'links',
    inputMetricId: 'nullableId',
    rice: 'rice',
    status: 'enum',
    notes: 'text',
    createdAt: 'timestamp',
    updatedAt: 'timestamp',
  },
  reviews: { id: 'id', treeId: 'id', at: 'timestamp', answers: 'answers', note: 'text', updatedAt: 'timestamp' },
  history: { id: 'id', treeId: 'id', at: 'timestamp', from: 'name', to: 'name', updatedAt: 'timestamp' },
};

const STORES = Object.keys(FIELDS);

/** References that must point at an existing record, and what they point at. */
const REFERENCES: [store: string, field: string][] = [
  ['metrics', 'treeId'],
  ['metrics', 'parentId'],
  ['observations', 'metricId'],
  ['items', 'treeId'],
  ['items', 'inputMetricId'],
  ['reviews', 'treeId'],
  ['history', 'treeId'],
];

/** Values each kind of field can never hold. `null` only where the field is not nullable. */
const WRONG_VALUES: Record<FieldKind, readonly unknown[]> = {
  id: ['', 'x'.repeat(201), 42, null, true, {}, [], ['t1']],
  nullableId: ['', 'x'.repeat(201), 42, false, {}, []],
  name: [42, null, true, {}, [], 'n'.repeat(501)],
  text: [42, null, false, { text: 'x' }, ['x'], 't'.repeat(10_001)],
  timestamp: ['1700000000000', -1, 1.5, 8.64e15 + 1, 1e300, null, true, {}, [], '2024-01-01T00:00:00Z'],
  number: ['12', null, true, {}, [], '1e3'],
  nullableNumber: ['12', true, {}, [], 'null'],
  enum: ['', 'CEO', 'done', 5, null, true, {}, ['nsm']],
  nullableEnum: ['', 'sometimes', 5, true, {}, ['week']],
  date: ['2024-13-01', '2024-1-1', '01/02/2024', '2024-01-01T00:00:00Z', '', 20240101, null, {}],
  url: [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://files.example.com/x',
    'not a url',
    '/relative/path',
    `https://a.example/${'p'.repeat(4100)}`,
    7,
    null,
  ],
  optionalUrl: ['javascript:alert(1)', 'vbscript:msgbox', 'file:///etc/passwd', ' ', 7, null],
  urls: [
    'https://app.amplitude.com/chart/abc',
    [7],
    ['javascript:alert(1)'],
    [null],
    {},
    null,
    Array.from({ length: 101 }, (_, i) => `https://a.example/${i}`),
  ],
  links: [
    {},
    null,
    'jira:ABC-1',
    [{ site: 'jira', key: 'A-1' }],
    [{ site: 'myspace', key: 'A-1', url: 'https://a.example/' }],
    [{ site: 'jira', key: '', url: 'https://a.example/' }],
    [{ site: 'jira', key: 'A-1', url: 'javascript:void 0' }],
  ],
  rice: [
    null,
    [],
    'big',
    { reach: 1 },
    { reach: '1', impact: 1, confidence: 1, effort: 1 },
    { reach: 1, impact: 1, confidence: 1, effort: 1, extra: 1 },
  ],
  answers: [
    null,
    [],
    true,
    { customerValue: true },
    {
      customerValue: 'yes',
      leadsRevenue: true,
      reflectsStrategy: true,
      understandable: true,
      measurable: true,
      actionable: true,
    },
  ],
};

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty'];

/**
 * A consistent workspace file with two trees, every role of metric, and records in every
 * store; cross-tree and wrong-role references are one field away.
 */
export function baseFile(): Doc {
  const metric = (id: string, treeId: string, role: string, parentId: string | null, name: string) => ({
    id,
    treeId,
    role,
    parentId,
    name,
    definition: '',
    unit: 'teams',
    period: 'week',
    category: role === 'nsm' ? 'engagement' : null,
    ownerTeam: 'Growth',
    leverage: 1,
    sourceUrls: role === 'nsm' ? ['https://app.amplitude.com/chart/abc'] : [],
    target: null,
    updatedAt: T,
  });
  const item = (id: string, treeId: string, inputMetricId: string | null, key: string) => ({
    id,
    treeId,
    title: `Item ${id}`,
    links: [{ site: 'jira', key, url: `https://acme.atlassian.net/browse/${key}` }],
    inputMetricId,
    rice: { reach: 100, impact: 1, confidence: 0.8, effort: 2 },
    status: 'planned',
    notes: '',
    createdAt: T,
    updatedAt: T,
  });
  const answers = {
    customerValue: true,
    leadsRevenue: true,
    reflectsStrategy: false,
    understandable: true,
    measurable: true,
    actionable: true,
  };
  return {
    formatVersion: 1,
    exportedAt: '2024-05-01T09:30:00.000Z',
    app: 'north-star-lens',
    trees: [
      { id: 'f-t1', name: 'Acme', game: 'productivity', createdAt: T, updatedAt: T },
      { id: 'f-t2', name: 'Labs', game: null, createdAt: T, updatedAt: T },
    ],
    metrics: [
      metric('f-nsm', 'f-t1', 'nsm', null, 'Weekly active teams'),
      metric('f-in1', 'f-t1', 'input', 'f-nsm', 'Teams inviting a colleague'),
      metric('f-team1', 'f-t1', 'team', 'f-in1', 'Invites sent'),
      metric('f-out1', 'f-t1', 'output', 'f-nsm', 'Revenue'),
      metric('f-nsm2', 'f-t2', 'nsm', null, 'Experiments shipped'),
      metric('f-in2', 'f-t2', 'input', 'f-nsm2', 'Ideas tested'),
    ],
    observations: [
      { id: 'f-o1', metricId: 'f-nsm', at: '2024-01-01', value: 120, sourceUrl: '', note: '', updatedAt: T },
      {
        id: 'f-o2',
        metricId: 'f-nsm',
        at: '2024-01-08',
        value: 130.5,
        sourceUrl: 'https://app.amplitude.com/chart/abc',
        note: 'launch',
        updatedAt: T,
      },
      { id: 'f-o3', metricId: 'f-in2', at: '2024-01-08', value: 4, sourceUrl: '', note: '', updatedAt: T },
    ],
    items: [
      item('f-i1', 'f-t1', 'f-in1', 'ABC-1'),
      item('f-i2', 'f-t1', 'f-team1', 'ABC-2'),
      item('f-i3', 'f-t2', 'f-in2', 'LAB-1'),
      item('f-i4', 'f-t1', null, 'ABC-3'),
    ],
    reviews: [{ id: 'f-r1', treeId: 'f-t1', at: T, answers, note: '', updatedAt: T }],
    history: [{ id: 'f-h1', treeId: 'f-t1', at: T, from: 'Sign-ups', to: 'Weekly active teams', updatedAt: T }],
    settings: {
      activeTreeId: 'f-t1',
      disabledSites: ['trello'],
      customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }],
    },
  };
}

/**
 * Mutations that only break a file in the context of what is stored: each redefines a
 * record of `storedWorkspaceIds` so that stored records would point at something wrong.
 * On their own (replace) they break too, since they point at records the file lacks.
 */
export interface StoredIds {
  treeId: string;
  inputId: string;
  nsmId: string;
  teamId: string;
}

const records = (doc: Doc, store: string) => doc[store] as Doc[];

function pickRecord(rng: Random, doc: Doc, store = rng.pick(STORES)): { store: string; index: number; record: Doc } {
  const list = records(doc, store);
  const index = rng.int(list.length);
  return { store, index, record: list[index] as Doc };
}

function pickField(rng: Random, store: string): [string, FieldKind] {
  return rng.pick(Object.entries(FIELDS[store]!));
}

/** Defines a key as an own property, as JSON.parse does, even for `__proto__`. */
function defineOwn(target: Doc, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function wrongType(rng: Random, doc: Doc): string {
  const { store, index, record } = pickRecord(rng, doc);
  const [field, kind] = pickField(rng, store);
  record[field] = structuredClone(rng.pick(WRONG_VALUES[kind]));
  return `${store}[${index}].${field}`;
}

function missingField(rng: Random, doc: Doc): string {
  if (rng.chance(0.15)) {
    const key = rng.pick(['formatVersion', 'exportedAt', 'app', ...STORES, 'settings']);
    delete doc[key];
    return key;
  }
  const { store, index, record } = pickRecord(rng, doc);
  const field = rng.chance(0.4) ? 'id' : pickField(rng, store)[0];
  delete record[field];
  return `${store}[${index}].${field}`;
}

function unknownField(rng: Random, doc: Doc): string {
  const key = rng.pick(['owner', 'isAdmin', 'score', 'deleted', 'version', '', ' id', 'ID']);
  if (rng.chance(0.2)) {
    doc[key] = true;
    return key;
  }
  if (rng.chance(0.15)) {
    (doc.settings as Doc)[key] = 'x';
    return `settings.${key}`;
  }
  const { store, index, record } = pickRecord(rng, doc);
  record[key] = rng.pick([1, 'x', null, {}]);
  return `${store}[${index}].${key}`;
}

function prototypeKey(rng: Random, doc: Doc): string {
  const key = rng.pick(PROTOTYPE_KEYS);
  const payload = { polluted: 'yes', isAdmin: true, toString: 'pwned' };
  const where = rng.int(5);
  if (where === 0) {
    defineOwn(doc, key, payload);
    return key;
  }
  if (where === 1) {
    defineOwn(doc.settings as Doc, key, payload);
    return `settings.${key}`;
  }
  const { store, index, record } = pickRecord(rng, doc, where === 2 ? 'items' : undefined);
  const target =
    where === 2 ? (record.rice as Doc) : where === 3 && store === 'reviews' ? (record.answers as Doc) : record;
  defineOwn(target, key, payload);
  return `${store}[${index}]…${key}`;
}

function danglingReference(rng: Random, doc: Doc): string {
  if (rng.chance(0.1)) {
    (doc.settings as Doc).activeTreeId = 'ghost-tree';
    return 'settings.activeTreeId';
  }
  const [store, field] = rng.pick(REFERENCES);
  const { index, record } = pickRecord(rng, doc, store);
  record[field] = `ghost-${rng.int(1_000_000)}`;
  return `${store}[${index}].${field}`;
}

function duplicateId(rng: Random, doc: Doc): string {
  const store = rng.pick(STORES);
  const list = records(doc, store);
  const source = list[rng.int(list.length)] as Doc;
  if (list.length > 1 && rng.chance(0.5)) {
    const targetIndex = (list.indexOf(source) + 1 + rng.int(list.length - 1)) % list.length;
    (list[targetIndex] as Doc).id = source.id;
    return `${store}[${targetIndex}].id`;
  }
  list.push(structuredClone(source));
  return `${store}[${list.length - 1}].id (a copy)`;
}

const NUMBER_FIELDS: [string, string][] = [
  ['trees', 'createdAt'],
  ['trees', 'updatedAt'],
  ['metrics', 'leverage'],
  ['metrics', 'target'],
  ['metrics', 'updatedAt'],
  ['observations', 'value'],
  ['items', 'createdAt'],
  ['reviews', 'at'],
  ['history', 'at'],
];

function nonFinite(rng: Random, doc: Doc): string {
  const value = rng.pick(NON_FINITE);
  if (rng.chance(0.35)) {
    const { index, record } = pickRecord(rng, doc, 'items');
    const field = rng.pick(['reach', 'impact', 'confidence', 'effort']);
    (record.rice as Doc)[field] = value;
    return `items[${index}].rice.${field} = ${value}`;
  }
  const [store, field] = rng.pick(NUMBER_FIELDS);
  const { index, record } = pickRecord(rng, doc, store);
  record[field] = value;
  return `${store}[${index}].${field} = ${value}`;
}

function outOfRange(rng: Random, doc: Doc): string {
  const choice = rng.int(6);
  if (choice === 0) {
    const { index, record } = pickRecord(rng, doc, 'metrics');
    record.leverage = rng.pick([-1, -0.0001, 100.5, 1e9, Number.MAX_VALUE]);
    return `metrics[${index}].leverage`;
  }
  if (choice === 1) {
    const { store, index, record } = pickRecord(rng, doc, rng.pick(['trees', 'items']));
    record.createdAt = rng.pick([-1, 8.64e15 + 1, 1e21, Number.MAX_SAFE_INTEGER * 4, 0.5]);
    return `${store}[${index}].createdAt`;
  }
  if (choice === 2) {
    const { store, index, record } = pickRecord(rng, doc, rng.pick(['reviews', 'history']));
    record.at = rng.pick([-5, 1e300, 2 ** 60]);
    return `${store}[${index}].at`;
  }
  if (choice === 3) {
    const store = rng.pick(['trees', 'reviews', 'history'] as const);
    const limit = store === 'trees' ? 1_000 : 10_000;
    const template = records(doc, store)[0] as Doc;
    doc[store] = Array.from({ length: limit + 1 }, (_, i) => ({ ...template, id: `bulk-${i}` }));
    return `${store} (${limit + 1} records)`;
  }
  if (choice === 4) {
    const { index, record } = pickRecord(rng, doc, 'items');
    record.links = Array.from({ length: 51 }, (_, i) => ({
      site: 'jira',
      key: `X-${i}`,
      url: `https://acme.atlassian.net/browse/X-${i}`,
    }));
    return `items[${index}].links (51)`;
  }
  (doc.settings as Doc).customDomains = Array.from({ length: 101 }, (_, i) => ({
    origin: `https://h${i}.example/*`,
    site: 'jira',
  }));
  return 'settings.customDomains (101)';
}

function oversizedText(rng: Random, doc: Doc): string {
  const huge = rng.pick(['a', 'ٴ', '🙂', '<img src=x onerror=alert(1)>']).repeat(rng.pick([10_001, 20_000, 100_000]));
  const [store, field] = rng.pick([
    ['trees', 'name'],
    ['metrics', 'name'],
    ['metrics', 'definition'],
    ['items', 'title'],
    ['items', 'notes'],
    ['observations', 'note'],
    ['reviews', 'note'],
    ['history', 'to'],
  ] as const);
  const { index, record } = pickRecord(rng, doc, store);
  record[field] = huge;
  return `${store}[${index}].${field}`;
}

function unsafeUrl(rng: Random, doc: Doc): string {
  const url = rng.pick([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:x',
    'file:///etc/passwd',
    'chrome-extension://abc/dashboard.html',
    'about:blank',
    '//evil.example/x',
    ' javascript:alert(1)',
  ]);
  const where = rng.int(3);
  if (where === 0) {
    const { index, record } = pickRecord(rng, doc, 'items');
    (record.links as Doc[])[0]!.url = url;
    return `items[${index}].links[0].url`;
  }
  if (where === 1) {
    const { index, record } = pickRecord(rng, doc, 'metrics');
    record.sourceUrls = [url];
    return `metrics[${index}].sourceUrls[0]`;
  }
  const { index, record } = pickRecord(rng, doc, 'observations');
  record.sourceUrl = url;
  return `observations[${index}].sourceUrl`;
}

function badHeader(rng: Random, doc: Doc): string {
  const field = rng.pick(['formatVersion', 'app', 'exportedAt']);
  const values: Record<string, unknown[]> = {
    formatVersion: [0, 2, 99, -1, 1.5, '1', null, true, [1], Number.NaN],
    app: ['North Star Lens', 'north-star-lens ', 'other-app', '', null, 1],
    exportedAt: ['yesterday', '', 1714555800000, null, '2024-13-01T00:00:00Z', 'x'.repeat(200)],
  };
  doc[field] = rng.pick(values[field]!);
  return field;
}

function badStructure(rng: Random, doc: Doc): string {
  const choice = rng.int(4);
  if (choice === 0) {
    const store = rng.pick(STORES);
    doc[store] = rng.pick([{}, 'none', null, 0, { 0: records(doc, store)[0] }]);
    return store;
  }
  if (choice === 1) {
    const store = rng.pick(STORES);
    const list = records(doc, store) as unknown[];
    const index = rng.int(list.length);
    list[index] = rng.pick<unknown>([null, 'record', 7, [], [list[index]], true]);
    return `${store}[${index}]`;
  }
  if (choice === 2) {
    doc.settings = rng.pick([
      null,
      [],
      'defaults',
      { activeTreeId: 'f-t1' },
      { activeTreeId: 'f-t1', disabledSites: ['gitlab'], customDomains: [] },
      { activeTreeId: 'f-t1', disabledSites: [], customDomains: [{ origin: 'x'.repeat(301), site: 'jira' }] },
    ]);
    return 'settings';
  }
  let deep: unknown = 'bottom';
  for (let i = 0; i < 5_000; i++) deep = [deep];
  const { store, index, record } = pickRecord(rng, doc);
  record[pickField(rng, store)[0]] = deep;
  return `${store}[${index}] (nested 5,000 deep)`;
}

/** Loops, cross-tree links and wrong roles: each record alone is well formed. */
function brokenGraph(rng: Random, doc: Doc): string {
  const metrics = records(doc, 'metrics');
  const byId = (id: string) => metrics.find((m) => m.id === id) as Doc;
  const items = records(doc, 'items');
  const choice = rng.int(6);
  if (choice === 0) {
    byId('f-nsm').parentId = 'f-team1';
    return 'metric loop nsm → team1 → in1 → nsm';
  }
  if (choice === 1) {
    byId('f-in1').parentId = 'f-in1';
    return 'metric is its own parent';
  }
  if (choice === 2) {
    byId('f-team1').parentId = 'f-nsm2';
    return 'parent in another tree';
  }
  if (choice === 3) {
    (items[0] as Doc).inputMetricId = 'f-in2';
    return 'item moves a metric of another tree';
  }
  if (choice === 4) {
    (items[rng.int(2)] as Doc).inputMetricId = rng.pick(['f-nsm', 'f-out1']);
    return 'item moves an NSM or output metric';
  }
  byId('f-in2').treeId = 'f-t1';
  return 'input metric moved under another tree than its parent';
}

/**
 * A file that is fine on its own terms except that it redefines a record stored here so
 * that stored records would break; replace also refuses it, since it points outside itself.
 */
export function mergeConflict(rng: Random, stored: StoredIds): BrokenFile {
  const doc = baseFile();
  const metric = structuredClone(records(doc, 'metrics')[1] as Doc);
  const choice = rng.int(3);
  let what: string;
  if (choice === 0) {
    Object.assign(metric, {
      id: stored.inputId,
      treeId: stored.treeId,
      role: rng.pick(['output', 'health']),
      parentId: stored.nsmId,
    });
    what = 'stored input metric redefined as an output or health metric';
  } else if (choice === 1) {
    Object.assign(metric, { id: stored.nsmId, treeId: stored.treeId, role: 'nsm', parentId: stored.teamId });
    what = 'stored NSM given a parent under itself';
  } else {
    Object.assign(metric, { id: stored.teamId, treeId: 'f-t2', role: 'team', parentId: stored.inputId });
    what = 'stored team metric moved into another tree';
  }
  records(doc, 'metrics').push(metric);
  return { what, kind: 'merge conflict', document: doc };
}

function brokenText(rng: Random): BrokenFile {
  const text = JSON.stringify(baseFile());
  const choice = rng.int(6);
  if (choice === 0) {
    const at = rng.int(text.length - 1);
    return { what: `cut at ${at}`, kind: 'broken text', document: text.slice(0, at) };
  }
  if (choice === 1) {
    const at = rng.pick(structuralPositions(text));
    return {
      what: `structural character ${at} replaced`,
      kind: 'broken text',
      document: `${text.slice(0, at)}§${text.slice(at + 1)}`,
    };
  }
  if (choice === 2) {
    return {
      what: 'trailing garbage',
      kind: 'broken text',
      document: `${text}${rng.pick(['}', ',', 'x', '{"a":1}', '\u0000'])}`,
    };
  }
  if (choice === 3) {
    return {
      what: 'JavaScript, not JSON',
      kind: 'broken text',
      document: text.replace(
        '"value":120',
        rng.pick(['"value":NaN', '"value":Infinity', '"value":0x10', '"value":undefined', "'value':120"]),
      ),
    };
  }
  if (choice === 4) {
    return {
      what: 'not a workspace',
      kind: 'broken text',
      document: rng.pick([
        '',
        ' ',
        'null',
        '[]',
        '42',
        '"north-star-lens"',
        'true',
        '<html></html>',
        '{}',
        '[{"formatVersion":1}]',
      ]),
    };
  }
  const bytes = Array.from({ length: 1 + rng.int(200) }, () => String.fromCharCode(rng.int(0xd800)));
  return { what: 'random characters', kind: 'broken text', document: `{${bytes.join('')}` };
}

/** Where the JSON text has a brace, bracket, colon or comma outside any string. */
function structuralPositions(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('{}[]:,'.includes(c!)) out.push(i);
  }
  return out;
}

const OBJECT_MUTATIONS: [
  Exclude<MutationKind, 'merge conflict' | 'broken text' | 'several at once'>,
  (rng: Random, doc: Doc) => string,
][] = [
  ['wrong type', wrongType],
  ['missing field', missingField],
  ['unknown field', unknownField],
  ['prototype key', prototypeKey],
  ['dangling reference', danglingReference],
  ['duplicate id', duplicateId],
  ['non-finite number', nonFinite],
  ['out-of-range number', outOfRange],
  ['oversized text', oversizedText],
  ['unsafe url', unsafeUrl],
  ['bad header', badHeader],
  ['bad structure', badStructure],
  ['broken reference graph', brokenGraph],
];

/** One broken file, drawn from every kind of mutation in turn, then at random. */
export function brokenFile(rng: Random, caseNumber: number, stored: StoredIds): BrokenFile {
  const slot = caseNumber % (OBJECT_MUTATIONS.length + 3);
  if (slot === OBJECT_MUTATIONS.length) return mergeConflict(rng, stored);
  if (slot === OBJECT_MUTATIONS.length + 1) return brokenText(rng);
  const doc = baseFile();
  if (slot === OBJECT_MUTATIONS.length + 2) {
    const count = 2 + rng.int(3);
    const whats: string[] = [];
    for (let i = 0; i < count; i++) {
      const [kind, mutate] = rng.pick(OBJECT_MUTATIONS);
      try {
        whats.push(`${kind}: ${mutate(rng, doc)}`);
      } catch {
        // An earlier mutation already broke the part this one edits; the file stays broken.
        if (i === 0) throw new Error('the first mutation of a file cannot fail');
      }
    }
    return { what: whats.join(' + '), kind: 'several at once', document: doc };
  }
  const [kind, mutate] = OBJECT_MUTATIONS[slot]!;
  return { what: `${kind}: ${mutate(rng, doc)}`, kind, document: doc };
}
