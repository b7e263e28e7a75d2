/**
 * A select in a long list that lists only its chosen option when drawn and the rest soon
 * after, a few selects per idle moment, or at once when the user reaches for it (focus,
 * pointer, key). Drawing a backlog row's three selects with every option (every taggable
 * metric: 100 of them at 100,000 items) was about half of a row's cost to draw, and a
 * scroll step draws a screen of rows in one frame. A row scrolled away before its turn
 * never lists them. Something that sets the value without focusing the select (a script,
 * a test's `selectOption`) finds every option once the list has had an idle moment.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';

/** Selects filled per idle callback: one backlog row's worth, a few milliseconds. */
const PER_IDLE = 3;
/** Filled even on a machine never idle, so no select waits long for its options. */
const IDLE_TIMEOUT_MS = 500;

const waiting = new Set<() => void>();
let scheduled = false;

function fillSome(): void {
  scheduled = false;
  let filled = 0;
  for (const fill of waiting) {
    if (filled++ === PER_IDLE) break;
    fill();
  }
  schedule();
}

function schedule(): void {
  if (scheduled || !waiting.size) return;
  scheduled = true;
  requestIdleCallback(fillSome, { timeout: IDLE_TIMEOUT_MS });
}

export interface DeferredOptions {
  /** Whether the select lists every option now. */
  listed: boolean;
  /** Lists every option at once: the select's focus, pointer-down and key-down handler. */
  list(): void;
}

/** `deferred` false: every option at once, as a select outside a long list lists them. */
export function useDeferredOptions(deferred = true): DeferredOptions {
  const listed = useSignal(!deferred);
  const list = useRef(() => {
    waiting.delete(list);
    listed.value = true;
  }).current;
  useEffect(() => {
    if (listed.peek()) return;
    waiting.add(list);
    schedule();
    return () => waiting.delete(list);
  }, []);
  return { listed: listed.value, list };
}
