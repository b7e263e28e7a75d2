import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelChoices, mapTrackerRows, pointsRateProblem, statusChoices } from '../../../lib/domain/import/item-rows';
import { parseJiraCsv } from '../../../lib/domain/import/jira-csv';
import type { Metric } from '../../../lib/domain/types';

const jira = parseJiraCsv(
  readFileSync(join(__dirname, '../../fixtures/import/jira-issues.csv'), 'utf8'),
  'https://acme.atlassian.net',
);

function metric(id: string, name: string, role: Metric['role'] = 'input'): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId: null,
    name,
    definition: '',
    unit: '',
    period: 'week',
    category: null,
    ownerTeam: '',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
  };
}

describe('labelChoices', () => {
  it('defaults each label to the metric of that name, and keeps a remembered choice over the default', () => {
    const metrics = [metric('wat', 'Weekly active teams'), metric('act', 'Activated teams'), metric('n', 'NSM', 'nsm')];
    const found = labelChoices(jira, metrics, undefined);
    expect(found.find((l) => l.label === 'weekly-active-teams')?.metricId).toBe('wat');
    expect(found.find((l) => l.label === 'nsm:activated teams')?.metricId).toBe('act');
    expect(found.find((l) => l.label === 'search')?.metricId).toBeNull();
    const kept = labelChoices(jira, metrics, {
      site: '',
      labels: { 'weekly-active-teams': null, search: 'act' },
      rice: {},
      pointsPerMonth: null,
    });
    expect(kept.find((l) => l.label === 'weekly-active-teams')?.metricId).toBeNull();
    expect(kept.find((l) => l.label === 'search')?.metricId).toBe('act');
  });
});

describe('mapTrackerRows', () => {
  it('maps labels and RICE columns, converts story points, and lists what it skipped by line', () => {
    const mapped = mapTrackerRows(jira, {
      site: 'https://acme.atlassian.net',
      labels: { 'weekly-active-teams': 'wat', search: 'wat' },
      rice: { reach: 'Reach', effort: 'Story Points' },
      pointsPerMonth: 5,
    });
    expect(mapped.rows.map((r) => r.link.key)).toEqual(['NS-12', 'NS-13', 'NS-14', 'NS-15']);
    expect(mapped.rows[0]).toMatchObject({ inputMetricId: 'wat', rice: { reach: 1200, effort: 1 } });
    expect(mapped.skipped).toEqual([{ line: 7, reason: '"15" is not a Jira issue key; the row is left out' }]);
  });

  it('imports a ticket named twice once, saying which line it skipped', () => {
    const twice = { ...jira, rows: [jira.rows[0]!, { ...jira.rows[0]!, line: 20 }], problems: [] };
    const mapped = mapTrackerRows(twice, { site: '', labels: {}, rice: {}, pointsPerMonth: null });
    expect(mapped.rows).toHaveLength(1);
    expect(mapped.skipped).toEqual([{ line: 20, reason: 'the same ticket as line 2; only the first is imported' }]);
  });

  it('leaves out an estimate off the scale, with the reason', () => {
    const mapped = mapTrackerRows(jira, {
      site: '',
      labels: {},
      rice: { impact: 'Story Points' },
      pointsPerMonth: null,
    });
    expect(mapped.rows[0]!.rice).toEqual({});
    expect(mapped.notes.some((n) => n.line === 2 && /Impact must be one of/.test(n.message))).toBe(true);
  });
});

describe('statusChoices', () => {
  const none = { site: '', labels: {}, rice: {}, pointsPerMonth: null };

  it("defaults each status of the file to the import's reading, flagging the one it did not know", () => {
    expect(statusChoices(jira, undefined)).toEqual([
      { key: 'done', name: 'Done', status: 'shipped', rows: 1, recognised: true },
      { key: "done (won't do)", name: "Done (Won't Do)", status: 'dropped', rows: 1, recognised: true },
      { key: 'in review', name: 'In Review', status: 'in-progress', rows: 1, recognised: true },
      { key: 'waiting for vendor', name: 'Waiting for vendor', status: 'idea', rows: 1, recognised: false },
    ]);
  });

  it('keeps a remembered choice over the default, and ignores remembered names the file lacks', () => {
    const kept = statusChoices(jira, { ...none, statuses: { 'waiting for vendor': 'in-progress', gone: 'dropped' } });
    expect(kept.find((s) => s.key === 'waiting for vendor')?.status).toBe('in-progress');
    expect(kept.map((s) => s.key)).not.toContain('gone');
  });

  it('reads a mapping remembered before the status table existed as the defaults', () => {
    expect(statusChoices(jira, none)).toEqual(statusChoices(jira, undefined));
  });

  it('counts the rows of each status, most first, whatever the spelling', () => {
    const rows = [jira.rows[2]!, { ...jira.rows[2]!, statusText: 'DONE ' }, jira.rows[0]!];
    expect(statusChoices({ ...jira, rows }, undefined).map((s) => [s.name, s.rows])).toEqual([
      ['Done', 2],
      ['In Review', 1],
    ]);
  });
});

describe('mapTrackerRows with a status table', () => {
  it('gives each ticket the status its name is mapped to, and leaves names the table lacks as read', () => {
    const statuses = { 'waiting for vendor': 'planned', done: 'dropped' } as const;
    const mapped = mapTrackerRows(jira, { site: '', labels: {}, rice: {}, pointsPerMonth: null, statuses });
    expect(mapped.rows.map((r) => [r.link.key, r.status])).toEqual([
      ['NS-12', 'in-progress'],
      ['NS-13', 'dropped'],
      ['NS-14', 'dropped'],
      ['NS-15', 'planned'],
    ]);
  });

  it("keeps Done (Won't Do) dropped when Done is mapped to shipped", () => {
    const statuses = { done: 'shipped' } as const;
    const mapped = mapTrackerRows(jira, { site: '', labels: {}, rice: {}, pointsPerMonth: null, statuses });
    expect(mapped.rows.find((r) => r.link.key === 'NS-13')?.status).toBe('dropped');
  });
});

describe('pointsRateProblem', () => {
  it('accepts a positive number or nothing, and says why otherwise', () => {
    expect(pointsRateProblem('')).toBeNull();
    expect(pointsRateProblem('8')).toBeNull();
    expect(pointsRateProblem('0')).toMatch(/more than 0/);
    expect(pointsRateProblem('eight')).toMatch(/Type how many/);
  });
});
