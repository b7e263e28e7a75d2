/**
 * Records a pinned number without the panel being opened: injected by the background
 * (lib/background/pin-capture.ts) only into a chart page whose metric has that number
 * pinned with "record it on every visit" on, after it left the job in the isolated world.
 * Watches the page until the number shows (charts render late), records it for its
 * period, and leaves what it did for the panel (its Undo). Not part of the content script.
 */
import type { RecordOutcome } from '../lib/domain/capture';
import { request } from '../lib/messaging/client';
import {
  CAPTURE_DONE,
  CAPTURE_JOB,
  CAPTURE_WAIT_MS,
  type CaptureDone,
  type CaptureJob,
  localDate,
} from '../lib/state/page/auto-capture';
import { watchForPinned } from '../lib/state/page/page-text';

export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const job = scope[CAPTURE_JOB] as CaptureJob | undefined;
  // Once per job: the background sets a new one for each page load it captures on.
  delete scope[CAPTURE_JOB];
  if (!job) return;
  const finish = (done: CaptureDone) => {
    scope[CAPTURE_DONE] = done;
  };
  const start = () =>
    watchForPinned(job.pin, document.body, CAPTURE_WAIT_MS, (found) => {
      if (!found) return finish({ found: false });
      void request({
        type: 'observation.record',
        metricId: job.metricId,
        at: localDate(),
        value: found.value,
        sourceUrl: job.sourceUrl,
      }).then(
        (record: RecordOutcome) => finish({ found: true, record }),
        (failure: unknown) => console.error('North Star Lens: the pinned number could not be recorded', failure),
      );
    });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
});
