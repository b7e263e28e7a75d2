/**
 * Entry points for `npm run bench` to time the parsers on generated files: "100,000
 * observation rows parsed" and "10,000 Jira rows parsed". Generating is kept apart from
 * parsing so the bench times only the parse.
 */
import { parseAnalyticsExport } from './analytics-export';
import { addDays } from './cell-values';
import { parseJiraCsv } from './jira-csv';

/** A long-layout export: Date, Weekly active teams, Messages sent; one row per day from 2000-01-01. */
export function observationRowsCsv(rows: number): string {
  const lines = ['Date,Weekly active teams,Messages sent'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${addDays('2000-01-01', i)},${i},"${(i * 1000 + 234).toLocaleString('en-US')}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A Jira export with repeated Labels and Sprint columns and a multi-line description per row. */
export function jiraRowsCsv(rows: number): string {
  const header =
    'Summary,Issue key,Issue id,Issue Type,Status,Status Category,Sprint,Sprint,Labels,Labels,' +
    'Custom field (Story Points),Description';
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    const cells = [`"Item ${i}, part one"`, `NS-${i}`, 10000 + i, 'Story', 'In Progress', 'In Progress', 'S1', 'S2'];
    lines.push([...cells, 'weekly-active-teams', `l${i % 7}`, i % 13, '"Line one\r\nline ""two"""'].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function parseObservationRows(text: string) {
  return parseAnalyticsExport(text);
}

export function parseJiraRows(text: string) {
  return parseJiraCsv(text, 'https://bench.atlassian.net');
}
