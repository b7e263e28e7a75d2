/**
 * The handlers of the sharing requests (lib/messaging/requests/sharing.ts), joined into
 * the handler table. The credentials a request carries go into the shares store and to
 * the share's address only; every answer is a status without them.
 */
import type { HandlerTable } from '../handler-table';
import { itemMarks } from './share-marks';
import { joinShareFile, leaveShare, setDisplayName, shareStatuses, startShare, syncShare } from './share-loop';
import { loopOptions, sharesChanged, syncAll } from './share-schedule';

type SharingHandlers = Pick<
  HandlerTable,
  | 'share.start'
  | 'share.join'
  | 'share.leave'
  | 'share.syncNow'
  | 'share.setDisplayName'
  | 'share.status'
  | 'share.marks'
>;

export const SHARING_HANDLERS: SharingHandlers = {
  'share.start': async (req, { db }) => {
    const outcome = await startShare(db, req, loopOptions(db));
    await sharesChanged(db, req.treeId);
    return outcome;
  },
  'share.join': async (req, { db }) => {
    const outcome = await joinShareFile(db, req, loopOptions(db));
    if (outcome.ok) await sharesChanged(db, outcome.status.treeId);
    return outcome;
  },
  'share.leave': async (req, { db }) => {
    await leaveShare(db, req.treeId);
    await sharesChanged(db, req.treeId);
    return null;
  },
  'share.syncNow': (req, { db }) => syncShare(db, req.treeId, true, loopOptions(db)),
  'share.setDisplayName': (req, { db }) => setDisplayName(db, req.treeId, req.name),
  // The dashboard asks as it opens: the files are pulled too, at most once a minute.
  'share.status': async (_req, { db }) => {
    void syncAll(db, 'open').catch(() => undefined);
    return shareStatuses(db);
  },
  'share.marks': (req, { db }) => itemMarks(db, req.treeId),
};
