/**
 * A workspace file crosses between the dashboard and the worker as text in parts. One
 * extension message carries at most 64 MiB in Chrome, and a workspace at the record caps
 * exports as about 141 MiB of text (90 MiB without the indentation): the dashboard sends
 * the file it reads in parts the worker joins and checks whole, and receives an export
 * the same way (docs/export-format.md, "Size").
 */

/**
 * One part's length in UTF-16 code units. Serialised for the message, a code unit takes at
 * most 6 bytes (a control character written as \u0000), so a part stays under 48 MiB.
 */
export const FILE_PART_CHARS = 8 * 1024 * 1024;

/** A file of at most MAX_IMPORT_BYTES, in parts. */
export const MAX_FILE_PARTS = 32;

/** `text` in parts of FILE_PART_CHARS; an empty text is one empty part, so every file has one. */
export function textParts(text: string, size = FILE_PART_CHARS): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts.length > 0 ? parts : [''];
}

/** JSON.parse's message names a position; a line and column are what an editor shows. */
export function jsonBreak(text: string, failure: unknown): string {
  const message = failure instanceof Error ? failure.message : String(failure);
  const position = /position (\d+)/.exec(message);
  if (!position) return 'the file is not valid JSON';
  const upTo = text.slice(0, Number(position[1]));
  let line = 1;
  for (let at = upTo.indexOf('\n'); at !== -1; at = upTo.indexOf('\n', at + 1)) line += 1;
  const column = upTo.length - upTo.lastIndexOf('\n');
  return `the file is not valid JSON: the text breaks at line ${line}, column ${column}`;
}
