import { describe, expect, it } from 'vitest';
import { parseSharedFile, readSharedFile } from '../../../lib/domain/sharing/shared-file';
import { joinSharedFile, publish, pullSharedFile, type Replica, startSharing } from '../../../lib/domain/sharing/sync';
import { sharedView } from '../../../lib/domain/sharing/view';
import { item } from '../builders';
import { DAY, edit, MINUTE, startingRecords, T } from './helpers';

function published(replica: Replica, remote: string | null, now: number): { replica: Replica; text: string } {
  const result = publish(replica, remote, now);
  if (!result.ok) throw new Error(`${result.path}: ${result.message}`);
  if (result.text === null) throw new Error('expected something to publish');
  return { replica: result.replica, text: result.text };
}

function joined(text: string, id: string, name: string, now: number): Replica {
  const result = joinSharedFile(text, id, name, now);
  if (!result.ok) throw new Error(`${result.path}: ${result.message}`);
  return result.replica;
}

function pulled(replica: Replica, text: string, now: number): Replica {
  const result = pullSharedFile(replica, text, now);
  if (!result.ok) throw new Error(`${result.path}: ${result.message}`);
  return result.replica;
}

function itemIds(replica: Replica): string[] {
  return sharedView(replica.state).items.map((i) => i.id);
}

function fileState(text: string) {
  const parsed = parseSharedFile(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return readSharedFile(parsed.file);
}

/** Ana shares at T; Ben joins; Ana deletes i2 at T + 1 day and publishes. */
function deletedAtDayOne() {
  const first = published(startSharing(startingRecords(), 'ana', 'Ana', T), null, T);
  const ben = joined(first.text, 'ben', 'Ben', T + MINUTE);
  const ana = edit(first.replica, T + DAY, { kind: 'delete-item', id: 'i2' });
  const second = published(ana, first.text, T + DAY);
  return { first, ben, ana: second.replica, text: second.text };
}

describe('publish', () => {
  it('stamps new tombstones and its own seen with the publish, and has nothing to say twice', () => {
    const { ana, text } = deletedAtDayOne();
    const file = fileState(text);
    expect(file.deletedItems.get('i2')?.published).toEqual(ana.clock);
    expect(file.people.get('ana')?.seen).toEqual(ana.clock);
    expect(publish(ana, text, T + DAY + MINUTE)).toMatchObject({ ok: true, text: null });
  });
});

describe('pruning tombstones', () => {
  it('keeps a tombstone for 90 days after it was published, then drops it', () => {
    const { ana, text } = deletedAtDayOne();
    const edited = edit(ana, T + 90 * DAY, { kind: 'put-tree', tree: { name: 'Acme 2', game: null } });
    const early = published(edited, text, T + 90 * DAY);
    expect(fileState(early.text).deletedItems.has('i2')).toBe(true);
    const later = edit(early.replica, T + 92 * DAY, { kind: 'put-tree', tree: { name: 'Acme 3', game: null } });
    const late = fileState(published(later, early.text, T + 92 * DAY).text);
    expect(late.deletedItems.has('i2')).toBe(false);
    expect(late.prunedThrough).not.toBeNull();
  });

  it('counts the 90 days from the publish, not from a deletion made offline long before', () => {
    const { first, ben } = deletedAtDayOne();
    const offline = edit(ben, T + 2 * DAY, { kind: 'delete-item', id: 'i1' });
    const late = published(offline, first.text, T + 100 * DAY);
    expect(fileState(late.text).deletedItems.get('i1')?.published?.[0]).toBe(T + 100 * DAY);
    const again = edit(late.replica, T + 101 * DAY, { kind: 'put-tree', tree: { name: 'x', game: null } });
    expect(fileState(published(again, late.text, T + 101 * DAY).text).deletedItems.has('i1')).toBe(true);
  });

  it('a replica away longer cannot resurrect the pruned item, and keeps what it did since', () => {
    const { ben, ana, text } = deletedAtDayOne();
    // Ben still holds i2. He edited it on day 2, offline, and kept his laptop closed for months.
    const stale = edit(ben, T + 2 * DAY, {
      kind: 'put-item',
      item: { ...sharedView(ben.state).items.find((i) => i.id === 'i2')!, notes: 'still wanted' },
    });
    const later = edit(ana, T + 95 * DAY, { kind: 'put-tree', tree: { name: 'Acme 2', game: null } });
    const pruned = published(later, text, T + 95 * DAY).text;
    expect(fileState(pruned).deletedItems.has('i2')).toBe(false);
    const back = edit(stale, T + 120 * DAY, { kind: 'put-item', item: item({ id: 'ben-new', title: 'New idea' }) });
    const merged = pulled(back, pruned, T + 120 * DAY);
    expect(itemIds(merged)).toEqual(['ben-new', 'i1']);
    expect(itemIds({ ...merged, state: fileState(published(back, pruned, T + 120 * DAY).text) })).toEqual([
      'ben-new',
      'i1',
    ]);
  });

  it('an old backup of the file put back on the server cannot resurrect a pruned item either', () => {
    const { first, ana, text } = deletedAtDayOne();
    const later = edit(ana, T + 95 * DAY, { kind: 'put-tree', tree: { name: 'Acme 2', game: null } });
    const pruned = published(later, text, T + 95 * DAY);
    expect(itemIds(pulled(pruned.replica, first.text, T + 96 * DAY))).toEqual(['i1']);
  });
});
