/**
 * Malformed requests to the background, generated from the request schema itself: for a
 * well-formed message of every type, each field missing, each field holding each hostile
 * value its schema refuses, and unknown (including prototype-pollution) keys, down
 * through nested objects and arrays of objects. A request type added to the protocol is
 * covered as soon as it has a well-formed example in `validRequests`.
 */
import * as v from 'valibot';
import { RequestSchema, type Request, type RequestType } from '../../lib/messaging/requests';

export interface SeedIds {
  tree: string;
  other: string;
  nsm: string;
  input: string;
  team: string;
  otherInput: string;
  item: string;
}

export interface Mutation {
  type: RequestType;
  what: string;
  message: unknown;
  /** The field the refusal must point at (or inside). */
  path: string;
}

/** A well-formed message of every request type, pointing at the seeded records. */
export function validRequests(ids: SeedIds): Record<RequestType, Request> {
  const link = { site: 'jira' as const, key: 'ABC-1' };
  const fullLink = { ...link, url: 'https://acme.atlassian.net/browse/ABC-1' };
  return {
    'snapshot.get': {
      type: 'snapshot.get',
      treeId: ids.tree,
      itemsLimit: 10,
      itemsAfter: { group: 0, score: 12.5, effort: 1, title: 'Instant book', createdAt: 0, id: ids.item },
    },
    'page.context': { type: 'page.context', links: [link], withScores: true },
    'page.open': { type: 'page.open', url: 'https://acme.atlassian.net/browse/ABC-1' },
    'badges.lookup': { type: 'badges.lookup', links: [link] },
    'badges.forHrefs': {
      type: 'badges.forHrefs',
      base: 'https://acme.atlassian.net/jira/boards/1',
      hrefs: ['/browse/ABC-1', '#top'],
    },
    'badges.index': { type: 'badges.index', url: 'https://acme.atlassian.net/jira/software/projects/ABC/boards/1' },
    'metric.bySourceUrl': { type: 'metric.bySourceUrl', url: 'https://app.amplitude.com/chart/abc' },
    'tree.create': { type: 'tree.create', name: 'New', game: 'attention' },
    'tree.update': { type: 'tree.update', id: ids.tree, patch: { name: 'Renamed', game: null } },
    'tree.delete': { type: 'tree.delete', id: ids.other },
    'metric.create': {
      type: 'metric.create',
      treeId: ids.tree,
      role: 'health',
      name: 'Support tickets',
      fields: { unit: 'tickets', leverage: 1, sourceUrls: ['https://app.amplitude.com/chart/x'] },
    },
    'metric.update': {
      type: 'metric.update',
      id: ids.input,
      patch: { name: 'Teams inviting a colleague', leverage: 2, period: 'week', target: 40 },
    },
    'metric.delete': { type: 'metric.delete', id: ids.team },
    'item.create': {
      type: 'item.create',
      treeId: ids.tree,
      title: 'Another',
      links: [{ site: 'jira', key: 'ABC-2', url: 'https://acme.atlassian.net/browse/ABC-2' }],
      inputMetricId: null,
    },
    'item.update': {
      type: 'item.update',
      id: ids.item,
      patch: {
        title: 'T',
        status: 'planned',
        notes: 'n',
        inputMetricId: ids.team,
        rice: { reach: 10, impact: 2, confidence: 0.5, effort: 1 },
        links: [fullLink],
      },
    },
    'item.delete': { type: 'item.delete', id: ids.item },
    'observation.add': {
      type: 'observation.add',
      metricId: ids.nsm,
      at: '2024-03-04',
      value: 12,
      sourceUrl: '',
      note: 'seen',
    },
    'observation.record': {
      type: 'observation.record',
      metricId: ids.nsm,
      at: '2024-03-05',
      value: 13,
      sourceUrl: 'https://app.amplitude.com/analytics/acme/chart/abc',
    },
    'observation.undo': {
      type: 'observation.undo',
      id: 'an-observation',
      metricId: ids.nsm,
      at: '2024-03-05',
      previous: { value: 12, sourceUrl: '', note: 'seen' },
    },
    'observations.list': { type: 'observations.list', metricId: ids.nsm },
    'observations.summaries': {
      type: 'observations.summaries',
      needs: [{ metricId: ids.nsm, periods: ['week', 'month'], valuesFrom: '2024-01-01' }],
    },
    'observations.previewImport': {
      type: 'observations.previewImport',
      metricId: ids.nsm,
      values: [{ at: '2024-03-10', value: 3 }],
    },
    'observations.import': {
      type: 'observations.import',
      metricId: ids.nsm,
      values: [{ at: '2024-03-10', value: 3 }],
      remember: { key: 'table:Users', mapping: { series: 'Users', metricId: ids.nsm, method: 'sum' } },
    },
    'observations.importStaged': {
      type: 'observations.importStaged',
      staged: 'a-staged-import',
      remember: { key: 'table:Users', mapping: { series: 'Users', metricId: ids.nsm, method: 'sum' } },
    },
    'items.previewImport': {
      type: 'items.previewImport',
      treeId: ids.tree,
      rows: [{ link: fullLink, title: 'T', status: 'idea', inputMetricId: null, rice: { effort: 1 } }],
      overwrite: false,
    },
    'items.import': {
      type: 'items.import',
      treeId: ids.tree,
      rows: [{ link: fullLink, title: 'T', status: 'planned', inputMetricId: ids.input, rice: { reach: 5 } }],
      overwrite: true,
      remember: {
        source: 'jira',
        mapping: { site: 'https://acme.atlassian.net', labels: { growth: ids.input }, rice: {}, pointsPerMonth: 8 },
      },
    },
    'items.importStaged': {
      type: 'items.importStaged',
      staged: 'a-staged-import',
      remember: {
        source: 'jira',
        mapping: { site: 'https://acme.atlassian.net', labels: { growth: ids.input }, rice: {}, pointsPerMonth: 8 },
      },
    },
    'workspace.filePart': { type: 'workspace.filePart', upload: 'an-upload', index: 0, count: 1, text: '{}' },
    'workspace.previewFile': { type: 'workspace.previewFile', upload: 'an-upload' },
    'workspace.importFile': { type: 'workspace.importFile', upload: 'an-upload', mode: 'merge' },
    'workspace.exportPart': { type: 'workspace.exportPart', export: 'an-export', index: 1 },
    'review.add': {
      type: 'review.add',
      treeId: ids.tree,
      answers: {
        customerValue: true,
        leadsRevenue: true,
        reflectsStrategy: true,
        understandable: true,
        measurable: false,
        actionable: true,
      },
      note: '',
    },
    'settings.update': {
      type: 'settings.update',
      patch: {
        activeTreeId: ids.tree,
        disabledSites: ['trello'],
        customDomains: [{ origin: 'https://jira.acme.com/*', site: 'jira' }],
      },
    },
    'loop.get': { type: 'loop.get', treeId: ids.tree },
    'worksheet.save': {
      type: 'worksheet.save',
      treeId: ids.tree,
      valueEvents: [
        {
          id: 've1',
          text: 'A team ships a board',
          ratings: { frequency: 4, measurability: null, growthCorrelation: 5 },
        },
      ],
      candidates: [
        {
          id: 'c1',
          name: 'Weekly active boards',
          definition: 'Boards edited by 3 or more people in a week',
          unit: 'boards',
          period: 'week',
          category: 'engagement',
          valueEventIds: ['ve1'],
          teams: ['Growth'],
          scores: {
            customerValue: 5,
            leadsGrowth: 4,
            reflectsStrategy: 3,
            expressesValue: null,
            representsStrategy: null,
            leadingIndicator: null,
            actionable: 2,
            understandable: null,
            measurable: 1,
          },
        },
      ],
    },
    'worksheet.choose': { type: 'worksheet.choose', treeId: ids.tree, candidateId: 'c1' },
    'keyResult.create': {
      type: 'keyResult.create',
      treeId: ids.tree,
      quarter: '2025-Q1',
      metricId: ids.input,
      team: 'Growth',
      baseline: 22,
      target: 35,
      due: '2025-03-31',
    },
    'keyResult.update': { type: 'keyResult.update', id: 'kr-1', patch: { target: 40, due: '2025-03-28' } },
    'keyResult.delete': { type: 'keyResult.delete', id: 'kr-1' },
    'thresholds.set': { type: 'thresholds.set', metricId: ids.input, rule: { direction: 'down', amberWithin: 0.2 } },
    'shipment.set': { type: 'shipment.set', itemId: ids.item, at: '2025-02-03' },
    'reviewNote.set': {
      type: 'reviewNote.set',
      treeId: ids.tree,
      week: '2025-W06',
      date: '2025-02-03',
      text: 'Conversion dipped.',
    },
    'experiment.create': {
      type: 'experiment.create',
      treeId: ids.tree,
      title: 'Invite prompt',
      inputMetricId: ids.input,
      startedAt: '2025-01-06',
      hypothesis: 'An invite prompt raises invites',
      fields: { itemId: ids.item, note: 'n' },
    },
    'experiment.update': {
      type: 'experiment.update',
      id: 'exp-1',
      patch: { endedAt: '2025-01-27', movedInput: 'yes', movedNsm: 'unclear' },
    },
    'experiment.delete': { type: 'experiment.delete', id: 'exp-1' },
    'workspace.export': { type: 'workspace.export' },
    'workspace.previewImport': { type: 'workspace.previewImport', document: {}, mode: 'merge' },
    'workspace.import': { type: 'workspace.import', document: {}, mode: 'replace' },
    'workspace.clear': { type: 'workspace.clear' },
    'dashboard.open': { type: 'dashboard.open' },
    'panel.load': { type: 'panel.load' },
    'sites.settings': { type: 'sites.settings' },
    'share.start': {
      type: 'share.start',
      treeId: ids.tree,
      url: 'https://cloud.example.com/remote.php/dav/files/ana/acme.json',
      credentials: { kind: 'password', user: 'ana', password: 'app-password' },
      displayName: 'Ana',
    },
    'share.join': {
      type: 'share.join',
      url: 'https://cloud.example.com/remote.php/dav/files/ana/acme.json',
      credentials: { kind: 'token', token: 'abc123' },
      displayName: 'Ben',
      mode: 'reader',
    },
    'share.leave': { type: 'share.leave', treeId: ids.tree },
    'share.syncNow': { type: 'share.syncNow', treeId: ids.tree },
    'share.setDisplayName': { type: 'share.setDisplayName', name: 'Ana P.' },
    'share.status': { type: 'share.status' },
    'share.marks': { type: 'share.marks', treeId: ids.tree },
    'share.itemMarks': { type: 'share.itemMarks', treeId: ids.tree, itemId: ids.item },
  };
}

