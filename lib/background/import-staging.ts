/**
 * Imports checked once, kept for the request that carries them out. A preview request
 * brings the rows the view mapped (checked at the gate, lib/messaging/validate.ts) and
 * leaves them here under a fresh id; the import request then names that id instead of
 * sending the rows a second time, which at 10,000 tickets was a third of the import's
 * time (docs/benchmarks.md, round 10). What is kept is the checked input, never a plan:
 * the import plans again inside its own write transaction, so a change made in between is
 * matched, not overwritten.
 *
 * Kept in the worker's memory only. A stopped worker, a newer preview or the age limit
 * forgets an input; the import then answers `not-found` at `staged`, and the view sends
 * the rows again (lib/state/workspace/staged-import.ts). An input is used once.
 */
import { StorageError } from '../storage';

/** Enough for a few dashboards previewing at once; each holds up to 100,000 checked rows. */
const KEPT = 4;
/** A preview left open longer than this is planned again from rows the view re-sends. */
const MAX_AGE_MS = 15 * 60_000;

export interface StagingOptions {
  kept?: number;
  maxAgeMs?: number;
  now?: () => number;
  newId?: () => string;
}

export class ImportStaging<T> {
  private readonly inputs = new Map<string, { input: T; at: number }>();
  private readonly kept: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(options: StagingOptions = {}) {
    this.kept = options.kept ?? KEPT;
    this.maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Keeps `input` and answers the id an import names it by; the oldest input goes past the limit. */
  stage(input: T): string {
    this.forgetExpired();
    const id = this.newId();
    this.inputs.set(id, { input, at: this.now() });
    for (const oldest of this.inputs.keys()) {
      if (this.inputs.size <= this.kept) break;
      this.inputs.delete(oldest);
    }
    return id;
  }

  /** The input kept under `id`, forgotten as it is handed out; `not-found` when there is none. */
  take(id: string): T {
    this.forgetExpired();
    const kept = this.inputs.get(id);
    this.inputs.delete(id);
    if (!kept) throw stagedGone();
    return kept.input;
  }

  private forgetExpired(): void {
    const oldest = this.now() - this.maxAgeMs;
    for (const [id, { at }] of this.inputs) if (at < oldest) this.inputs.delete(id);
  }
}

/** The error a view answers by sending the rows again: its path is what it recognises. */
export function stagedGone(): StorageError {
  return new StorageError(
    'not-found',
    'The preview this import was based on has expired; send the rows again.',
    // The field the import request names it by, as every refusal's path names a field.
    'staged',
  );
}
