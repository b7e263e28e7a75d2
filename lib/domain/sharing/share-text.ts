/**
 * What the views say about a share: the tree header's status line ("Shared · synced 3 min
 * ago", or what is wrong) and who changed an item ("tagged by Ana · 3 min ago").
 */
import type { ShareStatus } from './share-record';
import type { ChangeMark } from './view';

/** "just now", "3 min ago", "2 h ago", "4 days ago"; a time in the future (a clock ahead) is "just now". */
export function sinceText(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** The wall-clock time of `at` as hours and minutes, or the date when it was another day. */
function copyTime(at: number, now: number): string {
  const when = new Date(at);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  const hh = String(when.getHours()).padStart(2, '0');
  const mm = String(when.getMinutes()).padStart(2, '0');
  return sameDay ? `${hh}:${mm}` : `${when.toISOString().slice(0, 10)} ${hh}:${mm}`;
}

export function shareStatusText(status: ShareStatus, now: number): { text: string; problem: boolean } {
  const role = status.mode === 'reader' ? 'Shared, read only' : 'Shared';
  const { problem } = status;
  if (!problem) {
    const synced = status.syncedAt === null ? 'not synced yet' : `synced ${sinceText(status.syncedAt, now)}`;
    const waiting = status.pending ? ' · your changes are waiting to be published' : '';
    return { text: `${role} · ${synced}${waiting}`, problem: false };
  }
  const copy =
    status.syncedAt === null ? 'showing the local copy' : `showing the copy from ${copyTime(status.syncedAt, now)}`;
  const reason = problem.code === 'offline' ? 'offline' : problem.message;
  return { text: `${role} · ${reason}, ${copy}`, problem: true };
}

export function markText(verb: 'tagged' | 'changed', mark: ChangeMark, now: number): string {
  return `${verb} by ${mark.by} · ${sinceText(mark.at, now)}`;
}