/** Values that arrive where they should not: every one is wrong for some field. */
const HOSTILE_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  2 ** 53 + 2,
  '',
  ' ',
  'x',
  'x'.repeat(201),
  'x'.repeat(501),
  'x'.repeat(10_001),
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'https://ok.example/',
  '2024-13-45',
  '2024-03-04',
  true,
  false,
  {},
  [],
  [null],
  ['x'],
  [{}],
  new Date(0),
  new Map([['a', 1]]),
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
  Array.from({ length: 5_001 }, () => ({ site: 'jira', key: 'A-1' })),
];

const EXTRA_KEYS = ['owner', 'isAdmin', '__proto__', 'constructor', 'prototype'];

type AnySchema = v.GenericSchema & {
  type: string;
  entries?: Record<string, AnySchema>;
  wrapped?: AnySchema;
  item?: AnySchema;
};

export function requestTypes(): RequestType[] {
  return options().map((o) => (o.entries!.type as unknown as { literal: RequestType }).literal);
}

/**
 * Every malformed variant of every message. `arrives` turns a value into what the
 * background would receive after the browser carried it (a JSON round trip in Chrome):
 * a variant is kept only when what arrives is still wrong, so none of them is a valid
 * request in disguise.
 */
export function malformedMessages(
  valid: Record<RequestType, Request>,
  arrives: (value: unknown) => unknown = structuredClone,
): Mutation[] {
  return requestTypes().flatMap((type) => {
    const message = valid[type] as unknown as Record<string, unknown>;
    return mutationsOf(type, schemaOf(type), message, message, [], arrives);
  });
}

