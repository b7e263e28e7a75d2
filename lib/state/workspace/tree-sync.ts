/**
 * Loads the active tree into lib/state/workspace/tree.ts and keeps it in step with the
 * background's change notices. A large tree comes in pages: the settings, trees, metrics
 * and the first page of items first (the first screen), the rest streamed in after it.
 * A notice then changes only what it names: the item it carries is laid in place, a
 * removed item is dropped, and only the parts it names are read again; the whole tree is
 * read again only when a write changed items the notice does not carry (an import, a
 * metric removed).
 */
import { batch } from '@preact/signals-core';
import type { Id, Item, WorkspacePart } from '../../domain/types';
import { onWorkspaceChange, request } from '../../messaging/client';
import type { ChangeNotice, TreeSnapshot } from '../../messaging/protocol';
import { lintClock, treeLoadError, treeLoadState, treeSnapshot } from './tree';
import { followValueNeeds, holdValues, readValues } from './value-sync';

/** Enough rows for any first screen, and small enough to come within a frame or two at any size. */
export const FIRST_PAGE = 1_000;
/** About 3 MB per page: each one is taken in by the page without a long task. */
export const PAGE = 10_000;

/** What the tree's views show of the workspace, besides the items: read again when one of them changes. */
const TREE_PARTS: readonly WorkspacePart[] = ['trees', 'settings', 'metrics', 'reviews', 'history'];

let sequence = 0;
/** Items written while the pages stream in: laid in at once, and over a page that brings an older version. */
let writtenWhileStreaming: Map<Id, Item> | null = null;
/** Items removed while the pages stream in: a page read before the removal may still bring them. */
let removedWhileStreaming: Set<Id> | null = null;

const failed = (failure: unknown) =>
  batch(() => {
    treeLoadError.value = failure instanceof Error ? failure.message : String(failure);
    treeLoadState.value = 'error';
  });

/** The newer of two versions of one item. */
const newer = (a: Item, b: Item | undefined): Item => (b && b.updatedAt > a.updatedAt ? b : a);

export interface Pages {
  first: number;
  rest: number;
}
let pages: Pages = { first: FIRST_PAGE, rest: PAGE };

/** Reads the active tree again, items in pages; a newer call supersedes one still running. */
export async function reloadTree(): Promise<void> {
  const mine = ++sequence;
  writtenWhileStreaming = new Map();
  removedWhileStreaming = new Set();
  holdValues();
  try {
    const first = await request({ type: 'snapshot.get', itemsFrom: 0, itemsLimit: pages.first });
    if (mine !== sequence) return;
    batch(() => {
      treeSnapshot.value = first;
      lintClock.value = Date.now();
      treeLoadState.value = 'ready';
      treeLoadError.value = null;
    });
    await streamItems(mine, first);
    // After the items: read alongside them, the values held the worker up for seconds at 10,000 items.
    if (mine === sequence) void readValues();
  } catch (failure) {
    if (mine === sequence) failed(failure);
  }
}

/**
 * The pages after the first, each starting after the last key the previous one ended at
 * (the backlog's order: lib/background/backlog-pages.ts). An item not written meanwhile
 * comes exactly once; one written meanwhile the notice has already laid in, so a page's
 * copy of it only replaces an older version in place, and one removed meanwhile is dropped.
 */
async function streamItems(mine: number, first: TreeSnapshot): Promise<void> {
  let after = first.itemsEnd ?? null;
  while (first.tree && after) {
    const page = await request({
      type: 'snapshot.get',
      treeId: first.tree.id,
      itemsAfter: after,
      itemsLimit: pages.rest,
    });
    if (mine !== sequence) return;
    const snap = treeSnapshot.value;
    if (!snap) return;
    after = page.itemsEnd ?? null;
    treeSnapshot.value = {
      ...snap,
      items: withPage(snap.items, page.items, snap.tree?.id),
      itemCount: page.itemCount,
      itemsEnd: page.itemsEnd,
    };
  }
  const snap = treeSnapshot.value;
  writtenWhileStreaming = null;
  removedWhileStreaming = null;
  if (!snap || mine !== sequence) return;
  treeSnapshot.value = { ...snap, itemCount: snap.items.length, itemsEnd: null };
}

