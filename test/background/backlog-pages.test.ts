/**
 * The backlog's pages as the dashboard asks for them (`snapshot.get` with `itemsLimit`,
 * then `itemsAfter`), against the real background on fake IndexedDB: the first page is
 * the true top of the ranking whether or not the background has sorted every item yet,
 * the pages together are the whole ranking, and after writes (a retag, a new item, a
 * removal, many writes) the pages are what a fresh read of the database would rank.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cacheFor, handle, type StoredRequestType } from '../../lib/background/dispatch';
import { topOf } from '../../lib/background/backlog-pages';
import { WRITES_KEPT } from '../../lib/background/workspace-cache';
import { backlogKey, compareBacklogKeys, type BacklogKey } from '../../lib/domain/backlog-order';
import { rankItems } from '../../lib/domain/ranking';
import { metricById } from '../../lib/domain/tree';
import type { Id, Item } from '../../lib/domain/types';
import type { RequestOf } from '../../lib/messaging/protocol';
import { createItem, listItems, listMetrics, updateItem, type LensDb } from '../../lib/storage';
import { freshDb } from '../storage/fresh-db';

let db: LensDb;
const call = async <T extends StoredRequestType>(request: RequestOf<T>) => (await handle(db, request)).value;

/** Titles that tie in every way the ranking breaks ties: accents, case, the same words. */
const TITLES = ['Résumé export', 'resume export', 'Resume export', 'Idea 9', 'Idea 10', 'Zebra', 'apple'];

/**
 * A tree of `count` items in no useful order: scores that tie, efforts that tie, titles that
 * tie, some items missing an estimate and some linked to no input metric.
 */
async function seed(count: number) {
  const tree = await call({ type: 'tree.create', name: 'Product' });
  await call({ type: 'metric.create', treeId: tree.id, role: 'nsm', name: 'Weekly active teams' });
  const input = await call({ type: 'metric.create', treeId: tree.id, role: 'input', name: 'Invites' });
  for (let i = 0; i < count; i++) {
    const item = await createItem(db, {
      treeId: tree.id,
      title: TITLES[(i * 5) % TITLES.length]!,
      links: [],
      inputMetricId: i % 11 === 0 ? null : input.id,
    });
    const missing = i % 13 === 0;
    await updateItem(db, item.id, {
      rice: { reach: 100 * (1 + (i % 4)), impact: 1, confidence: 1, effort: missing ? null : 1 + ((i * 7) % 3) },
    });
  }
  return { tree, input };
}

/** The ranking a fresh read of the database gives: ranked, then unscored, then unlinked, as the backlog lists them. */
async function rankingFromDatabase(treeId: Id): Promise<Id[]> {
  const r = rankItems(await listItems(db, treeId), await listMetrics(db, treeId));
  return [...r.ranked.map((x) => x.item.id), ...r.unscored.map((x) => x.item.id), ...r.unlinked.map((i) => i.id)];
}

/** Every page as the dashboard reads them: the first, then each after the last key. */
async function readPages(treeId: Id, first: number, rest: number) {
  const pages: Item[][] = [];
  let page = await call({ type: 'snapshot.get', treeId, itemsFrom: 0, itemsLimit: first });
  pages.push(page.items);
  while (page.itemsEnd) {
    page = await call({ type: 'snapshot.get', treeId, itemsAfter: page.itemsEnd, itemsLimit: rest });
    pages.push(page.items);
  }
  return { pages, ids: pages.flat().map((i) => i.id), itemCount: page.itemCount };
}

beforeEach(async () => {
  db = await freshDb();
});

describe('the first page of the backlog', () => {
  it('is the top of the ranking as a fresh read ranks it, before the background sorted the others', async () => {
    const { tree } = await seed(150);
    const first = await call({ type: 'snapshot.get', treeId: tree.id, itemsFrom: 0, itemsLimit: 20 });
    expect(first.items.map((i) => i.id)).toEqual((await rankingFromDatabase(tree.id)).slice(0, 20));
    expect(first.itemCount).toBe(150);
    expect(first.itemsEnd?.id).toBe(first.items[19]!.id);
  });

  it('and the pages after it hold every item once, in the ranking’s order', async () => {
    const { tree } = await seed(150);
    const { pages, ids, itemCount } = await readPages(tree.id, 20, 40);
    expect(ids).toEqual(await rankingFromDatabase(tree.id));
    expect(pages.map((p) => p.length)).toEqual([20, 40, 40, 40, 10]);
    expect(itemCount).toBe(150);
  });

  it('is the whole tree when it holds fewer items than a page', async () => {
    const { tree } = await seed(12);
    const { pages, ids } = await readPages(tree.id, 20, 40);
    expect(pages).toHaveLength(1);
    expect(ids).toEqual(await rankingFromDatabase(tree.id));
  });
});

