/** Who last changed each item of a shared tree and who tagged it: "tagged by Ana · 3 min ago". */
import type { ItemMarks } from '../../domain/sharing/share-record';
import type { SharedState } from '../../domain/sharing/state';
import { lastChange } from '../../domain/sharing/view';
import type { Id } from '../../domain/types';
import { getShare, type LensDb } from '../../storage';

/** Empty for a tree that is not shared: its changes are all the person's own. */
export async function itemMarks(db: LensDb, treeId: Id): Promise<Record<Id, ItemMarks>> {
  const share = await getShare(db, treeId);
  if (!share) return {};
  const marks: Record<Id, ItemMarks> = {};
  for (const id of share.state.items.keys()) {
    const found = marksIn(share.state, id);
    if (found) marks[id] = found;
  }
  return marks;
}

/** One item's marks, for the open panel; null when its tree is not shared or the file lacks it. */
export async function marksOfItem(db: LensDb, treeId: Id, itemId: Id): Promise<ItemMarks | null> {
  const share = await getShare(db, treeId);
  return share ? marksIn(share.state, itemId) : null;
}

function marksIn(state: SharedState, id: Id): ItemMarks | null {
  const record = state.items.get(id);
  const changed = record ? lastChange(state, 'items', id) : null;
  if (!record || !changed) return null;
  const tagged = record.fields.inputMetricId === null ? null : lastChange(state, 'items', id, 'inputMetricId');
  return { changed, tagged };
}
