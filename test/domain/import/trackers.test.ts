/**
 * Sources of the saved exports (test/fixtures/import/README.md): Linear's open-source
 * importers (linear/linear packages/import: jiraCsv, linearCsv, asanaCsv, trelloJson),
 * headers of real Jira and Linear exports quoted in public importer tests, the fields of
 * `gh issue list --json`, and docs.github.com on exporting a project view (.tsv).
 */
import { describe, expect, it } from 'vitest';
import { parseAsanaCsv } from '../../../lib/domain/import/asana-csv';
import { parseGhIssueJson, parseGitHubProjectExport } from '../../../lib/domain/import/github-issues';
import { parseJiraCsv } from '../../../lib/domain/import/jira-csv';
import { parseLinearCsv } from '../../../lib/domain/import/linear-csv';
import { parseTrelloJson } from '../../../lib/domain/import/trello-json';
import { entityLinkFromHref } from '../../../lib/sites/index';
import { fixture } from './load';

describe('a Jira CSV export', () => {
  const result = parseJiraCsv(fixture('jira-issues.csv'), 'https://acme.atlassian.net/');

  it('links each issue exactly as the Jira adapter does, upper-casing the key', () => {
    expect(result.rows.map((row) => row.link)).toEqual([
      { site: 'jira', key: 'NS-12', url: 'https://acme.atlassian.net/browse/NS-12' },
      { site: 'jira', key: 'NS-13', url: 'https://acme.atlassian.net/browse/NS-13' },
      { site: 'jira', key: 'NS-14', url: 'https://acme.atlassian.net/browse/NS-14' },
      { site: 'jira', key: 'NS-15', url: 'https://acme.atlassian.net/browse/NS-15' },
    ]);
    for (const row of result.rows) expect(entityLinkFromHref(row.link.url, new URL(row.link.url))).toEqual(row.link);
  });

  it('gathers repeated Labels and Sprint columns, and names custom fields without the wrapper', () => {
    const [first] = result.rows;
    expect(first!.labels).toEqual(['weekly-active-teams', 'search']);
    expect(first!.fields).toEqual({
      'Issue Type': 'Story',
      Priority: 'High',
      Sprint: 'NS Sprint 4, NS Sprint 5',
      'Story Points': '5',
      Reach: '1200',
    });
  });

  it("maps status by its category, and done-but-won't-do as dropped, named with its resolution", () => {
    expect(result.rows.map((row) => [row.status, row.statusText])).toEqual([
      ['in-progress', 'In Review'],
      ['dropped', "Done (Won't Do)"],
      ['shipped', 'Done'],
      ['idea', 'Waiting for vendor'],
    ]);
  });

  it('reads a summary whose quoted description spans lines, and reports rows it cannot link', () => {
    expect(result.rows[0]!.title).toBe('Faster search');
    expect(result.problems).toEqual([
      { line: 7, column: 2, message: '"15" is not a Jira issue key; the row is left out' },
    ]);
  });

  it('keeps a Data Center context path in the links', () => {
    const dc = parseJiraCsv(fixture('jira-issues.csv'), 'https://jira.acme.example/jira');
    expect(dc.rows[0]!.link.url).toBe('https://jira.acme.example/jira/browse/NS-12');
  });

  it('refuses a base URL that is not a web address, and a file that is not a Jira export', () => {
    expect(parseJiraCsv(fixture('jira-issues.csv'), 'acme').problems[0]!.message).toMatch(/must be a web address/);
    expect(parseJiraCsv(fixture('asana-tasks.csv'), 'https://acme.atlassian.net').problems[0]!.message).toMatch(
      /no "Issue key"/,
    );
  });
});

describe('a Linear CSV export', () => {
  const result = parseLinearCsv(fixture('linear-issues.csv'), 'acme');

  it('links each issue in the given workspace, as the Linear adapter does', () => {
    expect(result.rows.map((row) => row.link)).toEqual([
      { site: 'linear', key: 'ENG-101', url: 'https://linear.app/acme/issue/ENG-101' },
      { site: 'linear', key: 'ENG-102', url: 'https://linear.app/acme/issue/ENG-102' },
      { site: 'linear', key: 'ENG-103', url: 'https://linear.app/acme/issue/ENG-103' },
    ]);
  });

  it('splits labels at ", " and keeps the estimate and cycle as fields', () => {
    expect(result.rows[0]!.labels).toEqual(['Weekly active teams', 'Improvement']);
    expect(result.rows[0]!.fields).toMatchObject({
      Estimate: '3',
      Priority: 'High',
      'Cycle Name': 'Cycle 7',
      Project: 'Search',
    });
  });

  it('reads Completed and Canceled timestamps as shipped and dropped', () => {
    expect(result.rows.map((row) => row.status)).toEqual(['in-progress', 'shipped', 'dropped']);
  });

  it('takes off the quote Linear puts before formula-looking text, and keeps it as text', () => {
    expect(result.rows[1]!.title).toBe("=cmd|' /C calc'!A0");
  });

  it('refuses a workspace that is not one', () => {
    expect(parseLinearCsv(fixture('linear-issues.csv'), 'a b/c').problems[0]!.message).toMatch(
      /linear.app\/<workspace>/,
    );
  });
});