describe('the pages after writes', () => {
  async function readAndWrite() {
    const { tree, input } = await seed(120);
    await readPages(tree.id, 20, 40);
    const ids = await rankingFromDatabase(tree.id);
    return { tree, input, ids };
  }

  it('show a retagged item at its new place: raised to the top, lowered to the end', async () => {
    const { tree, ids } = await readAndWrite();
    const r = rankItems(await listItems(db, tree.id), await listMetrics(db, tree.id));
    // The last ranked item raised above every other; the third lowered to the unlinked ones.
    const [top, low] = [r.ranked.at(-1)!.item.id, ids[2]!];
    await call({ type: 'item.update', id: top, patch: { rice: { reach: 100_000, effort: 1 } } });
    await call({ type: 'item.update', id: low, patch: { inputMetricId: null } });
    const after = await readPages(tree.id, 20, 40);
    expect(after.ids[0]).toBe(top);
    // Unlinked, it leaves the ranked ones (one fewer now) and the unscored behind it: among the unlinked it may come first.
    expect(after.ids.indexOf(low)).toBeGreaterThanOrEqual(r.ranked.length - 1 + r.unscored.length);
    expect(after.ids).toEqual(await rankingFromDatabase(tree.id));
  });

  it('show a new item and drop a removed one', async () => {
    const { tree, input, ids } = await readAndWrite();
    const created = await call({
      type: 'item.create',
      treeId: tree.id,
      title: 'New idea',
      links: [],
      inputMetricId: input.id,
    });
    await call({
      type: 'item.update',
      id: created.id,
      patch: { rice: { reach: 250, impact: 1, confidence: 1, effort: 1 } },
    });
    await call({ type: 'item.delete', id: ids[5]! });
    const after = await readPages(tree.id, 20, 40);
    expect(after.ids).toContain(created.id);
    expect(after.ids).not.toContain(ids[5]);
    expect(after.itemCount).toBe(120);
    expect(after.ids).toEqual(await rankingFromDatabase(tree.id));
  });

  it('follow a batch of writes between two reads, as a teammate’s sync brings, and the writes after it', async () => {
    const { tree, ids } = await readAndWrite();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        const id = ids[(i * 3 + round) % ids.length]!;
        await call({ type: 'item.update', id, patch: { rice: { reach: 1 + ((i * 53 + round) % 700) } } });
      }
      expect((await readPages(tree.id, 20, 40)).ids).toEqual(await rankingFromDatabase(tree.id));
    }
  });

  it('are ranked afresh after more writes than the background follows one by one', async () => {
    const { tree, ids } = await readAndWrite();
    const writes = WRITES_KEPT + 5;
    for (let i = 0; i < writes; i++) {
      const id = ids[i % ids.length]!;
      await call({ type: 'item.update', id, patch: { rice: { reach: 1 + ((i * 37) % 500) } } });
    }
    expect((await readPages(tree.id, 20, 40)).ids).toEqual(await rankingFromDatabase(tree.id));
  }, 60_000);

  it('follow a write made between the first page and the next', async () => {
    const { tree, input } = await seed(120);
    const first = await call({ type: 'snapshot.get', treeId: tree.id, itemsFrom: 0, itemsLimit: 20 });
    const created = await call({
      type: 'item.create',
      treeId: tree.id,
      title: 'Late idea',
      links: [],
      inputMetricId: input.id,
    });
    const rest = await call({ type: 'snapshot.get', treeId: tree.id, itemsAfter: first.itemsEnd!, itemsLimit: 200 });
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(await rankingFromDatabase(tree.id));
    expect(rest.items.map((i) => i.id)).toContain(created.id);
    expect(cacheFor(db).ready).toBe(true);
  });
});

describe('the top of a list of keys', () => {
  it('is the first entries of the sorted list, whatever order the list is in', async () => {
    const { tree } = await seed(60);
    const metrics = metricById(await listMetrics(db, tree.id));
    const placed = (await listItems(db, tree.id)).map((item) => ({ key: backlogKey(item, metrics), item }));
    const byKey = (a: { key: BacklogKey }, b: { key: BacklogKey }) => compareBacklogKeys(a.key, b.key);
    const sorted = [...placed].sort(byKey);
    for (const list of [placed, [...sorted], [...sorted].reverse()]) {
      expect(topOf(list, 7)).toEqual(sorted.slice(0, 7));
      expect(topOf(list, 100)).toEqual(sorted);
    }
  });
});
