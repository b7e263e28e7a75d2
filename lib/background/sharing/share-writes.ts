/**
 * Writing a share's files after a merge: only those whose text changed, each under the
 * same discipline as one file always was (webdav-client.ts): If-Match with the strong tag
 * it was read with and a lock around the PUT, or If-None-Match: * for a file that is not
 * there yet. Parts go first, all at once, and the index last: while a file of version 1 is
 * upgraded, readers see the old file until the index replaces it. Except for a publisher
 * new to the file: a part stamped by someone the server's index does not list would be
 * refused by every reader (shared-parts.ts), so that publisher writes the index first. A 412 or 423 on any file ends the attempt: the caller
 * reads again, merges and writes what still differs (parts already written are CRDT
 * states, so writing them again is harmless).
 */
import { MAX_CLOCK_AHEAD_MS } from '../../domain/sharing/hlc';
import { MAX_SHARED_BYTES } from '../../domain/sharing/shared-file-schema';
import { MAX_PART_BYTES, partName, type SharedTexts } from '../../domain/sharing/shared-parts';
import type { Share } from './share-address';
import { type ShareFailure, shareFailure } from './share-failure';
import { baseName, type FileRead, partShare, pooled } from './share-files';
import type { PutCondition, PutResult, WebDavClient } from './webdav-client';

export type WriteResult =
  /** The tags the server answered with, by part number and 'root' for the file at the address. */
  | { ok: true; status: 'written'; rootEtag: string | null; etags: Map<number | 'root', string | null> }
  | { ok: true; status: 'conflict' | 'locked' }
  | ShareFailure;

interface ServerFiles {
  readonly root: FileRead;
  readonly parts: ReadonlyMap<number, FileRead>;
  readonly index: { readonly parts: readonly string[] } | null;
}

export async function writeFiles(
  client: WebDavClient,
  share: Share,
  texts: SharedTexts,
  server: ServerFiles | null,
  { indexFirst }: { indexFirst: boolean },
): Promise<WriteResult> {
  const etags = new Map<number | 'root', string | null>();
  const base = baseName(share);
  const names = texts.parts.map((_, part) => server?.index?.parts[part] ?? partName(base, part, texts.parts.length));
  const writeRoot = async (): Promise<PutResult> => {
    if (server && server.root.text === texts.index) return { ok: true, status: 'written', etag: server.root.etag };
    const written = await client.put(share, texts.index, conditionOf(server?.root ?? null));
    if (written.ok && written.status === 'written') etags.set('root', written.etag);
    return written;
  };
  const writePart = async (part: number): Promise<PutResult> => {
    const read = server?.parts.get(part) ?? null;
    const text = texts.parts[part]!;
    if (read?.text === text) return { ok: true, status: 'written', etag: read.etag };
    const target = partShare(share, names[part]!);
    let written = await client.put(target, text, conditionOf(read));
    if (!written.ok && written.status === 409 && read?.text == null) {
      // Someone removed the parts' folder since.
      const made = await client.makeFolder(folder);
      if (!made.ok) return made;
      written = await client.put(target, text, conditionOf(read));
    }
    if (written.ok && written.status === 'written') etags.set(part, written.etag);
    return written;
  };
  const folder = partShare(share, names[0]!.replace(/[^/]*$/, ''));
  if (texts.parts.some((_, part) => server?.parts.get(part)?.text == null)) {
    // A part to create: its folder may not be there yet (the first publish of version 2 here).
    const made = await client.makeFolder(folder);
    if (!made.ok) return made;
  }
  if (indexFirst) {
    const first = await writeRoot();
    if (!first.ok || first.status !== 'written') return first;
  }
  const parts = await pooled(texts.parts, (_, part) => writePart(part));
  const stopped = parts.find((result) => !result.ok || result.status !== 'written');
  if (stopped) return stopped as Exclude<PutResult, { status: 'written' }>;
  if (!indexFirst) {
    const last = await writeRoot();
    if (!last.ok || last.status !== 'written') return last;
  }
  return { ok: true, status: 'written', rootEtag: etags.get('root') ?? null, etags };
}

function conditionOf(read: FileRead | null): PutCondition {
  return read?.text != null && read.etag !== null ? { ifMatch: read.etag } : { create: true };
}

export function clockSkew(serverDate: number | null, now: number): ShareFailure | null {
  if (serverDate === null || Math.abs(now - serverDate) <= MAX_CLOCK_AHEAD_MS) return null;
  const hours = Math.round(Math.abs(now - serverDate) / 3_600_000);
  return shareFailure(
    'clock',
    `this computer's clock is ${hours} hours ${now > serverDate ? 'ahead of' : 'behind'} the server's; ` +
      'nothing is published until it is set right, or every change would be dated wrong for the team',
  );
}

/**
 * Every reader refuses a tree over MAX_SHARED_BYTES (or a part over MAX_PART_BYTES)
 * before parsing it, so writing one would cut the whole team off until someone removed
 * records. Refused before the PUT: the changes stay here and the server's files as they were.
 * UTF-8 takes at most 3 bytes a UTF-16 unit, so the bytes are counted only near a limit.
 */
export function tooLargeToPublish(texts: SharedTexts): ShareFailure | null {
  const all = [texts.index, ...texts.parts];
  const units = all.reduce((sum, text) => sum + text.length, 0);
  const encoder = new TextEncoder();
  const byteSize = (text: string) =>
    text.length * 3 <= MAX_PART_BYTES ? text.length : encoder.encode(text).byteLength;
  const partBytes = Math.max(...all.map(byteSize));
  const bytes =
    units * 3 <= MAX_SHARED_BYTES ? units : all.reduce((sum, text) => sum + encoder.encode(text).byteLength, 0);
  if (bytes <= MAX_SHARED_BYTES && partBytes <= MAX_PART_BYTES) return null;
  const what =
    bytes > MAX_SHARED_BYTES
      ? `the shared tree would be ${(bytes / 1024 / 1024).toFixed(1)} MiB, more than the ` +
        `${MAX_SHARED_BYTES / 1024 / 1024} MiB a shared file may hold`
      : `one part of the shared tree would be ${(partBytes / 1024 / 1024).toFixed(1)} MiB, more than the ` +
        `${MAX_PART_BYTES / 1024 / 1024} MiB a part may hold`;
  return shareFailure(
    'too-large',
    `${what}, so it was not published and nothing here was lost; delete items or shorten long notes, then sync again`,
  );
}
