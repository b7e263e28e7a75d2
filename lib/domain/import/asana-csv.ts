/**
 * Asana's project export (a project's menu > Export/Print > CSV). Tasks are named by their
 * Task ID (gid); tags are one comma-separated cell; "Completed At" is set once a task is
 * done. Every column Asana does not define itself is a custom field (Reach, Effort, ...).
 *
 * Sources: linear/linear packages/import/src/importers/asanaCsv/AsanaCsvImporter.ts
 * ("Task ID", "Completed At", "Name", "Tags" split at commas, ...);
 * prescottbreeden/my-task-buddy src/types/Asana.type.ts (the same columns with "Section/Column").
 */
import { asana } from '../../sites/asana';
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

/** Asana's own columns; any other column is a custom field. */
const STANDARD = new Set([
  'task id',
  'created at',
  'completed at',
  'last modified',
  'name',
  'assignee',
  'assignee email',
  'start date',
  'tags',
  'notes',
  'parent task',
  'blocked by (dependencies)',
  'blocking (dependencies)',
]);

export function parseAsanaCsv(text: string): TrackerImport {
  const table = readTrackerTable(text);
  if ('refusal' in table) return { source: 'asana', rows: [], problems: [table.refusal] };
  const { header } = table;
  const idColumn = column(header, 'Task ID');
  if (idColumn === -1 || column(header, 'Name') === -1) {
    return failedImport('asana', 'This is not an Asana export: it has no "Task ID" and "Name" columns.', 1);
  }
  const sectionColumn = column(header, 'Section/Column');
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [...table.problems];
  for (const row of table.rows) {
    const gid = cell(row, idColumn);
    const url = urlOf(`https://app.asana.com/0/0/${encodeURIComponent(gid)}/f`);
    const entity = url ? asana.entityFromUrl(url) : null;
    if (!entity) {
      const message = `"${gid}" is not an Asana task ID; the row is left out`;
      problems.push({ line: row.line, column: idColumn + 1, message });
      continue;
    }
    const section = cell(row, sectionColumn);
    const completed = cell(row, column(header, 'Completed At')) !== '';
    const fields: Record<string, string> = {};
    header.forEach((name, i) => {
      if (!STANDARD.has(name.toLowerCase()) && cell(row, i) !== '') fields[name] = cell(row, i);
    });
    rows.push({
      line: row.line,
      link: { site: 'asana', ...entity },
      title: cell(row, column(header, 'Name')),
      status: completed ? 'shipped' : (itemStatusFrom(section) ?? 'idea'),
      statusText: completed ? 'Completed' : section,
      labels: splitList(cell(row, column(header, 'Tags'))),
      fields,
    });
  }
  return { source: 'asana', rows, problems };
}
