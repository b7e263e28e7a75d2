/**
 * The person behind this browser's replicas: one display name, kept in the settings and
 * given to every share, so it is typed once and a share joined later starts with it.
 * Renaming gives each share the new name (a stamped change, published with its next sync).
 */
import type { ShareStatus } from '../../domain/sharing/share-record';
import { listShares, type LensDb, updateSettings } from '../../storage';
import { type LoopOptions, setDisplayName, shareStatuses } from './share-loop';

export async function setPersonName(db: LensDb, name: string, options: LoopOptions = {}): Promise<ShareStatus[]> {
  await updateSettings(db, { displayName: name });
  for (const share of await listShares(db)) {
    if (share.displayName !== name) await setDisplayName(db, share.treeId, name, options);
  }
  return shareStatuses(db);
}

/** After a share was started or joined under `name`: that is the person's name from then on. */
export async function rememberPersonName(db: LensDb, name: string): Promise<void> {
  await updateSettings(db, { displayName: name });
}
