/**
 * Saves text as a file through the browser's own download, with no permission needed.
 * The text may come in parts (a large workspace's export), written one after another.
 */
export function download(filename: string, text: string | readonly string[], type: string): void {
  const parts = typeof text === 'string' ? [text] : text;
  // A byte-order mark lets spreadsheets read UTF-8 CSV (accents, emoji) correctly.
  const body = type.startsWith('text/csv') ? ['\ufeff', ...parts] : parts;
  const url = URL.createObjectURL(new Blob([...body], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'north-star'
  );
}
