import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../../lib/domain/import/csv-reader';
import { fixture } from './load';

describe('readCsv', () => {
  it('reads a file with a BOM, CRLF line ends and no final newline', () => {
    const { rows, problems } = readCsv(fixture('table-long-quirks.csv'));
    expect(problems).toEqual([]);
    expect(rows[0]!.cells).toEqual(['date', 'Signups', 'Note', 'Activation rate']);
    expect(rows.at(-1)!.cells).toEqual(['2023-03-25', 'abc', 'fine', '15%']);
    expect(rows).toHaveLength(7);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells', () => {
    const { rows } = readCsv(fixture('table-long-quirks.csv'));
    expect(rows[2]!.cells[2]).toBe('a note, with a comma');
    expect(rows[3]!.cells[1]).toBe('=HYPERLINK("http://evil.example")');
    expect(rows[3]!.cells[2]).toBe('a "quoted" word');
    expect(rows[5]!.cells[2]).toBe('a note\r\nover two lines');
  });

  it('numbers each row by the line it starts on, past a cell spanning two lines', () => {
    const { rows } = readCsv(fixture('table-long-quirks.csv'));
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });

  it('reads LF files and keeps blank lines as rows, so tables can be told apart', () => {
    const { rows } = readCsv('a,b\n\nc,d\n');
    expect(rows.map((row) => row.cells)).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('keeps an empty last cell after a trailing separator', () => {
    expect(readCsv('a,b,\n1,2,').rows.map((row) => row.cells)).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
  });

  it('reports a quote that is never closed with its line and column, and keeps the text', () => {
    const { rows, problems } = readCsv('a,b\n1,"open\nstill open');
    expect(problems).toEqual([{ line: 2, column: 2, message: 'a quoted cell is never closed' }]);
    expect(rows[1]!.cells).toEqual(['1', 'open\nstill open']);
  });

  it('reads tab-separated text, as GitHub Projects exports it', () => {
    const text = 'Title\tURL\tStatus\nFix it\thttps://github.com/a/b/issues/1\tDone\n';
    expect(detectDelimiter(text)).toBe('\t');
    expect(readCsv(text).rows[1]!.cells).toEqual(['Fix it', 'https://github.com/a/b/issues/1', 'Done']);
  });

  it('reads nothing from an empty text', () => {
    expect(readCsv('').rows).toEqual([]);
  });
});
