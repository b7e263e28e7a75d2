/**
 * Reading a picked file for an import: refused by size before a byte is read, then by
 * content (empty, binary) before it is parsed. Shared by the value and item imports.
 */
import { checkImportSize, checkImportText } from '../../domain/import/file-checks';
import type { ImportProblem } from '../../domain/import/csv-reader';

export type ReadFile = { ok: true; name: string; text: string } | { ok: false; message: string };

export async function readImportFile(file: File): Promise<ReadFile> {
  const tooBig = checkImportSize(file.size);
  if (tooBig) return { ok: false, message: `${tooBig.message} Nothing was changed.` };
  const text = await file.text();
  const refusal = checkImportText(text);
  if (refusal) return { ok: false, message: `${refusal.message} Nothing was changed.` };
  return { ok: true, name: file.name, text };
}

/** "line 4, column 2: ..." as the preview lists it; line 0 is the whole file. */
export function problemText(problem: ImportProblem): string {
  if (problem.line === 0) return problem.message;
  const where = problem.column > 0 ? `Line ${problem.line}, column ${problem.column}` : `Line ${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** A refusal's message as the user reads it. */
export function failureText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
