/**
 * When shared files are pulled and published (docs/sharing.md): when the browser starts;
 * when a panel or the dashboard opens, at most once a minute; every 5 minutes by an alarm
 * (kept while at least one share exists); and a few seconds after local edits stop, so a
 * burst of edits is one publish. Timers live in the worker's memory: a worker stopped
 * before one fires loses nothing, since the next sync finds the edits by comparing the
 * records with the shared state (local-changes.ts).
 */
import { browser } from 'wxt/browser';
import type { Id, WorkspacePart } from '../../domain/types';
import { listShares, type LensDb } from '../../storage';
import { broadcastChange } from '../broadcast';
import { cacheFor } from '../dispatch';
import { type LoopOptions, syncShare } from './share-loop';
import { recordsEdited } from './share-memory';

export const PULL_ALARM = 'nsl-share-pull';
export const PULL_EVERY_MINUTES = 5;
export const OPEN_PULL_GAP_MS = 60_000;
export const PUBLISH_AFTER_MS = 3_000;
/** Past Apache's weak-ETag second (share-sync.ts), so the file read back comes with a strong tag. */
export const READ_BACK_AFTER_MS = 1_500;

export type PullReason = 'startup' | 'open' | 'alarm' | 'edit';

let lastOpenPull = 0;
let publishTimer: ReturnType<typeof setTimeout> | null = null;

/** The options every sync from the background runs with: the derived copy kept in step, views told. */
export function loopOptions(db: LensDb): LoopOptions {
  const cache = cacheFor(db);
  return {
    writing: (started) => (started ? cache.writeStarted() : cache.writeEnded()),
    afterSync: (_db, changed) => {
      cache.drop();
      const parts: WorkspacePart[] = [];
      if (changed.trees) parts.push('trees');
      if (changed.metrics) parts.push('metrics');
      if (changed.items) parts.push('items');
      // The status line changed even when no record did.
      void broadcastChange(parts.length > 0 ? parts : ['trees']);
    },
    // The file just written is read back once its ETag is strong: the bytes are compared
    // with those written, not merged, and the tag kept, so the next publish is a 304.
    afterPublish: (treeId) => {
      setTimeout(() => void syncShare(db, treeId, false, loopOptions(db)).catch(() => undefined), READ_BACK_AFTER_MS);
    },
  };
}

/** Syncs every share (an editor publishes what it has); 'open' pulls at most once a minute. */
export async function syncAll(db: LensDb, why: PullReason): Promise<void> {
  if (why === 'open') {
    if (Date.now() - lastOpenPull < OPEN_PULL_GAP_MS) return;
    lastOpenPull = Date.now();
  }
  const shares = await listShares(db);
  const wanted = why === 'edit' ? shares.filter((share) => share.mode === 'editor') : shares;
  await Promise.all(wanted.map((share) => syncShare(db, share.treeId, false, loopOptions(db))));
  await keepPullAlarm(shares.length > 0);
}

/** After a committed local edit: publish once edits have stopped for a few seconds. */
export function localEditMade(database: () => Promise<LensDb>): void {
  recordsEdited();
  if (publishTimer !== null) clearTimeout(publishTimer);
  publishTimer = setTimeout(() => {
    publishTimer = null;
    void database()
      .then((db) => syncAll(db, 'edit'))
      .catch(() => undefined);
  }, PUBLISH_AFTER_MS);
}

/** The 5-minute alarm exists exactly while something is shared. */
export async function keepPullAlarm(wanted: boolean): Promise<void> {
  const alarms = browser.alarms;
  if (!alarms) return;
  const existing = await alarms.get(PULL_ALARM);
  if (wanted && !existing) await alarms.create(PULL_ALARM, { periodInMinutes: PULL_EVERY_MINUTES });
  if (!wanted && existing) await alarms.clear(PULL_ALARM);
}

/** After a share was started, joined or left. */
export async function sharesChanged(db: LensDb, _treeId: Id): Promise<void> {
  await keepPullAlarm((await listShares(db)).length > 0);
}
