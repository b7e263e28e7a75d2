/**
 * The rows a preview left in the worker (lib/background/import-staging.ts), so the import
 * names them by id instead of sending them again. The id is used only for exactly what was
 * previewed: the same arrays and choices, compared by identity, since a changed mapping
 * makes new rows. When the worker has forgotten them (it was stopped, or the preview is
 * old), the import sends the rows after all; the person sees one import either way.
 */
import { RequestError } from '../../messaging/client';

export class KeptPreview {
  private kept: { staged: string; from: readonly unknown[] } | null = null;

  /** Notes the id the worker kept a preview's input under, and what that input was made of. */
  keep(staged: string, from: readonly unknown[]): void {
    this.kept = { staged, from };
  }

  forget(): void {
    this.kept = null;
  }

  /** The kept id if the preview was made from exactly `from`; null otherwise. */
  idFor(from: readonly unknown[]): string | null {
    const kept = this.kept;
    if (!kept || kept.from.length !== from.length) return null;
    return kept.from.every((part, i) => part === from[i]) ? kept.staged : null;
  }
}

/** Imports by the kept id when there is one, and with the rows when there is none or the worker forgot it. */
export async function importKept<T>(
  staged: string | null,
  byId: (staged: string) => Promise<T>,
  withRows: () => Promise<T>,
): Promise<T> {
  if (staged === null) return withRows();
  try {
    return await byId(staged);
  } catch (failure) {
    if (failure instanceof RequestError && failure.code === 'not-found' && failure.path === 'staged') return withRows();
    throw failure;
  }
}
