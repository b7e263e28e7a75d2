import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A saved export from test/fixtures/import, as File.text() would give it (the BOM kept). */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'import', name), 'utf8');
}
