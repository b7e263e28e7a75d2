/**
 * What the background's auto-capture (entrypoints/pin-capture.ts) and the open panel
 * share in the page's isolated world: the job the background hands the script, and what
 * the script did, which the panel shows with its Undo when it opens.
 */
import type { RecordOutcome } from '../../domain/capture';

export { CAPTURE_JOB, type CaptureJob } from '../../domain/capture';

/** Set by the script when it is done. */
export const CAPTURE_DONE = '__northStarLensCaptured';

export type CaptureDone = { found: true; record: RecordOutcome } | { found: false };

/** How long the script watches a page that is still rendering for the pinned number. */
export const CAPTURE_WAIT_MS = 20_000;

/** Today in the user's time zone, YYYY-MM-DD: the day a capture is recorded for. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function takeCaptureDone(): CaptureDone | null {
  const scope = globalThis as Record<string, unknown>;
  const done = (scope[CAPTURE_DONE] as CaptureDone | undefined) ?? null;
  delete scope[CAPTURE_DONE];
  return done;
}
