/**
 * Reads CSV (RFC 4180) as spreadsheets and analytics tools write it: a byte-order mark,
 * CRLF or LF, no final newline, quoted fields holding commas, quotes and line breaks.
 * Every row keeps the line it starts on, so a problem can say where it is.
 *
 * Hand-written rather than papaparse: the reader must know the line each row starts on
 * (papaparse reports row indexes, which drift from line numbers once a quoted field
 * holds a line break), and the whole job is about a hundred lines.
 */

export type Delimiter = ',' | '\t' | ';';

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

/** Where something in an imported file could not be read. Column 0 means the whole row. */
export interface ImportProblem {
  line: number;
  column: number;
  message: string;
}

export interface CsvTable {
  rows: CsvRow[];
  delimiter: Delimiter;
  problems: ImportProblem[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Tab-separated when the first table line has more tabs than commas (GitHub Projects export .tsv). */
export function detectDelimiter(text: string): Delimiter {
  for (const line of text.split(/\r?\n/, 50)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const tabs = line.split('\t').length - 1;
    const commas = line.split(',').length - 1;
    const semicolons = line.split(';').length - 1;
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas && semicolons > tabs) return ';';
    return ',';
  }
  return ',';
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A row whose cells are all blank: it separates tables in multi-table exports. */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

export function readCsv(input: string, delimiter: Delimiter = detectDelimiter(stripBom(input))): CsvTable {
  const text = stripBom(input);
  const sep = delimiter.charCodeAt(0);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  while (i < n) {
    if (text.charCodeAt(i) === QUOTE) {
      const startLine = line;
      let value = '';
      let from = i + 1;
      let closed = false;
      for (let j = from; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === LF) line++;
        if (c !== QUOTE) continue;
        value += text.slice(from, j);
        if (text.charCodeAt(j + 1) === QUOTE) {
          value += '"';
          from = j + 2;
          j++;
          continue;
        }
        i = j + 1;
        closed = true;
        break;
      }
      if (!closed) {
        value += text.slice(from);
        i = n;
        problems.push({ line: startLine, column: cells.length + 1, message: 'a quoted cell is never closed' });
      }
      // Text between a closing quote and the next separator is kept, as spreadsheets do.
      let tail = i;
      while (tail < n) {
        const next = text.charCodeAt(tail);
        if (next === sep || next === LF || next === CR) break;
        tail++;
      }
      cells.push(value + text.slice(i, tail));
      i = tail;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
        end++;
      }
      cells.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      // A separator at the very end still opens one last, empty cell.
      if (i >= n) cells.push('');
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRow();
    rowLine = line;
  }
  if (cells.length > 0) endRow();
  return { rows, delimiter, problems };
}
