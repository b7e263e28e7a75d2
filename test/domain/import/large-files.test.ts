import { describe, expect, it } from 'vitest';
import {
  jiraRowsCsv,
  observationRowsCsv,
  parseJiraRows,
  parseObservationRows,
} from '../../../lib/domain/import/bench-entry';

// Correctness at size only; how fast belongs to `npm run bench`.
describe('large files', () => {
  it('100,000 observation rows parse into complete series', { timeout: 60_000 }, () => {
    const result = parseObservationRows(observationRowsCsv(100_000));
    expect(result.problems).toEqual([]);
    const [teams, messages] = result.series;
    expect(teams!.points).toHaveLength(100_000);
    expect(teams!.points[0]).toEqual({ date: '2000-01-01', value: 0 });
    expect(teams!.points[99_999]).toEqual({ date: '2273-10-15', value: 99_999 });
    expect(messages!.points[54_321]!.value).toBe(54_321 * 1000 + 234);
  });

  it('10,000 Jira rows parse with their multi-line descriptions and line numbers', { timeout: 60_000 }, () => {
    const result = parseJiraRows(jiraRowsCsv(10_000));
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
    const last = result.rows[9_999]!;
    expect(last).toMatchObject({ title: 'Item 10000, part one', line: 2 + 9_999 * 2, status: 'in-progress' });
    expect(last.link.key).toBe('NS-10000');
    expect(last.labels).toEqual(['weekly-active-teams', 'l4']);
    expect(last.fields).toMatchObject({ Sprint: 'S1, S2', 'Story Points': '3' });
  });
});
