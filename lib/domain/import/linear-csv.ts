/**
 * Linear's issue export (Settings > Import/Export > Export CSV). The file has no links and
 * no workspace name, so the workspace (as in linear.app/<workspace>/...) is a parameter.
 * Labels are one cell joined by ", "; Completed and Canceled hold timestamps when set.
 * Linear prefixes text a spreadsheet could run as a formula with "'", taken off here.
 *
 * Sources: linear/linear packages/import/src/importers/linearCsv/LinearCsvImporter.ts
 * (columns, ", " labels, the leading quote); the 30-column header of current exports as
 * quoted in public importer tests (ID,Team,Title,Description,Status,Estimate,Priority,...).
 */
import { linear } from '../../sites/linear';
import type { ImportProblem } from './csv-reader';
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

const KEPT_FIELDS = ['Team', 'Estimate', 'Priority', 'Project', 'Cycle Name', 'Project Milestone', 'Due Date'];

function unquoteFormula(text: string): string {
  return text.replace(/^'([+\-=@])/, '$1');
}

export function parseLinearCsv(text: string, workspace: string, origin = 'https://linear.app'): TrackerImport {
  const slug = workspace.trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(slug)) {
    return failedImport(
      'linear',
      'The Linear workspace is the name in your Linear addresses: linear.app/<workspace>/...',
    );
  }
  const table = readTrackerTable(text);
  if ('refusal' in table) return { source: 'linear', rows: [], problems: [table.refusal] };
  const { header } = table;
  const idColumn = column(header, 'ID', 'Id', 'Identifier');
  if (idColumn === -1 || column(header, 'Title') === -1) {
    return failedImport('linear', 'This is not a Linear export: it has no "ID" and "Title" columns.', 1);
  }
  const at = (name: string) => column(header, name);
  const fieldColumns = KEPT_FIELDS.map((name) => ({ name, i: at(name) })).filter(({ i }) => i !== -1);
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [...table.problems];
  for (const row of table.rows) {
    const id = cell(row, idColumn);
    const url = urlOf(`${origin}/${slug}/issue/${encodeURIComponent(id)}`);
    const entity = url ? linear.entityFromUrl(url) : null;
    if (!entity) {
      const message = `"${id}" is not a Linear issue ID; the row is left out`;
      problems.push({ line: row.line, column: idColumn + 1, message });
      continue;
    }
    const statusText = cell(row, at('Status'));
    const canceled = cell(row, at('Canceled')) !== '';
    const completed = cell(row, at('Completed')) !== '';
    const status = canceled ? 'dropped' : completed ? 'shipped' : itemStatusFrom(statusText);
    const fields: Record<string, string> = {};
    for (const { name, i } of fieldColumns) if (cell(row, i) !== '') fields[name] = cell(row, i);
    rows.push({
      line: row.line,
      link: { site: 'linear', ...entity },
      title: unquoteFormula(cell(row, at('Title'))),
      status: status ?? 'idea',
      statusText,
      labels: splitList(cell(row, at('Labels')), ', '),
      fields,
    });
  }
  return { source: 'linear', rows, problems };
}
