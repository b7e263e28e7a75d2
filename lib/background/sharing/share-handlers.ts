/**
 * The handlers of the sharing requests (lib/messaging/requests/sharing.ts), joined into
 * the handler table. The credentials a request carries go into the shares store and to
 * the share's address only; every answer is a status without them.
 */
import type { HandlerTable } from '../handler-table';
import { itemMarks, marksOfItem } from './share-marks';
import { leaveShare, shareStatuses, syncShare } from './share-loop';
import { rememberPersonName, setPersonName } from './share-person';
import { loopOptions, sharesChanged, syncAll } from './share-schedule';
import { joinShareFile, startShare } from './share-start';

type SharingHandlers = Pick<
  HandlerTable,
  | 'share.start'
  | 'share.join'
  | 'share.leave'
  | 'share.syncNow'
  | 'share.setDisplayName'
  | 'share.status'
  | 'share.marks'
  | 'share.itemMarks'
>;

export const SHARING_HANDLERS: SharingHandlers = {
  'share.start': async (req, { db }) => {
    const outcome = await startShare(db, req, loopOptions(db));
    if (outcome.ok) await rememberPersonName(db, req.displayName);
    await sharesChanged(db, req.treeId);
    return outcome;
  },
  'share.join': async (req, { db }) => {
    const outcome = await joinShareFile(db, req, loopOptions(db));
    if (!outcome.ok) return outcome;
    await sharesChanged(db, outcome.status.treeId);
    // A reader never publishes: the name it subscribed under is not the person's choice.
    if (req.mode === 'editor') {
      await rememberPersonName(db, req.displayName);
      // The editor's name goes into the file now, not at the next pull up to 5 minutes later
      // (until then its status said its changes were waiting to be published).
      void syncShare(db, outcome.status.treeId, true, loopOptions(db)).catch(() => undefined);
    }
    return outcome;
  },
  'share.leave': async (req, { db }) => {
    await leaveShare(db, req.treeId);
    await sharesChanged(db, req.treeId);
    return null;
  },
  'share.syncNow': (req, { db }) => syncShare(db, req.treeId, true, loopOptions(db)),
  'share.setDisplayName': async (req, { db }) => {
    const statuses = await setPersonName(db, req.name);
    // Teammates see the new name as soon as it is published, not at the next pull.
    void syncAll(db, 'edit').catch(() => undefined);
    return statuses;
  },
  // The dashboard asks as it opens: the files are pulled too, at most once a minute.
  'share.status': async (_req, { db }) => {
    void syncAll(db, 'open').catch(() => undefined);
    return shareStatuses(db);
  },
  'share.marks': (req, { db }) => itemMarks(db, req.treeId),
  'share.itemMarks': (req, { db }) => marksOfItem(db, req.treeId, req.itemId),
};
