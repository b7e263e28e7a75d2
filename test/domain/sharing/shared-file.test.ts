import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { merge } from '../../../lib/domain/sharing/merge';
import { parseSharedFile, readSharedFile, toSharedFile } from '../../../lib/domain/sharing/shared-file';
import { MAX_SHARED_BYTES, MAX_SHARED_RECORDS } from '../../../lib/domain/sharing/shared-file-schema';
import { joinSharedFile, pullSharedFile } from '../../../lib/domain/sharing/sync';
import { DAY, edit, HOUR, MINUTE, T, team } from './helpers';

function document(): Record<string, any> {
  const { ana, ben } = team();
  const tagged = edit(ben, T + MINUTE, { kind: 'delete-item', id: 'i2' });
  return JSON.parse(toSharedFile(merge(ana.state, tagged.state)));
}

function refusal(doc: unknown): { path: string; message: string } {
  const result = parseSharedFile(typeof doc === 'string' ? doc : JSON.stringify(doc));
  if (result.ok) throw new Error('expected the file to be refused');
  return { path: result.path, message: result.message };
}

describe('toSharedFile', () => {
  it('writes equal states as identical text, whatever order their maps were filled in', () => {
    const { ana, ben } = team();
    const b = edit(ben, T + MINUTE, { kind: 'delete-metric', id: 'in2' });
    expect(toSharedFile(merge(ana.state, b.state))).toBe(toSharedFile(merge(b.state, ana.state)));
  });

  it('sorts keys and records, one record per line', () => {
    const text = toSharedFile(team().ana.state);
    const lines = text.split('\n');
    expect(lines[1]).toBe('"app": "north-star-lens",');
    expect(lines.filter((l) => l.startsWith('  {"created"')).length).toBe(5);
  });
});

describe('parseSharedFile', () => {
  it('accepts what toSharedFile wrote and reads back the same state', () => {
    const text = JSON.stringify(document());
    const parsed = parseSharedFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(toSharedFile(readSharedFile(parsed.file))).toBe(toSharedFile(readSharedFile(parsed.file)));
    expect(readSharedFile(parsed.file).deletedItems.has('i2')).toBe(true);
  });

  it('accepts the example in docs/sharing.md', () => {
    const doc = readFileSync(new URL('../../../docs/sharing.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(parseSharedFile(example!)).toMatchObject({ ok: true });
  });

  it.each<[string, (doc: Record<string, any>) => unknown, string, RegExp | string]>([
    ['text that is not JSON', () => '{"app":', '', 'the shared file is not valid JSON'],
    ['an export file', (d) => ((d.kind = undefined), d), 'kind', /not a shared tree/],
    ['a newer format', (d) => ((d.formatVersion = 3), d), 'formatVersion', /newer version/],
    ['another app', (d) => ((d.app = 'x'), d), 'app', /not a North Star Lens file/],
    ['a missing field', (d) => (delete d.items[0].fields.notes, d), 'items[0].fields.notes', 'is missing'],
    ['an unknown field', (d) => ((d.items[0].extra = 1), d), 'items[0].extra', 'is not a known field'],
    [
      '__proto__ in a record',
      (d) => JSON.stringify(d).replace('{"created"', '{"__proto__":{},"created"'),
      'items[0].__proto__',
      'is not a known field',
    ],
    ['a non-finite effort', (d) => ((d.items[0].fields.effort = '1e999'), d), 'items[0].fields.effort', /must be/],
    [
      'a stamp of the wrong shape',
      (d) => ((d.items[0].stamps.title = [T, 0]), d),
      'items[0].stamps.title',
      /must be a stamp/,
    ],
    [
      'a javascript: link',
      (d) => ((d.items[0].links = [{ key: 'web:x', value: 'javascript:alert(1)', at: [T, 0, 'ana'] }]), d),
      'items[0].links[0].value',
      /URL|http/,
    ],
    [
      'a link on an unknown site',
      (d) => ((d.items[0].links = [{ key: 'evil:x', value: null, at: [T, 0, 'ana'] }]), d),
      'items[0].links[0].key',
      /site id/,
    ],
    ['the same id twice', (d) => (d.items.push(d.items[0]), d), 'items[1].id', 'the same id appears twice'],
    [
      'a record both present and deleted',
      (d) => ((d.deletedItems[0].id = 'i1'), d),
      'deletedItems[0].id',
      /both present and deleted/,
    ],
    [
      'a stamp of an unlisted replica',
      (d) => ((d.items[0].stamps.notes = [T, 0, 'mallory']), d),
      'items[0].stamps.notes',
      /"mallory".*not listed/,
    ],
    ['a name stamped by someone else', (d) => ((d.people[0].named = [T, 0, 'ben']), d), 'people[0].named', /own stamp/],
  ])('refuses %s, naming the field', (_what, breakIt, path, message) => {
    expect(refusal(breakIt(document()))).toEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses an oversized file before reading it, and too many records before checking them', () => {
    expect(refusal(' '.repeat(MAX_SHARED_BYTES + 1)).message).toMatch(/larger than 32 MiB/);
    const doc = document();
    doc.metrics = Array.from({ length: MAX_SHARED_RECORDS.metrics + 1 }, () => 0);
    expect(refusal(doc)).toEqual({ path: 'metrics', message: expect.stringMatching(/at most 20000/) });
  });
});

describe('receiving a file', () => {
  it('refuses stamps more than a day ahead of our clock, naming whose clock made them', () => {
    const { ana } = team();
    const future = edit(ana, T + 2 * DAY, { kind: 'put-tree', tree: { name: 'Renamed', game: null } });
    const result = joinSharedFile(toSharedFile(future.state), 'ben', 'Ben', T);
    expect(result).toEqual({
      ok: false,
      path: 'tree.stamps.name',
      message: expect.stringMatching(/by Ana .* 48 hours ahead/),
    });
    expect(joinSharedFile(toSharedFile(future.state), 'ben', 'Ben', T + DAY + HOUR).ok).toBe(true);
  });

  it('refuses a file sharing another tree', () => {
    const { ana } = team();
    const other = JSON.parse(toSharedFile(ana.state));
    other.tree.id = 'other';
    expect(pullSharedFile(ana, JSON.stringify(other), T)).toMatchObject({ ok: false, path: 'tree.id' });
  });
});
