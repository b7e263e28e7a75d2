import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumberOf, readDateCell, readNumberCell } from '../../../lib/domain/import/cell-values';

describe('readNumberCell', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['1234', 1234],
    ['-3', -3],
    ['11.63%', 11.63],
    ['$1,200', 1200],
    ['1 234', 1234],
    ['0.0', 0],
    ['2.5E+3', 2500],
    ['(12)', -12],
  ])('reads %j as %d', (text, value) => {
    expect(readNumberCell(text)).toEqual({ kind: 'number', value });
  });

  it('reads an empty cell as no value, never zero', () => {
    expect(readNumberCell('')).toEqual({ kind: 'empty' });
    expect(readNumberCell('   ')).toEqual({ kind: 'empty' });
  });

  it.each(['abc', '1,23', '12.5k', 'Q3 2023', '1.2.3', '--5'])('refuses %j rather than guess', (text) => {
    expect(readNumberCell(text).kind).toBe('unreadable');
  });

  it.each(['=HYPERLINK("http://evil.example")', '=1+1', '+SUM(A1)', '@cmd', '-A1'])(
    'keeps the formula-looking %j as text, never runs it',
    (text) => {
      expect(readNumberCell(text)).toEqual({ kind: 'unreadable', reason: 'a formula, kept as text and not run' });
    },
  );
});

describe('readDateCell', () => {
  it.each([
    ['2023-03-21', '2023-03-21'],
    ['2023-03-21T23:30:00Z', '2023-03-21'],
    ['2022-05-01T00:00:00+02:00', '2022-05-01'],
    ['2023-03-21 08:00', '2023-03-21'],
    ['20230321', '2023-03-21'],
    ['21-Mar-2023', '2023-03-21'],
    ['1-Apr-2024 13:00', '2024-04-01'],
    ['21 March 2023', '2023-03-21'],
    ['Mar 21, 2023', '2023-03-21'],
    ['Tue, Mar 21, 2023', '2023-03-21'],
    ['September 5 2023', '2023-09-05'],
    ['1/4/23', '2023-01-04'],
    ['12/31/2023', '2023-12-31'],
  ])('reads %j as %s', (text, date) => {
    expect(readDateCell(text)).toBe(date);
  });

  it.each(['2023-02-30', '20231301', '31-Foo-2023', 'Week 1', '0003', '13/1/2023', 'Mar 2023', ''])(
    'finds no day in %j',
    (text) => {
      expect(readDateCell(text)).toBeNull();
    },
  );
});

describe('calendar arithmetic without Date objects', () => {
  it('agrees with Date on every day from 1600 to 2400', () => {
    const first = Date.UTC(1600, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    const disagreements: string[] = [];
    for (let day = first; day <= last; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDay(day) !== date || dayNumberOf(date) !== day) disagreements.push(date);
    }
    expect(last - first).toBeGreaterThan(290_000);
    expect(disagreements).toEqual([]);
  });

  it('adds days across months, leap days and years, backwards too', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2000-01-01', -1)).toBe('1999-12-31');
    expect(addDays('2024-12-31', 366)).toBe('2026-01-01');
  });
});
