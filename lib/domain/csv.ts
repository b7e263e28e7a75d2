/**
 * The ranked backlog as CSV (RFC 4180) for spreadsheets. Every item appears: ranked
 * ones in rank order, then linked items still missing an estimate, then items that serve
 * no input metric. Text that a spreadsheet would run as a formula is defused.
 */
import type { Ranking } from './ranking';
import type { Item } from './types';

export const CSV_COLUMNS = [
  'Rank',
  'Title',
  'Score',
  'State',
  'Input metric',
  'Tagged metric',
  'Status',
  'Reach',
  'Impact',
  'Confidence',
  'Effort',
  'Links',
] as const;

type Cell = string | number | null;

/** Characters that make Excel, Sheets and LibreOffice treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: numbers as they are, text defused and quoted when it holds a separator. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

function riceCells(item: Item): Cell[] {
  return [item.rice.reach, item.rice.impact, item.rice.confidence, item.rice.effort];
}

function linksCell(item: Item): string {
  return item.links.map((l) => l.url).join(' ');
}

/** The whole file, header first, lines ended with CRLF as RFC 4180 asks. */
export function backlogCsv(ranking: Ranking): string {
  const rows: Cell[][] = [[...CSV_COLUMNS]];
  for (const r of ranking.ranked) {
    rows.push([
      r.rank,
      r.item.title,
      r.score,
      'ranked',
      r.input.name,
      r.metric.name,
      r.item.status,
      ...riceCells(r.item),
      linksCell(r.item),
    ]);
  }
  for (const u of ranking.unscored) {
    rows.push([
      null,
      u.item.title,
      null,
      `not scored: ${u.problem.message}`,
      u.input.name,
      u.metric.name,
      u.item.status,
      ...riceCells(u.item),
      linksCell(u.item),
    ]);
  }
  for (const item of ranking.unlinked) {
    rows.push([
      null,
      item.title,
      null,
      'unlinked: serves no input metric',
      null,
      null,
      item.status,
      ...riceCells(item),
      linksCell(item),
    ]);
  }
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
