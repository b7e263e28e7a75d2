/** Who last changed each item of a shared tree and who tagged it: "tagged by Ana · 3 min ago". */
import type { ItemMarks } from '../../domain/sharing/share-record';
import { lastChange } from '../../domain/sharing/view';
import type { Id } from '../../domain/types';
import { getShare, type LensDb } from '../../storage';

/** Empty for a tree that is not shared: its changes are all the person's own. */
export async function itemMarks(db: LensDb, treeId: Id): Promise<Record<Id, ItemMarks>> {
  const share = await getShare(db, treeId);
  if (!share) return {};
  const marks: Record<Id, ItemMarks> = {};
  for (const [id, record] of share.state.items) {
    const changed = lastChange(share.state, 'items', id);
    if (!changed) continue;
    const tagged = record.fields.inputMetricId === null ? null : lastChange(share.state, 'items', id, 'inputMetricId');
    marks[id] = { changed, tagged };
  }
  return marks;
}
