/**
 * Typed text that is not stored yet, per record and field: the one draft mechanism, used
 * by the open panel's item editor (page/item-editor.ts) and the dashboard's RICE and
 * metric edits (workspace/tree.ts). A field shows its draft while one exists, so a reload
 * from another tab never overwrites what the user is typing; valid drafts are saved after
 * a pause (edits in between are coalesced into one write), or at once on commit; a draft
 * is dropped only when exactly that text was stored. A refused value stays, with the
 * reason. `flush()` saves every record's drafts: before the page is left or hidden.
 */
import { batch, signal, type Signal } from '@preact/signals-core';
import { RequestError } from '../messaging/client';

export type TextMap<F extends string> = Partial<Record<F, string>>;

/** A record's saving, when it is not simply saved: typed and waiting, on its way, or refused. */
export type DraftStatus = 'pending' | 'saving' | 'failed';

export interface DraftStore<F extends string> {
  drafts: Signal<ReadonlyMap<string, TextMap<F>>>;
  errors: Signal<ReadonlyMap<string, TextMap<F>>>;
  /** Problems that belong to no field (the extension not answering, a storage failure). */
  failures: Signal<ReadonlyMap<string, string>>;
  /** Records not saved as shown; a record missing here is saved. */
  status: Signal<ReadonlyMap<string, DraftStatus>>;
  edit(key: string, field: F, text: string): void;
  /** Saves the record's valid drafts now; without a key, every record's. */
  flush(key?: string): Promise<void>;
  /** Drops every draft, refusal and pending save (the page shows another entity). */
  forget(): void;
  draftOf(key: string, field: F): string | undefined;
  errorOf(key: string, field: F): string | undefined;
}

export interface DraftOptions<F extends string> {
  problem(field: F, text: string): string | null;
  /** Stores the given fields' text (possibly none, see `waiting`); resolves once stored. */
  save(key: string, text: TextMap<F>): Promise<void>;
  /** The field a refused request's path (e.g. `patch.rice.effort`) points at. */
  fieldOfPath?(path: string): F | null;
  /** Something besides typed text waits to be stored for the record (a choice from a menu): flushing sends it. */
  waiting?(key: string): boolean;
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

const fieldsOf = <F extends string>(text: TextMap<F> | undefined) => Object.entries(text ?? {}) as [F, string][];

export function createDraftStore<F extends string>(options: DraftOptions<F>): DraftStore<F> {
  const drafts = signal<ReadonlyMap<string, TextMap<F>>>(new Map());
  const errors = signal<ReadonlyMap<string, TextMap<F>>>(new Map());
  const failures = signal<ReadonlyMap<string, string>>(new Map());
  const status = signal<ReadonlyMap<string, DraftStatus>>(new Map());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<string, Promise<void>>();
  const delay = options.delayMs ?? 400;

  function setError(key: string, field: F, message: string | undefined): void {
    errors.value = withEntry(errors.value, key, withField(errors.value.get(key), field, message));
  }

  const setStatus = (key: string, next: DraftStatus | undefined) => {
    status.value = withEntry(status.value, key, next);
  };

  /** Pending while a draft without a problem is left to save; else saved. */
  const settledStatus = (key: string) =>
    fieldsOf(drafts.value.get(key)).some(([field]) => errors.value.get(key)?.[field] === undefined)
      ? 'pending'
      : undefined;

  function edit(key: string, field: F, text: string): void {
    batch(() => {
      drafts.value = withEntry(drafts.value, key, withField(drafts.value.get(key), field, text));
      const problem = options.problem(field, text) ?? undefined;
      setError(key, field, problem);
      if (!problem) setStatus(key, 'pending');
    });
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.set(
      key,
      setTimeout(() => void flush(key), delay),
    );
  }

  async function flush(key?: string): Promise<void> {
    if (key === undefined) {
      const keys = new Set([...drafts.value.keys(), ...status.value.keys(), ...timers.keys()]);
      await Promise.all([...keys].map((k) => flush(k)));
      return;
    }
    const pending = timers.get(key);
    if (pending) clearTimeout(pending);
    timers.delete(key);
    const running = inFlight.get(key);
    if (running) {
      await running;
      return flush(key);
    }
    const sending: TextMap<F> = {};
    for (const [field, text] of fieldsOf(drafts.value.get(key))) {
      if (options.problem(field, text) === null) sending[field] = text;
    }
    if (Object.keys(sending).length === 0 && !options.waiting?.(key)) {
      if (status.value.get(key) !== 'failed' && !errors.value.has(key)) setStatus(key, undefined);
      return;
    }
    setStatus(key, 'saving');
    const work = send(key, sending);
    inFlight.set(key, work);
    try {
      await work;
    } finally {
      inFlight.delete(key);
    }
  }

  async function send(key: string, sending: TextMap<F>): Promise<void> {
    try {
      await options.save(key, sending);
      batch(() => {
        let current = drafts.value.get(key);
        let refusals = errors.value.get(key);
        for (const [field, text] of fieldsOf(sending)) {
          if (current?.[field] !== text) continue;
          current = withField(current, field, undefined);
          refusals = withField(refusals, field, undefined);
        }
        drafts.value = withEntry(drafts.value, key, current);
        errors.value = withEntry(errors.value, key, refusals);
        failures.value = withEntry(failures.value, key, undefined);
        setStatus(key, settledStatus(key));
      });
    } catch (failure) {
      batch(() => {
        const field = failure instanceof RequestError && failure.path ? options.fieldOfPath?.(failure.path) : null;
        const message = failure instanceof Error ? failure.message : String(failure);
        if (field) setError(key, field, message);
        else failures.value = withEntry(failures.value, key, message);
        setStatus(key, 'failed');
      });
    }
  }

  function forget(): void {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    batch(() => {
      drafts.value = new Map();
      errors.value = new Map();
      failures.value = new Map();
      status.value = new Map();
    });
  }

  return {
    drafts,
    errors,
    failures,
    status,
    edit,
    flush,
    forget,
    draftOf: (key, field) => drafts.value.get(key)?.[field],
    errorOf: (key, field) => errors.value.get(key)?.[field],
  };
}
