/**
 * The workspace file, exported and imported from the dashboard's Data section. At the
 * record caps a workspace is about 141 MiB of text, more than one extension message
 * carries: the export comes from the worker in parts (lib/domain/workspace-file-parts.ts),
 * and the file chosen is posted whole to the worker that controls the page
 * (lib/messaging/file-channel.ts) or, where none does, sent as its text in parts the
 * worker joins; either way it is checked whole, and the preview and the import name the upload. An import whose upload the worker has forgotten
 * (it was stopped, or the preview is old) sends the file again first.
 */
import { signal } from '@preact/signals';
import type { ImportSummary } from '../../domain/types';
import { MAX_IMPORT_BYTES } from '../../domain/workspace-file';
import { textParts } from '../../domain/workspace-file-parts';
import { RequestError, request } from '../../messaging/client';
import { postFile } from '../../messaging/file-channel';

export interface PendingImport {
  fileName: string;
  file: File;
  upload: string;
  merge: ImportSummary;
  replace: ImportSummary;
}

export const pendingImport = signal<PendingImport | null>(null);
export const importError = signal<string | null>(null);
export const importDone = signal<string | null>(null);
export const fileBusy = signal(false);
export const exportError = signal<string | null>(null);

export function describeFailure(failure: unknown): string {
  if (failure instanceof RequestError) {
    const where = failure.path && !failure.message.startsWith(failure.path) ? ` (at ${failure.path})` : '';
    return `${failure.message}${where}`;
  }
  return failure instanceof Error ? failure.message : String(failure);
}

/** The whole workspace's text, asked for a part at a time. */
export async function exportedText(): Promise<string[]> {
  const first = await request({ type: 'workspace.exportPart', index: 0 });
  const parts = [first.text];
  for (let index = 1; index < first.count; index++) {
    parts.push((await request({ type: 'workspace.exportPart', export: first.export, index })).text);
  }
  return parts;
}

/** Hands the file to the worker (posted whole, or its text in parts); answers the upload's id. */
async function upload(file: File): Promise<string> {
  const id = crypto.randomUUID();
  if (await postFile(id, file)) return id;
  const parts = textParts(await file.text());
  for (const [index, text] of parts.entries()) {
    await request({ type: 'workspace.filePart', upload: id, index, count: parts.length, text });
  }
  return id;
}

export async function chooseFile(file: File | undefined): Promise<void> {
  pendingImport.value = null;
  importError.value = null;
  importDone.value = null;
  if (!file) return;
  if (file.size > MAX_IMPORT_BYTES) {
    importError.value =
      `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an export is at most ` +
      `${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was changed.`;
    return;
  }
  fileBusy.value = true;
  try {
    const id = await upload(file);
    const { merge, replace } = await request({ type: 'workspace.previewFile', upload: id });
    pendingImport.value = { fileName: file.name, file, upload: id, merge, replace };
  } catch (e) {
    importError.value = `This file cannot be imported: ${describeFailure(e)}. Nothing was changed.`;
  } finally {
    fileBusy.value = false;
  }
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

/** Imports the previewed file, sending it again if the worker no longer has it. */
async function importPending(current: PendingImport, mode: 'merge' | 'replace'): Promise<ImportSummary> {
  try {
    return await request({ type: 'workspace.importFile', upload: current.upload, mode });
  } catch (failure) {
    if (!(failure instanceof RequestError && failure.code === 'not-found' && failure.path === 'upload')) throw failure;
    return request({ type: 'workspace.importFile', upload: await upload(current.file), mode });
  }
}

export async function runImport(mode: 'merge' | 'replace'): Promise<void> {
  const current = pendingImport.value;
  if (!current) return;
  fileBusy.value = true;
  try {
    const summary = await importPending(current, mode);
    pendingImport.value = null;
    importDone.value = `Imported ${current.fileName}: ${total(summary.added)} added, ${total(summary.updated)} updated${
      mode === 'replace' ? `, ${total(summary.removed)} removed` : ''
    }.`;
  } catch (e) {
    importError.value = `The import was refused: ${describeFailure(e)}. Nothing was changed.`;
  } finally {
    fileBusy.value = false;
  }
}
