/**
 * JSON with every object's keys in code-unit order, so that equal values give identical
 * text: replicas compare the shared file's bytes to know whether anything changed, and
 * the file diffs cleanly. Arrays keep their order; callers sort records by id first.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * A top-level object laid out one key per line and one array element per line: a person
 * opening the file sees one record per line, and a change to one record is a one-line diff.
 * `lines` gives the element lines of some arrays already written (shared-file.ts keeps
 * each record's line, so a publish writes only the records that changed).
 */
export function canonicalDocument(
  document: Record<string, unknown>,
  lines: Readonly<Record<string, readonly string[]>> = {},
): string {
  const out = Object.keys(document)
    .sort()
    .map((key) => {
      const value = document[key];
      const elements = lines[key] ?? (Array.isArray(value) ? value.map(canonicalJson) : null);
      const text =
        elements === null ? canonicalJson(value) : elements.length === 0 ? '[]' : `[\n  ${elements.join(',\n  ')}\n]`;
      return `${JSON.stringify(key)}: ${text}`;
    });
  return `{\n${out.join(',\n')}\n}\n`;
}
