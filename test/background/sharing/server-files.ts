/**
 * The shared tree as the test's Apache holds it, read straight from its data folder: the
 * file at the address and, once it is of version 2, its index's parts (docs/sharing.md).
 * Tests read what was published through here, and write a teammate's change the same way.
 */
import { readSharedFile } from '../../../lib/domain/sharing/shared-file';
import type { SharedBody } from '../../../lib/domain/sharing/shared-file-schema';
import {
  combineParts,
  parseSharedPart,
  parseSharedRoot,
  partOf,
  type SharedIndex,
} from '../../../lib/domain/sharing/shared-parts';
import type { SharedState } from '../../../lib/domain/sharing/state';
import type { Apache } from '../../../scripts/webdav/apache.mjs';

/** The part files' paths in the data folder, next to the file `name`. */
export function partPaths(name: string, index: SharedIndex): string[] {
  const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
  return index.parts.map((part) => `${folder}${part}`);
}

/** Every file's text, the address's first: for "does the server hold X" checks. */
export function serverTexts(apache: Apache, name: string): string[] {
  const root = apache.readFile(name)?.toString('utf8');
  if (root === undefined) return [];
  const parsed = parseSharedRoot(root, name);
  if (!parsed.ok || !parsed.index) return [root];
  return [root, ...partPaths(name, parsed.index).map((path) => apache.readFile(path)?.toString('utf8') ?? '')];
}

/** The whole tree the server holds, checked as a reader checks it. */
export function serverBody(apache: Apache, name: string): SharedBody {
  const root = apache.readFile(name)?.toString('utf8');
  if (root === undefined) throw new Error(`${name} is not on the server`);
  const parsed = parseSharedRoot(root, name);
  if (!parsed.ok) throw new Error(`${parsed.path}: ${parsed.message}`);
  if (!parsed.index) return parsed.file;
  const { index } = parsed;
  const bodies = partPaths(name, index).map((path, part) => {
    const checked = parseSharedPart(apache.readFile(path)?.toString('utf8') ?? '', index, part);
    if (!checked.ok) throw new Error(`${checked.path}: ${checked.message}`);
    return checked.body;
  });
  const combined = combineParts(index, bodies);
  if (!combined.ok) throw new Error(combined.message);
  return combined.body;
}

export function serverState(apache: Apache, name: string): SharedState {
  return readSharedFile(serverBody(apache, name));
}

export function serverTitles(apache: Apache, name: string): string[] {
  return serverBody(apache, name)
    .items.map((item) => item.fields.title)
    .sort();
}

type Document = Record<string, unknown> & { people: unknown[]; items: { id: string }[] };

/**
 * Rewrites the server's tree as a teammate's publish would: `edit` changes the whole
 * document (index fields and every record), and each record goes back to its part. Dated
 * `ageMs` back, so that Apache's ETags are strong at once.
 */
export function rewriteServerTree(apache: Apache, name: string, edit: (document: Document) => void, ageMs = 5_000) {
  const root = JSON.parse(apache.readFile(name)!.toString('utf8')) as Record<string, unknown> & { parts: string[] };
  const paths = partPaths(name, root as unknown as SharedIndex);
  const parts = paths.map((path) => JSON.parse(apache.readFile(path)!.toString('utf8')) as Record<string, unknown[]>);
  const stores = ['metrics', 'items', 'deletedMetrics', 'deletedItems'] as const;
  const document = { ...root } as unknown as Document;
  for (const store of stores) (document as Record<string, unknown>)[store] = parts.flatMap((part) => part[store]);
  edit(document);
  for (const [at, part] of parts.entries()) {
    for (const store of stores) {
      const records = (document as Record<string, unknown>)[store] as { id: string }[];
      part[store] = records.filter((record) => partOf(record.id, parts.length) === at);
    }
    apache.writeFile(paths[at]!, JSON.stringify(part), { ageMs });
  }
  const index = { ...root, people: document.people };
  apache.writeFile(name, JSON.stringify(index), { ageMs });
}
