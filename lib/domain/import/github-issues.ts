/**
 * GitHub issues, from the two files people have:
 * - the JSON `gh issue list --json number,title,url,labels,state` prints: an array of
 *   { number, title, url, labels: [{ name, ... }], state: "OPEN" | "CLOSED" };
 * - a GitHub Project's "Export view data": one row per item with the view's fields as
 *   columns (Title, URL, Status, Labels, Assignees, ...), tab-separated (the docs say .tsv);
 *   draft items have no URL and name no issue.
 *
 * Sources: GitHub CLI `gh issue list --json` fields (output with labels as objects with
 * "name", state OPEN/CLOSED, as used in public scripts); docs.github.com "Exporting your
 * project's data" (the export is a .tsv of the view).
 */
import * as v from 'valibot';
import { github } from '../../sites/github';
import type { ImportProblem } from './csv-reader';
import { checkImportText } from './file-checks';
import { itemStatusFrom } from './item-status';
import {
  cell,
  column,
  failedImport,
  readTrackerTable,
  splitList,
  urlOf,
  type TrackerImport,
  type TrackerRow,
} from './tracker-rows';

const GhIssue = v.looseObject({
  number: v.number(),
  title: v.string(),
  url: v.string(),
  state: v.optional(v.string(), ''),
  labels: v.optional(v.array(v.looseObject({ name: v.string() })), []),
});

function issueLink(url: string) {
  const parsed = urlOf(url);
  const entity = parsed ? github.entityFromUrl(parsed) : null;
  return entity ? { site: 'github' as const, ...entity } : null;
}

/** Open is not yet planned; CLOSED covers done and "not planned" alike (the list above has no stateReason). */
function ghStatus(state: string) {
  const upper = state.toUpperCase();
  return upper === 'CLOSED' || upper === 'MERGED' ? 'shipped' : 'idea';
}

export function parseGhIssueJson(text: string): TrackerImport {
  const refusal = checkImportText(text);
  if (refusal) return failedImport('github-issues', refusal.message);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    const message = 'This is not JSON: save the output of gh issue list --json number,title,url,labels,state.';
    return failedImport('github-issues', message);
  }
  if (!Array.isArray(data)) {
    return failedImport('github-issues', 'Expected a list of issues, as gh issue list --json prints.');
  }
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [];
  data.forEach((entry, index) => {
    const parsed = v.safeParse(GhIssue, entry);
    const link = parsed.success ? issueLink(parsed.output.url) : null;
    if (!parsed.success || !link) {
      const message = 'this entry is not an issue with a number, title and GitHub URL; left out';
      problems.push({ line: index + 1, column: 0, message });
      return;
    }
    const issue = parsed.output;
    rows.push({
      line: index + 1,
      link,
      title: issue.title,
      status: ghStatus(issue.state),
      statusText: issue.state,
      labels: issue.labels.map((label) => label.name),
      fields: {},
    });
  });
  return { source: 'github-issues', rows, problems };
}

const PROJECT_OWN_COLUMNS = new Set(['title', 'url', 'labels', 'status']);

export function parseGitHubProjectExport(text: string): TrackerImport {
  const table = readTrackerTable(text);
  if ('refusal' in table) return { source: 'github-project', rows: [], problems: [table.refusal] };
  const { header } = table;
  const urlColumn = column(header, 'URL');
  if (urlColumn === -1 || column(header, 'Title') === -1) {
    const message = 'This is not a GitHub Project export: it has no "Title" and "URL" columns.';
    return failedImport('github-project', message, 1);
  }
  const statusColumn = column(header, 'Status');
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [...table.problems];
  for (const row of table.rows) {
    const url = cell(row, urlColumn);
    const link = issueLink(url);
    if (!link) {
      const message =
        url === ''
          ? 'a draft item names no issue; left out'
          : `"${url}" is not a GitHub issue or pull request; left out`;
      problems.push({ line: row.line, column: urlColumn + 1, message });
      continue;
    }
    const statusText = cell(row, statusColumn);
    const fields: Record<string, string> = {};
    header.forEach((name, i) => {
      if (!PROJECT_OWN_COLUMNS.has(name.toLowerCase()) && cell(row, i) !== '') fields[name] = cell(row, i);
    });
    rows.push({
      line: row.line,
      link,
      title: cell(row, column(header, 'Title')),
      status: itemStatusFrom(statusText) ?? 'idea',
      statusText,
      labels: splitList(cell(row, column(header, 'Labels'))),
      fields,
    });
  }
  return { source: 'github-project', rows, problems };
}
