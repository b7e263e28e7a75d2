/**
 * Splits an export into its tables. Google Analytics writes a "#" comment block (account,
 * property, date range) before each table and separates tables with blank lines;
 * Amplitude puts a title and blank rows above its table. Each section keeps the comment
 * lines that came before it.
 */
import { isBlankRow, type CsvRow, type Delimiter } from './csv-reader';
import type { Table } from './long-table';

export interface Section extends Table {
  /** The "#" lines before this table, without the "#", trimmed. */
  comments: string[];
}

export function isCommentRow(row: CsvRow): boolean {
  return (row.cells[0] ?? '').trimStart().startsWith('#');
}

/** A comment line as written: the CSV reader split it at commas, which are part of its text. */
function commentText(row: CsvRow, delimiter: Delimiter): string {
  return row.cells.join(delimiter).trim().replace(/^#\s?/, '').trim();
}

export function splitSections(rows: readonly CsvRow[], delimiter: Delimiter): Section[] {
  const sections: Section[] = [];
  let comments: string[] = [];
  let current: Section | null = null;
  for (const row of rows) {
    if (isCommentRow(row)) {
      if (current) {
        current = null;
        comments = [];
      }
      comments.push(commentText(row, delimiter));
    } else if (isBlankRow(row)) {
      current = null;
    } else if (current) {
      current.rows.push(row);
    } else {
      current = { comments, header: row, rows: [] };
      sections.push(current);
    }
  }
  return sections;
}