/** The items held with a page laid after them: see streamItems for the items written or removed meanwhile. */
function withPage(held: Item[], page: Item[], treeId: Id | undefined): Item[] {
  const written = writtenWhileStreaming;
  const removed = removedWhileStreaming;
  if (!written?.size && !removed?.size) return [...held, ...page];
  let items = held;
  const added: Item[] = [];
  for (const item of page) {
    if (removed?.has(item.id)) continue;
    const version = newer(item, written?.get(item.id));
    if (version.treeId !== treeId) continue;
    const at = written?.has(item.id) ? items.findIndex((i) => i.id === item.id) : -1;
    if (at < 0) added.push(version);
    else items = items.map((i, n) => (n === at ? newer(version, i) : i));
  }
  return [...items, ...added];
}

/** The settings, trees, metrics, reviews and history again, the items kept; a changed active tree reads all. */
async function reloadTreeParts(): Promise<void> {
  const mine = sequence;
  try {
    const parts = await request({ type: 'snapshot.get', itemsLimit: 0 });
    const snap = treeSnapshot.value;
    if (mine !== sequence || !snap) return;
    if (parts.tree?.id !== snap.tree?.id) {
      await reloadTree();
      return;
    }
    treeSnapshot.value = { ...parts, items: snap.items, itemCount: snap.itemCount, itemsEnd: snap.itemsEnd };
  } catch (failure) {
    if (mine === sequence) failed(failure);
  }
}

/** Lays the item a notice carries in place (or drops it, when it left the tree). */
function applyItem(item: Item): void {
  const snap = treeSnapshot.value;
  if (!snap) return;
  writtenWhileStreaming?.set(item.id, newer(item, writtenWhileStreaming.get(item.id)));
  const at = snap.items.findIndex((i) => i.id === item.id);
  const inTree = item.treeId === snap.tree?.id;
  if (at >= 0) {
    const items = inTree
      ? snap.items.map((i, n) => (n === at ? newer(item, i) : i))
      : snap.items.filter((i) => i.id !== item.id);
    treeSnapshot.value = { ...snap, items, itemCount: snap.itemCount - (inTree ? 0 : 1) };
  } else if (inTree) {
    treeSnapshot.value = { ...snap, items: [...snap.items, item], itemCount: snap.itemCount + 1 };
  }
}

function removeItem(id: Id): void {
  removedWhileStreaming?.add(id);
  const snap = treeSnapshot.value;
  if (!snap?.items.some((i) => i.id === id)) return;
  treeSnapshot.value = { ...snap, items: snap.items.filter((i) => i.id !== id), itemCount: snap.itemCount - 1 };
}

/**
 * What a change notice means for the tree: apply what it carries, read again only the
 * parts it names. While the items stream in, a change to items the notice does not carry
 * starts the stream again.
 */
export function applyNotice(notice: ChangeNotice): void {
  const parts = new Set(notice.stores);
  if (parts.has('items')) {
    if (notice.item) applyItem(notice.item);
    else if (notice.removedItemId) removeItem(notice.removedItemId);
    else {
      void reloadTree();
      return;
    }
  }
  if (TREE_PARTS.some((part) => parts.has(part))) void reloadTreeParts();
  // Only the metrics named; a new metric or period is read when the metrics come (value-sync.ts).
  if (parts.has('observations')) void readValues(notice.valuesChanged);
}

/** Loads now and after every committed change anywhere; returns the way to stop listening. */
export function startWorkspaceSync(pageSizes: Pages = { first: FIRST_PAGE, rest: PAGE }): () => void {
  pages = pageSizes;
  void reloadTree();
  const stopValues = followValueNeeds();
  const stopNotices = onWorkspaceChange(applyNotice);
  return () => {
    stopNotices();
    stopValues();
  };
}

export async function setActiveTree(treeId: Id): Promise<void> {
  await request({ type: 'settings.update', patch: { activeTreeId: treeId } });
  await reloadTree();
}
