/**
 * Jira's issue export ("Export > Export CSV (all fields)"). The file does not say which
 * site it came from, so the base URL is a parameter. Jira writes one column per value for
 * multi-valued fields (several "Labels", several "Sprint" columns) and custom fields as
 * "Custom field (Story Points)".
 *
 * Sources: linear/linear packages/import/src/importers/jiraCsv/JiraCsvImporter.ts
 * ("Issue key", "Summary", "Status", "Custom field (Story point estimate)"; the issue URL
 * is <site>/browse/<key>); headers of real Jira Cloud exports quoted in public importer
 * tests (repeated Labels and Sprint columns, "Status Category", "Resolution").
 */
import { jira } from '../../sites/jira';
import type { ImportProblem } from './csv-reader';
import { itemStatusFrom } from './item-status';
import {
  cell,
  column,
  columnsNamed,
  failedImport,
  readTrackerTable,
  urlOf,
  type TrackerImport,
  type TrackerRow,
} from './tracker-rows';

const CUSTOM_FIELD = /^Custom field \((.+)\)$/i;
/** Fields kept besides the custom ones: what RICE and a preview may want. */
const KEPT_FIELDS = ['Issue Type', 'Priority', 'Sprint', 'Story Points', 'Original Estimate', 'Resolution'];
const DROPPED_RESOLUTIONS = /^(won'?t (do|fix)|duplicate|cannot reproduce|declined|rejected)$/i;

/** Jira status categories: To Do, In Progress, Done. Dropped work is Done with a resolution. */
function statusOf(category: string, status: string, resolution: string) {
  const mapped = itemStatusFrom(category) ?? itemStatusFrom(status);
  if (mapped === 'shipped' && DROPPED_RESOLUTIONS.test(resolution)) return 'dropped';
  return mapped;
}

export function parseJiraCsv(text: string, baseUrl: string): TrackerImport {
  const base = urlOf(baseUrl.trim().replace(/\/+$/, ''));
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:')) {
    return failedImport('jira', 'The Jira address must be a web address, such as https://acme.atlassian.net');
  }
  const table = readTrackerTable(text);
  if ('refusal' in table) return { source: 'jira', rows: [], problems: [table.refusal] };
  const { header } = table;
  const keyColumn = column(header, 'Issue key', 'Key');
  if (keyColumn === -1) return failedImport('jira', 'This is not a Jira export: it has no "Issue key" column.', 1);
  const titleColumn = column(header, 'Summary');
  const statusColumn = column(header, 'Status');
  const categoryColumn = column(header, 'Status Category');
  const resolutionColumn = column(header, 'Resolution');
  const labelColumns = columnsNamed(header, 'Labels');
  const fieldColumns = header.flatMap((name, i) => {
    const custom = CUSTOM_FIELD.exec(name);
    if (custom) return [{ name: custom[1]!, i }];
    return KEPT_FIELDS.some((kept) => kept.toLowerCase() === name.toLowerCase()) ? [{ name, i }] : [];
  });
  const rows: TrackerRow[] = [];
  const problems: ImportProblem[] = [...table.problems];
  const root = base.href.replace(/\/+$/, '');
  for (const row of table.rows) {
    const key = cell(row, keyColumn);
    const link = urlOf(`${root}/browse/${encodeURIComponent(key)}`);
    const entity = link ? jira.entityFromUrl(link) : null;
    if (!entity) {
      const message = `"${key}" is not a Jira issue key; the row is left out`;
      problems.push({ line: row.line, column: keyColumn + 1, message });
      continue;
    }
    const resolution = cell(row, resolutionColumn);
    const status = statusOf(cell(row, categoryColumn), cell(row, statusColumn), resolution);
    // Named apart in the status table, so mapping "Done" to shipped leaves "Done (Won't Do)" dropped.
    const statusText =
      status === 'dropped' && resolution !== ''
        ? `${cell(row, statusColumn)} (${resolution})`
        : cell(row, statusColumn);
    const fields: Record<string, string> = {};
    for (const { name, i } of fieldColumns) {
      const value = cell(row, i);
      if (value !== '') fields[name] = fields[name] ? `${fields[name]}, ${value}` : value;
    }
    rows.push({
      line: row.line,
      link: { site: 'jira', ...entity },
      title: cell(row, titleColumn),
      status: status ?? 'idea',
      statusText,
      labels: labelColumns.map((i) => cell(row, i)).filter((label) => label !== ''),
      fields,
    });
  }
  return { source: 'jira', rows, problems };
}