/** `links[0].site` is within `links`; `linksX` is not. */
export function within(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 30 ? `string(${value.length})` : JSON.stringify(value);
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value instanceof Map) return 'Map';
  if (value instanceof Date) return 'Date';
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function options(): AnySchema[] {
  return RequestSchema.options as unknown as AnySchema[];
}

function schemaOf(type: RequestType): AnySchema {
  const option = options().find((o) => (o.entries!.type as unknown as { literal: string }).literal === type);
  if (!option) throw new Error(`no schema for ${type}`);
  return option;
}

function unwrap(schema: AnySchema): AnySchema {
  return schema.type === 'optional' || schema.type === 'nullable' ? unwrap(schema.wrapped!) : schema;
}

function mutationsOf(
  type: RequestType,
  schema: AnySchema,
  sample: Record<string, unknown>,
  message: unknown,
  at: (string | number)[],
  arrives: (value: unknown) => unknown,
): Mutation[] {
  const out: Mutation[] = [];
  for (const [key, fieldSchema] of Object.entries(schema.entries ?? {})) {
    const steps = [...at, key];
    const path = pathText(steps);
    if (key === 'type' && at.length === 0) continue;
    if (fieldSchema.type !== 'optional' && key in sample) {
      out.push({ type, what: `missing ${path}`, message: setAt(message, steps, undefined, true), path });
    }
    for (const value of HOSTILE_VALUES) {
      const arrived = arrives(value);
      if (v.is(fieldSchema, arrived)) continue;
      out.push({ type, what: `${path} = ${shown(value)}`, message: setAt(message, steps, arrived), path });
    }
    const inner = unwrap(fieldSchema);
    const current = sample[key];
    if (inner.type === 'strict_object' && isPlainObject(current))
      out.push(...mutationsOf(type, inner, current, message, steps, arrives));
    if (inner.type === 'array' && Array.isArray(current) && isPlainObject(current[0]) && inner.item) {
      out.push(...mutationsOf(type, unwrap(inner.item), current[0], message, [...steps, 0], arrives));
    }
  }
  for (const extra of EXTRA_KEYS) {
    const withExtra = structuredClone(message) as Record<string | number, unknown>;
    let target = withExtra;
    for (const step of at) target = target[step] as Record<string | number, unknown>;
    // Defined, not assigned: `__proto__` must be an own key, as JSON.parse makes it.
    Object.defineProperty(target, extra, {
      value: { admin: true },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    out.push({ type, what: `extra ${pathText([...at, extra])}`, message: withExtra, path: pathText([...at, extra]) });
  }
  return out;
}

function setAt(root: unknown, steps: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let target = copy;
  for (const step of steps.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  const last = steps[steps.length - 1]!;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

function pathText(steps: (string | number)[]): string {
  return steps.reduce<string>(
    (out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${step}` : step),
    '',
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
