/**
 * "Pin this number" in the open panel: pin mode (the next click on the page picks the
 * number), the pinned number as the page shows it now, recording it for its period, and
 * the last record with its undo. Part of the panel's code, not of the content script.
 */
import { computed, signal } from '@preact/signals-core';
import type { PreviousValue, RecordOutcome } from '../../domain/capture';
import { formatNumber } from '../../domain/format';
import { periodAround, periodLabel } from '../../domain/period';
import {
  type FoundNumber,
  type NumberPin,
  describePin,
  numberShape,
  pinFor,
  withPin,
} from '../../domain/pinned-number';
import { request } from '../../messaging/client';
import { localDate, takeCaptureDone } from './auto-capture';
import { chartMetric, chartObservations, entity, loadPage } from './page';
import { pieceInside, readPageText, watchForPinned } from './page-text';

/** The element the extension's own UI lives in (entrypoints/overlay): clicks on it are not pins. */
const OUR_HOST = 'north-star-lens';
/** How long the open panel waits for a chart that is still rendering before saying the number is missing. */
const PANEL_WAIT_MS = 4_000;

export const pinning = signal(false);
export const pinProblem = signal<string | null>(null);
/** The pinned number on the page now: undefined while still looking, null when it is not there. */
export const pinnedReading = signal<FoundNumber | null | undefined>(undefined);

export interface CaptureNote {
  text: string;
  undo: { id: string; metricId: string; at: string; previous: PreviousValue | null; label: string } | null;
}
export const captureNote = signal<CaptureNote | null>(null);

export const chartPin = computed(() => {
  const url = entity.value?.url;
  return url ? pinFor(chartMetric.value?.pins, url) : null;
});

/** The period a capture made now belongs to, as the panel names it. */
export const capturePeriod = computed(() => periodLabel(localDate(), chartMetric.value?.period ?? null));

/** The value already stored for the current period, if any (the latest of it). */
export const periodValue = computed(() => {
  const { start, end } = periodAround(localDate(), chartMetric.value?.period ?? null);
  return chartObservations.value.filter((o) => o.at >= start && o.at <= end).at(-1)?.value ?? null;
});

let stopPinMode: (() => void) | null = null;

/** The next click on the page (outside the panel) pins the number it lands on; Esc cancels. */
export function startPinning(): void {
  if (stopPinMode) return;
  pinning.value = true;
  pinProblem.value = null;
  const root = document.documentElement;
  const cursor = root.style.cursor;
  root.style.cursor = 'crosshair';
  const onClick = (event: MouseEvent) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || target.closest(OUR_HOST)) return;
    // The click pins; it must not also open the chart's tooltip or follow a link.
    event.preventDefault();
    event.stopImmediatePropagation();
    void pinElement(target);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') stopPinning();
  };
  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKey, true);
  stopPinMode = () => {
    window.removeEventListener('click', onClick, true);
    window.removeEventListener('keydown', onKey, true);
    root.style.cursor = cursor;
  };
}

export function stopPinning(): void {
  stopPinMode?.();
  stopPinMode = null;
  pinning.value = false;
}

async function pinElement(target: Element): Promise<void> {
  const metric = chartMetric.value;
  const url = entity.value?.url;
  if (!metric || !url) return stopPinning();
  const page = readPageText(document.body);
  const clicked = pieceInside(page, target, (text) => numberShape(text) !== null);
  const description = clicked < 0 ? null : describePin(page.texts, clicked);
  if (!description) {
    pinProblem.value =
      clicked < 0
        ? 'That is not a number: click the number itself.'
        : 'No words beside that number to find it by next time: pin a number shown with its label.';
    return;
  }
  const pin: NumberPin = { ...description, sourceUrl: url, autoRecord: chartPin.value?.autoRecord ?? false };
  stopPinning();
  await savePins(metric.pins, url, pin);
}

async function savePins(pins: NumberPin[] | undefined, url: string, pin: NumberPin | null): Promise<void> {
  const metric = chartMetric.value;
  if (!metric) return;
  try {
    await request({ type: 'metric.update', id: metric.id, patch: { pins: withPin(pins, url, pin) } });
    pinProblem.value = null;
  } catch (failure) {
    pinProblem.value = failure instanceof Error ? failure.message : String(failure);
  } finally {
    await loadPage();
  }
}

export function unpin(): Promise<void> {
  const url = entity.value?.url;
  return url ? savePins(chartMetric.value?.pins, url, null) : Promise.resolve();
}

export function setAutoRecord(on: boolean): Promise<void> {
  const pin = chartPin.value;
  return pin ? savePins(chartMetric.value?.pins, pin.sourceUrl, { ...pin, autoRecord: on }) : Promise.resolve();
}

/**
 * Reads the pinned number while the panel shows it (and again as the page re-renders,
 * for a while); shows what an auto-capture on this visit did. Returns the stop.
 */
export function watchPinnedNumber(pin: NumberPin): () => void {
  pinnedReading.value = undefined;
  const done = takeCaptureDone();
  if (done?.found && done.record.outcome !== 'unchanged') {
    captureNote.value = noteFor(done.record, capturePeriod.value, 'automatically ');
  }
  return watchForPinned(pin, document.body, PANEL_WAIT_MS, (found) => {
    pinnedReading.value = found;
  });
}

export async function recordPinned(value: number): Promise<void> {
  const metric = chartMetric.value;
  const url = entity.value?.url;
  if (!metric || !url) return;
  const label = capturePeriod.value;
  try {
    const record = await request({
      type: 'observation.record',
      metricId: metric.id,
      at: localDate(),
      value,
      sourceUrl: url,
    });
    captureNote.value = noteFor(record, label, '');
  } catch (failure) {
    captureNote.value = { text: failure instanceof Error ? failure.message : String(failure), undo: null };
  } finally {
    await loadPage();
  }
}

function noteFor(record: RecordOutcome, label: string, how: string): CaptureNote {
  const value = formatNumber(record.observation.value);
  const { id, metricId, at } = record.observation;
  const undo = { id, metricId, at, previous: record.previous, label };
  switch (record.outcome) {
    case 'added':
      return { text: `Recorded ${how}${value} for ${label}`, undo };
    case 'updated':
      return { text: `Updated ${how}${value} for ${label} (was ${formatNumber(record.previous!.value)})`, undo };
    case 'unchanged':
      return { text: `${value} was already recorded for ${label}`, undo: null };
  }
}

export async function undoCapture(): Promise<void> {
  const undo = captureNote.value?.undo;
  if (!undo) return;
  try {
    await request({
      type: 'observation.undo',
      id: undo.id,
      metricId: undo.metricId,
      at: undo.at,
      previous: undo.previous,
    });
    captureNote.value = {
      text: undo.previous
        ? `Undone: ${undo.label} is back to ${formatNumber(undo.previous.value)}`
        : `Undone: nothing recorded for ${undo.label}`,
      undo: null,
    };
  } catch (failure) {
    captureNote.value = { text: failure instanceof Error ? failure.message : String(failure), undo: null };
  } finally {
    await loadPage();
  }
}
