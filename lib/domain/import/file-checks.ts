/**
 * The checks a file passes before anyone reads it as a table: not too big to hold in a
 * page, not empty, and text rather than a spreadsheet, archive or image.
 */

/** Above this the page would hold the file, its text and its rows at once: refused before reading. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** How much of the start of a file is inspected for signs of binary data. */
const SNIFF_CHARS = 8192;

export interface FileRefusal {
  message: string;
}

/** Called with File.size, so a file too large is refused without reading a byte of it. */
export function checkImportSize(bytes: number): FileRefusal | null {
  if (!Number.isFinite(bytes) || bytes < 0) return { message: 'The file size is unknown.' };
  if (bytes === 0) return { message: 'The file is empty.' };
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    return { message: `The file is ${mb} MB; files up to 50 MB can be imported. Export a shorter date range.` };
  }
  return null;
}

/** Magic numbers of files people pick by mistake, with what to do instead. */
const KNOWN_BINARY: [RegExp, string][] = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary formats' magic numbers start with control bytes
  [/^PK\u0003\u0004/, 'This is an Excel workbook or a zip archive, not CSV. Export or save it as CSV.'],
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary formats' magic numbers start with control bytes
  [/^\u00d0\u00cf\u0011\u00e0|^\ufffd\ufffd\u0011\ufffd/, 'This is an old Excel (.xls) file, not CSV. Save it as CSV.'],
  [/^%PDF-/, 'This is a PDF, not CSV or JSON.'],
  [/^\u0089PNG|^\ufffdPNG|^\u00ff\u00d8\u00ff|^\ufffd\ufffd\ufffd|^GIF8/, 'This is an image, not CSV or JSON.'],
];

/**
 * The decoded text of a file (File.text() turns invalid UTF-8 into U+FFFD): refused when
 * empty, blank, or when its start looks like binary data rather than text.
 */
export function checkImportText(text: string): FileRefusal | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return { message: 'The file is empty.' };
  const head = body.slice(0, SNIFF_CHARS);
  for (const [pattern, message] of KNOWN_BINARY) if (pattern.test(head)) return { message };
  if (head.includes('\u0000'))
    return { message: 'This file holds binary data, not text: it is not a CSV or JSON export.' };
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd++;
  }
  if (odd > head.length * 0.05) {
    return { message: 'This file is not readable text (or not UTF-8): it is not a CSV or JSON export.' };
  }
  if (body.trim() === '') return { message: 'The file holds only blank lines.' };
  return null;
}
