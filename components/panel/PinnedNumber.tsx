/**
 * "Pin this number" on a chart linked to a metric: pin the headline number with one click
 * on the page; later visits offer it for the current period in one click, or record it by
 * themselves when the user turned that on. State: lib/state/page/number-pin.ts.
 */
import { useEffect } from 'preact/hooks';
import { formatNumber } from '../../lib/domain/format';
import type { NumberPin } from '../../lib/domain/pinned-number';
import {
  capturePeriod,
  captureNote,
  chartPin,
  periodValue,
  pinProblem,
  pinnedReading,
  pinning,
  recordPinned,
  setAutoRecord,
  startPinning,
  stopPinning,
  undoCapture,
  unpin,
  watchPinnedNumber,
} from '../../lib/state/page/number-pin';

export function PinnedNumber() {
  const pin = chartPin.value;
  useEffect(() => stopPinning, []);
  return (
    <section class="pinned" aria-label="Pinned number" data-testid="pinned-number">
      {pinning.value ? <PinMode /> : pin ? <PinnedOffer pin={pin} /> : <NoPin />}
      {pinProblem.value && (
        <p class="field-error" role="alert">
          {pinProblem.value}
        </p>
      )}
      <CaptureNoteLine />
    </section>
  );
}

function NoPin() {
  return (
    <div class="pin-row">
      <button type="button" onClick={startPinning}>
        Pin this number
      </button>
      <span class="field-hint">Click the chart’s headline number once; later visits offer it in one click.</span>
    </div>
  );
}

function PinMode() {
  return (
    <div class="pin-row" role="status">
      <span class="pin-mode">Click the number to pin on the page…</span>
      <button type="button" onClick={stopPinning}>
        Cancel
      </button>
    </div>
  );
}

function PinnedOffer({ pin }: { pin: NumberPin }) {
  useEffect(() => watchPinnedNumber(pin), [pin]);
  const reading = pinnedReading.value;
  const period = capturePeriod.value;
  return (
    <div class="stack">
      {reading === undefined ? (
        <p class="muted">Looking for the pinned number beside “{pin.label}”…</p>
      ) : reading === null ? (
        <p class="pin-missing" data-testid="pin-missing">
          The pinned number beside “{pin.label}” is not on the page now: nothing recorded.
        </p>
      ) : periodValue.value === reading.value ? (
        <p data-testid="pin-recorded">
          {formatNumber(reading.value)} is recorded for {period}.
        </p>
      ) : (
        <button type="button" class="primary" data-testid="pin-offer" onClick={() => void recordPinned(reading.value)}>
          Record {formatNumber(reading.value)} for {period}
        </button>
      )}
      <div class="pin-row">
        <label class="check">
          <input
            type="checkbox"
            checked={pin.autoRecord}
            onChange={(e) => void setAutoRecord(e.currentTarget.checked)}
          />
          Record it on every visit
        </label>
        <button type="button" class="link" onClick={startPinning}>
          Pin another
        </button>
        <button type="button" class="link" onClick={() => void unpin()}>
          Unpin
        </button>
      </div>
    </div>
  );
}

function CaptureNoteLine() {
  const note = captureNote.value;
  if (!note) return null;
  return (
    <p class="capture-note" role="status" data-testid="capture-note">
      {note.text}
      {note.undo && (
        <>
          {' · '}
          <button type="button" class="link" onClick={() => void undoCapture()}>
            Undo
          </button>
        </>
      )}
    </p>
  );
}
