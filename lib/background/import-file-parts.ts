/**
 * A workspace file in parts (lib/domain/workspace-file-parts.ts): the worker's side.
 *
 * Uploads: the dashboard sends the text of the file it read in parts under an id of its
 * making; once every part is in, the file is joined and checked whole, exactly as one
 * message's document is, and the checked workspace is kept for the preview and the
 * import, which takes it (used once) and plans again in its write transaction. The text
 * is dropped once checked, and an upload that fails its check is forgotten.
 *
 * Exports: the file's text is made once, from one read transaction (a consistent
 * snapshot), and handed out a part at a time; it is forgotten after its last part.
 *
 * Both live in the worker's memory only, one of each, for 15 minutes at most: what they
 * hold is a whole file (about 141 MiB of text at the record caps, several times that
 * once parsed), so the worker never holds more than one of each, and not longer than the
 * exchange needs. A stopped worker, or a newer upload or export, forgets them; the
 * dashboard then sends the file again (`not-found` at `upload`) or is told to export
 * again (`not-found` at `export`).
 */
import type { Workspace } from '../domain/types';
import type { ExportPart } from '../messaging/requests/imports';
import { textParts } from '../domain/workspace-file-parts';
import { StorageError } from '../storage';

const KEPT = 1;
const MAX_AGE_MS = 15 * 60_000;

export interface FilePartsOptions {
  now?: () => number;
  newId?: () => string;
}

interface Upload {
  parts: (string | undefined)[];
  workspace: Workspace | null;
  at: number;
}

/** Entries by id, the oldest forgotten past KEPT or MAX_AGE_MS. */
class Kept<T extends { at: number }> {
  readonly entries = new Map<string, T>();

  constructor(private readonly now: () => number) {}

  get(id: string): T | undefined {
    const oldest = this.now() - MAX_AGE_MS;
    for (const [key, { at }] of this.entries) if (at < oldest) this.entries.delete(key);
    return this.entries.get(id);
  }

  set(id: string, entry: T): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= KEPT) break;
      this.entries.delete(key);
    }
  }
}

export class FileUploads {
  private readonly uploads: Kept<Upload>;
  private readonly now: () => number;

  constructor(
    private readonly check: (text: string) => Workspace,
    options: FilePartsOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.uploads = new Kept(this.now);
  }

  /** Keeps part `index` of `count`; a part sent again replaces the first copy. */
  put(upload: string, index: number, count: number, text: string): void {
    if (index >= count) throw new StorageError('invalid', `is past the last part (${count})`, 'index');
    let entry = this.uploads.get(upload);
    if (!entry || entry.parts.length !== count)
      entry = { parts: Array.from({ length: count }, () => undefined), workspace: null, at: 0 };
    entry.parts[index] = text;
    entry.workspace = null;
    entry.at = this.now();
    this.uploads.set(upload, entry);
  }

  /** The whole file, checked: joined and checked once every part is in. */
  checked(upload: string): Workspace {
    const entry = this.uploads.get(upload);
    if (!entry) throw uploadGone();
    if (entry.workspace) return entry.workspace;
    const missing = entry.parts.indexOf(undefined);
    if (missing !== -1) {
      throw new StorageError('invalid', `part ${missing + 1} of ${entry.parts.length} has not arrived`, 'upload');
    }
    try {
      entry.workspace = this.check(entry.parts.join(''));
    } catch (failure) {
      this.uploads.entries.delete(upload);
      throw failure;
    }
    entry.parts = [];
    return entry.workspace;
  }

  /** The same, forgotten as it is handed out: an upload is imported once. */
  take(upload: string): Workspace {
    const workspace = this.checked(upload);
    this.uploads.entries.delete(upload);
    return workspace;
  }
}

export class FileExports {
  private readonly exports: Kept<{ parts: string[]; at: number }>;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(options: FilePartsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.exports = new Kept(this.now);
  }

  /** Keeps the export's text in parts and answers the first. */
  start(text: string): ExportPart {
    const id = this.newId();
    this.exports.set(id, { parts: textParts(text), at: this.now() });
    return this.part(id, 0);
  }

  /** Part `index`; after the last one is handed out, the export is forgotten. */
  part(id: string, index: number): ExportPart {
    const entry = this.exports.get(id);
    if (!entry) throw new StorageError('not-found', 'This export has expired; export the workspace again.', 'export');
    const text = entry.parts[index];
    if (text === undefined) throw new StorageError('invalid', `is past the last part (${entry.parts.length})`, 'index');
    if (index === entry.parts.length - 1) this.exports.entries.delete(id);
    return { export: id, index, count: entry.parts.length, text };
  }
}

/** The error a dashboard answers by sending the file's parts again: its path is what it recognises. */
export function uploadGone(): StorageError {
  return new StorageError('not-found', 'The file sent for this import has expired; send it again.', 'upload');
}
