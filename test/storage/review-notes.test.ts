import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageError, deleteTree, listReviewNotes, readTreeLoop, setReviewNote } from '../../lib/storage';
import { freshDb, seedTree, storedData } from './fresh-db';

afterEach(() => {
  vi.useRealTimers();
});

describe('weekly review notes', () => {
  it('keep one note per tree and reviewed week: writing again replaces the text, the day held stays', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    // Week 10 reviewed on Monday 10 March (in week 11), its notes edited on Friday.
    const monday = await setReviewNote(db, tree.id, '2025-W10', '2025-03-10', 'Conversion dipped after the test.');
    const friday = await setReviewNote(db, tree.id, '2025-W10', '2025-03-14', 'Conversion dipped; test rolled back.');
    expect(friday).toMatchObject({
      id: monday?.id,
      week: '2025-W10',
      heldOn: '2025-03-10',
      text: 'Conversion dipped; test rolled back.',
    });
    expect(await listReviewNotes(db, tree.id)).toEqual([friday]);
  });

  it('refuse notes of a week held before it began, or of a week that does not exist, and store nothing', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const before = await storedData(db);
    for (const [week, day] of [
      ['2025-W12', '2025-03-14'],
      ['2025-W54', '2025-03-14'],
    ] as const) {
      const failure = await setReviewNote(db, tree.id, week, day, 'Too early').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).path).toBe('week');
    }
    expect(await storedData(db)).toEqual(before);
  });

  it('are listed latest week first and read with the rest of the loop', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const older = await setReviewNote(db, tree.id, '2025-W10', '2025-03-10', 'Week 10');
    const newer = await setReviewNote(db, tree.id, '2025-W11', '2025-03-17', 'Week 11');
    expect((await readTreeLoop(db, tree.id)).reviewNotes).toEqual([newer, older]);
  });

  it('blank text forgets the week’s note', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    await setReviewNote(db, tree.id, '2025-W11', '2025-03-10', 'Draft');
    expect(await setReviewNote(db, tree.id, '2025-W11', '2025-03-11', '   ')).toBeNull();
    expect(await listReviewNotes(db, tree.id)).toEqual([]);
  });

  it('refuse an unknown tree and change nothing', async () => {
    const db = await freshDb();
    await seedTree(db);
    const before = await storedData(db);
    const failure = await setReviewNote(db, 'no-such-tree', '2025-W11', '2025-03-10', 'x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).path).toBe('treeId');
    expect(await storedData(db)).toEqual(before);
  });

  it('go with their tree, and travel in the export', async () => {
    const db = await freshDb();
    const { tree } = await seedTree(db);
    const note = await setReviewNote(db, tree.id, '2025-W11', '2025-03-10', 'Kept');
    expect((await storedData(db)).reviewNotes).toEqual([note]);
    await deleteTree(db, tree.id);
    expect((await storedData(db)).reviewNotes).toEqual([]);
  });
});
