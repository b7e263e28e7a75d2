/** Who last changed each item of a shared tree and who tagged it: "tagged by Ana · 3 min ago". */
import type { ItemMarks, SharedHead } from '../../domain/sharing/share-record';
import type { SharedItem, SharedState } from '../../domain/sharing/state';
import { lastChange } from '../../domain/sharing/view';
import type { Id } from '../../domain/types';
import { getShareState, getSharedItemOf, type LensDb } from '../../storage';
import { keptCopy } from './share-copy';

/** Empty for a tree that is not shared: its changes are all the person's own. */
export async function itemMarks(db: LensDb, treeId: Id): Promise<Record<Id, ItemMarks>> {
  const found = await getShareState(db, treeId, keptCopy(db, treeId));
  if (!found) return {};
  const marks: Record<Id, ItemMarks> = {};
  for (const [id, record] of found.state.items) {
    const marked = marksIn(found.state, record);
    if (marked) marks[id] = marked;
  }
  return marks;
}

/**
 * One item's marks, for the open panel; null when its tree is not shared or the file lacks
 * it. Reads that item's shared record and the share, not the whole state.
 */
export async function marksOfItem(db: LensDb, treeId: Id, itemId: Id): Promise<ItemMarks | null> {
  const found = await getSharedItemOf(db, treeId, itemId);
  if (!found?.item) return null;
  return marksIn(oneItemState(found.share.head, found.item), found.item);
}

/** Enough of a state for lastChange on one item: its record and the people. */
function oneItemState(head: SharedHead, item: SharedItem): SharedState {
  const none = new Map();
  return { ...head, metrics: none, items: new Map([[item.id, item]]), deletedMetrics: none, deletedItems: none };
}

function marksIn(state: SharedState, record: SharedItem): ItemMarks | null {
  const changed = lastChange(state, 'items', record.id);
  if (!changed) return null;
  const tagged = record.fields.inputMetricId === null ? null : lastChange(state, 'items', record.id, 'inputMetricId');
  return { changed, tagged };
}
