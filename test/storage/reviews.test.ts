import { afterEach, describe, expect, it, vi } from 'vitest';
import { addReview, createTree, listHistory, listReviews, updateMetric } from '../../lib/storage';
import { freshDb, seedTree } from './fresh-db';

const ANSWERS = {
  customerValue: true,
  leadsRevenue: false,
  reflectsStrategy: true,
  understandable: true,
  measurable: true,
  actionable: false,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('addReview', () => {
  it('records the checklist answers, dated now', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    vi.spyOn(Date, 'now').mockReturnValue(5_000);
    const review = await addReview(db, { treeId: tree.id, answers: ANSWERS, note: 'revenue lags' });
    expect(review).toEqual({
      id: expect.any(String),
      treeId: tree.id,
      at: 5_000,
      answers: ANSWERS,
      note: 'revenue lags',
      updatedAt: 5_000,
    });
    expect(await listReviews(db, tree.id)).toEqual([review]);
  });

  it('refuses a tree that does not exist', async () => {
    const db = await freshDb();
    await expect(addReview(db, { treeId: 'gone', answers: ANSWERS, note: '' })).rejects.toMatchObject({
      code: 'invalid',
      path: 'treeId',
    });
  });

  it('refuses answers with a question missing', async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    const { actionable: _left, ...partial } = ANSWERS;
    await expect(addReview(db, { treeId: tree.id, answers: partial as typeof ANSWERS })).rejects.toMatchObject({
      code: 'invalid',
      path: 'answers.actionable',
    });
    expect(await listReviews(db, tree.id)).toEqual([]);
  });
});

describe('listReviews', () => {
  it("lists one tree's reviews, oldest first", async () => {
    const db = await freshDb();
    const tree = await createTree(db, { name: 'Acme' });
    const other = await createTree(db, { name: 'Other' });
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(2_000);
    await addReview(db, { treeId: tree.id, answers: ANSWERS, note: 'second' });
    now.mockReturnValue(1_000);
    await addReview(db, { treeId: tree.id, answers: ANSWERS, note: 'first' });
    await addReview(db, { treeId: other.id, answers: ANSWERS, note: 'elsewhere' });
    expect((await listReviews(db, tree.id)).map((r) => r.note)).toEqual(['first', 'second']);
  });
});

describe('listHistory', () => {
  it("lists one tree's NSM changes, oldest first", async () => {
    const db = await freshDb();
    const { tree, nsm } = await seedTree(db);
    const other = await seedTree(db, 'Other');
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000);
    await updateMetric(db, nsm.id, { name: 'Weekly active accounts' });
    now.mockReturnValue(2_000);
    await updateMetric(db, nsm.id, { name: 'Weekly active workspaces' });
    await updateMetric(db, other.nsm.id, { name: 'Something else' });
    expect((await listHistory(db, tree.id)).map((h) => [h.at, h.from, h.to])).toEqual([
      [1_000, 'Weekly active teams', 'Weekly active accounts'],
      [2_000, 'Weekly active accounts', 'Weekly active workspaces'],
    ]);
  });
});
