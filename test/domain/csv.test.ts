import { describe, expect, it } from 'vitest';
import { backlogCsv, csvCell, CSV_COLUMNS } from '../../lib/domain/csv';
import { rankItems } from '../../lib/domain/ranking';
import type { Item, Metric } from '../../lib/domain/types';

function metric(id: string, role: Metric['role'], name: string, parentId: string | null = null): Metric {
  return {
    id,
    treeId: 't',
    role,
    parentId,
    name,
    definition: '',
    unit: '',
    period: null,
    category: null,
    ownerTeam: 'Team',
    leverage: 1,
    sourceUrls: [],
    target: null,
    updatedAt: 0,
  };
}

function item(id: string, title: string, inputMetricId: string | null, rice: Partial<Item['rice']> = {}): Item {
  return {
    id,
    treeId: 't',
    title,
    links: [],
    inputMetricId,
    rice: { reach: 100, impact: 1, confidence: 1, effort: 1, ...rice },
    status: 'idea',
    notes: '',
    createdAt: 0,
    updatedAt: 0,
  };
}

/** Splits RFC 4180 text back into rows of fields, so tests check what a spreadsheet reads. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const metrics = [
  metric('n', 'nsm', 'Nights booked'),
  metric('a', 'input', 'Bookable listings', 'n'),
  metric('b', 'team', 'Hosts onboarded', 'a'),
];

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Faster search')).toBe('Faster search');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes a field holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'defuses %j so a spreadsheet shows it as text instead of running it',
    (text) => {
      const cell = csvCell(text);
      const [[read]] = parseCsv(`${cell}\r\n`) as [[string]];
      expect(read.startsWith("'")).toBe(true);
      expect(read.slice(1)).toBe(text);
    },
  );

  it('writes a number that is not finite as an empty cell rather than NaN', () => {
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
  });
});

describe('backlogCsv', () => {
  it('starts with the header and ends every line with CRLF', () => {
    const text = backlogCsv(rankItems([], metrics));
    expect(text).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('lists ranked items in rank order with their score and metrics, then unscored, then unlinked', () => {
    const ranking = rankItems(
      [
        item('1', 'Small win', 'a', { reach: 10 }),
        item('2', 'Big win', 'b', { reach: 1000 }),
        item('3', 'Needs estimate', 'a', { effort: null }),
        item('4', 'Side quest', null),
      ],
      metrics,
    );
    const rows = parseCsv(backlogCsv(ranking));
    expect(rows.map((r) => r[1])).toEqual(['Title', 'Big win', 'Small win', 'Needs estimate', 'Side quest']);
    expect(rows[1]!.slice(0, 7)).toEqual([
      '1',
      'Big win',
      '1000',
      'ranked',
      'Bookable listings',
      'Hosts onboarded',
      'idea',
    ]);
    expect(rows[3]![0]).toBe('');
    expect(rows[3]![3]).toBe('not scored: Effort is not estimated yet');
    expect(rows[4]![3]).toBe('unlinked: serves no input metric');
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('keeps a title with commas, quotes and a formula intact and harmless', () => {
    const ranking = rankItems([item('1', '=cmd|"/c calc", now', 'a')], metrics);
    const rows = parseCsv(backlogCsv(ranking));
    expect(rows[1]![1]).toBe('\'=cmd|"/c calc", now');
  });

  it("joins an item's links into one cell", () => {
    const withLinks = {
      ...item('1', 'Linked', 'a'),
      links: [
        { site: 'jira' as const, key: 'A-1', url: 'https://x.atlassian.net/browse/A-1' },
        { site: 'github' as const, key: 'o/r#2', url: 'https://github.com/o/r/issues/2' },
      ],
    };
    const rows = parseCsv(backlogCsv(rankItems([withLinks], metrics)));
    expect(rows[1]![11]).toBe('https://x.atlassian.net/browse/A-1 https://github.com/o/r/issues/2');
  });
});
