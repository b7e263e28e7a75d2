import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelChoices, mapTrackerRows, pointsRateProblem } from '../../../lib/domain/import/item-rows';
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

describe('pointsRateProblem', () => {
  it('accepts a positive number or nothing, and says why otherwise', () => {
    expect(pointsRateProblem('')).toBeNull();
    expect(pointsRateProblem('8')).toBeNull();
    expect(pointsRateProblem('0')).toMatch(/more than 0/);
    expect(pointsRateProblem('eight')).toMatch(/Type how many/);
  });
});
