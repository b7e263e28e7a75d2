/**
 * Typed text that is not stored yet, per record and field. A field shows its draft while
 * one exists, so a reload from another tab never overwrites what the user is typing;
 * valid drafts are saved after a pause (or at once on commit), and a draft is dropped
 * only when exactly that text was stored. A refused value stays, with the reason.
 */
import { batch, signal, type Signal } from '@preact/signals-core';
import { RequestError } from '../messaging/client';

export type TextMap<F extends string> = Partial<Record<F, string>>;

export interface DraftStore<F extends string> {
  drafts: Signal<ReadonlyMap<string, TextMap<F>>>;
  errors: Signal<ReadonlyMap<string, TextMap<F>>>;
  /** Problems that belong to no field (the extension not answering, a storage failure). */
  failures: Signal<ReadonlyMap<string, string>>;
  edit(key: string, field: F, text: string): void;
  /** Saves the record's valid drafts now. */
  flush(key: string): Promise<void>;
  draftOf(key: string, field: F): string | undefined;
  errorOf(key: string, field: F): string | undefined;
}

export interface DraftOptions<F extends string> {
  problem(field: F, text: string): string | null;
  /** Stores the given fields' text; resolves once stored. */
  save(key: string, text: TextMap<F>): Promise<void>;
  /** The field a refused request's path (e.g. `patch.rice.effort`) points at. */
  fieldOfPath?(path: string): F | null;
  delayMs?: number;
}

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): ReadonlyMap<string, V> {
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
}

function withField<F extends string>(
  fields: TextMap<F> | undefined,
  field: F,
  text: string | undefined,
): TextMap<F> | undefined {
  const next: TextMap<F> = { ...fields };
  if (text === undefined) delete next[field];
  else next[field] = text;
  return Object.keys(next).length > 0 ? next : undefined;
}

export function createDraftStore<F extends string>(options: DraftOptions<F>): DraftStore<F> {
  const drafts = signal<ReadonlyMap<string, TextMap<F>>>(new Map());
  const errors = signal<ReadonlyMap<string, TextMap<F>>>(new Map());
  const failures = signal<ReadonlyMap<string, string>>(new Map());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<string, Promise<void>>();
  const delay = options.delayMs ?? 400;

  function setError(key: string, field: F, message: string | undefined): void {
    errors.value = withEntry(errors.value, key, withField(errors.value.get(key), field, message));
  }

  function edit(key: string, field: F, text: string): void {
    batch(() => {
      drafts.value = withEntry(drafts.value, key, withField(drafts.value.get(key), field, text));
      setError(key, field, options.problem(field, text) ?? undefined);
    });
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.set(
      key,
      setTimeout(() => void flush(key), delay),
    );
  }

  async function flush(key: string): Promise<void> {
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.delete(key);
    const running = inFlight.get(key);
    if (running) {
      await running;
      return flush(key);
    }
    const fields = drafts.value.get(key) ?? {};
    const sending: TextMap<F> = {};
    for (const [field, text] of Object.entries(fields) as [F, string][]) {
      if (options.problem(field, text) === null) sending[field] = text;
    }
    if (Object.keys(sending).length === 0) return;
    const work = (async () => {
      try {
        await options.save(key, sending);
        batch(() => {
          let current = drafts.value.get(key);
          for (const [field, text] of Object.entries(sending) as [F, string][]) {
            if (current?.[field] === text) current = withField(current, field, undefined);
          }
          drafts.value = withEntry(drafts.value, key, current);
          failures.value = withEntry(failures.value, key, undefined);
        });
      } catch (failure) {
        const field = failure instanceof RequestError && failure.path ? options.fieldOfPath?.(failure.path) : null;
        const message = failure instanceof Error ? failure.message : String(failure);
        if (field) setError(key, field, message);
        else failures.value = withEntry(failures.value, key, message);
      }
    })();
    inFlight.set(key, work);
    try {
      await work;
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    drafts,
    errors,
    failures,
    edit,
    flush,
    draftOf: (key, field) => drafts.value.get(key)?.[field],
    errorOf: (key, field) => errors.value.get(key)?.[field],
  };
}