describe('GitHub issues as gh issue list --json prints them', () => {
  const result = parseGhIssueJson(fixture('github-issues.json'));

  it('links each issue as the GitHub adapter does (lower-cased owner/repo#number)', () => {
    expect(result.rows.map((row) => row.link)).toEqual([
      { site: 'github', key: 'acme/north-star#42', url: 'https://github.com/acme/north-star/issues/42' },
      { site: 'github', key: 'acme/north-star#7', url: 'https://github.com/acme/north-star/issues/7' },
    ]);
  });

  it('reads label names and OPEN/CLOSED states, and leaves out an entry that is not a GitHub issue', () => {
    expect(result.rows[0]!.labels).toEqual(['weekly active teams', 'enhancement']);
    expect(result.rows.map((row) => row.status)).toEqual(['idea', 'shipped']);
    expect(result.problems).toEqual([{ line: 3, column: 0, message: expect.stringMatching(/not an issue/) }]);
  });

  it('says when the text is not JSON', () => {
    expect(parseGhIssueJson('number,title\n1,x').problems[0]!.message).toMatch(/not JSON/);
  });
});

describe('a GitHub Project view export', () => {
  const result = parseGitHubProjectExport(fixture('github-project.tsv'));

  it('reads the tab-separated view, linking issues and pull requests', () => {
    expect(result.rows.map((row) => [row.link.key, row.status, row.labels])).toEqual([
      ['acme/north-star#42', 'in-progress', ['weekly active teams', 'enhancement']],
      ['acme/north-star#51', 'shipped', []],
    ]);
    expect(result.rows[0]!.fields).toEqual({
      Assignees: 'octo',
      Repository: 'Acme/North-Star',
      Milestone: 'Q3',
      Estimate: '5',
    });
  });

  it('leaves out a draft item, which names no issue, and says so', () => {
    expect(result.problems).toEqual([{ line: 3, column: 2, message: 'a draft item names no issue; left out' }]);
  });
});

describe('an Asana CSV export', () => {
  const result = parseAsanaCsv(fixture('asana-tasks.csv'));

  it('links each task by its gid, as the Asana adapter does', () => {
    expect(result.rows.map((row) => row.link)).toEqual([
      { site: 'asana', key: '1204567890123456', url: 'https://app.asana.com/0/0/1204567890123456/f' },
      { site: 'asana', key: '1204567890123457', url: 'https://app.asana.com/0/0/1204567890123457/f' },
    ]);
    expect(result.problems).toEqual([
      { line: 4, column: 1, message: '"not-a-gid" is not an Asana task ID; the row is left out' },
    ]);
  });

  it('splits tags at commas and keeps custom fields such as Reach and Effort', () => {
    expect(result.rows[0]!.labels).toEqual(['Weekly active teams', 'growth']);
    expect(result.rows[0]!.fields).toMatchObject({ Reach: '1500', Effort: '2', 'Section/Column': 'Doing' });
  });

  it('reads a completed task as shipped whatever its section', () => {
    expect(result.rows.map((row) => row.status)).toEqual(['in-progress', 'shipped']);
  });
});

describe('a Trello board JSON export', () => {
  const result = parseTrelloJson(fixture('trello-board.json'));

  it('links cards by shortLink (or their short URL), as the Trello adapter does', () => {
    expect(result.rows.map((row) => row.link)).toEqual([
      { site: 'trello', key: 'AbCdEf12', url: 'https://trello.com/c/AbCdEf12' },
      { site: 'trello', key: 'ZyXwVu98', url: 'https://trello.com/c/ZyXwVu98' },
      { site: 'trello', key: 'QwErTy34', url: 'https://trello.com/c/QwErTy34' },
    ]);
    expect(result.problems).toEqual([{ line: 4, column: 0, message: expect.stringMatching(/no link/) }]);
  });

  it('takes status from the list, an archived card in an unknown list as dropped', () => {
    expect(result.rows.map((row) => [row.status, row.statusText])).toEqual([
      ['in-progress', 'Doing'],
      ['dropped', 'Parked for later (archived)'],
      ['shipped', 'Shipped'],
    ]);
  });

  it('keeps named labels and custom field values by their field names', () => {
    expect(result.rows[0]!.labels).toEqual(['Weekly active teams']);
    expect(result.rows[0]!.fields).toEqual({ Reach: '800', Effort: '1.5' });
  });

  it('says when the JSON is not a board', () => {
    expect(parseTrelloJson('{"name":"x"}').problems[0]!.message).toMatch(/not a Trello board/);
  });
});

describe('tracker files that hold nothing to import', () => {
  it('an empty file and a header-only file say so', () => {
    expect(parseAsanaCsv('').problems).toEqual([{ line: 0, column: 0, message: 'The file is empty.' }]);
    expect(parseLinearCsv('ID,Team,Title\r\n', 'acme').problems).toEqual([
      { line: 1, column: 0, message: 'The file has a header row but no data rows.' },
    ]);
  });
});
