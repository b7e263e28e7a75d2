/**
 * Reading a share's files: the one at the address (a version-1 file, or a version-2 index)
 * and, for version 2, its parts (lib/domain/sharing/shared-parts.ts). Every file is read
 * conditionally on the ETag this worker holds for it, and bytes equal to those it last
 * merged or wrote are not parsed again. What is new is checked whole (index and every
 * part read, like an import) before anything is merged: the first problem names its file.
 *
 * Which parts a pull reads: all of them (each conditional) when the index changed, only
 * those this worker holds no tagged copy of when it did not. Every publish rewrites the
 * index after its parts (it carries the publisher's new `seen` stamp), so an index
 * answered 304 means no publish finished since. A publish reads every part (conditional)
 * before it writes: a part written by a publisher stopped before its index (a closed
 * laptop, a 412 given up) is merged by the next publish, whose index then tells the
 * readers. A replica that is stale against the index's prune horizon (safe-merge.ts)
 * reads every part whole: forgetting what it cannot trust needs the whole tree.
 */
import type { SharedBody } from '../../domain/sharing/shared-file-schema';
import {
  combineParts,
  PART_COUNT,
  parseSharedPart,
  parseSharedRoot,
  partName,
  type SharedIndex,
  type SharedTexts,
  toSharedParts,
} from '../../domain/sharing/shared-parts';
import type { Refusal } from '../../domain/sharing/shared-file';
import { isStale } from '../../domain/sharing/safe-merge';
import type { SharedState } from '../../domain/sharing/state';
import { isWeakEtag } from './webdav-client';
import type { Share } from './share-address';
import type { ShareFailure } from './share-failure';
import type { PullResult, WebDavClient } from './webdav-client';

/** One file as this replica last merged or wrote it; `etag` null when the server gave none (after a PUT). */
export interface FileCopy {
  readonly etag: string | null;
  readonly text: string;
}

/** The share's files as this worker knows them: the address's, and each part by number. */
export interface KnownFiles {
  readonly root: FileCopy | null;
  readonly parts: ReadonlyMap<number, FileCopy>;
}

/** One file as just read: `fresh` when its bytes are not those already known; null text: there is none. */
export interface FileRead {
  readonly etag: string | null;
  readonly text: string | null;
  readonly fresh: boolean;
}

export type ShareRead =
  | { ok: true; missing: true; serverDate: number | null }
  | {
      ok: true;
      missing: false;
      root: FileRead;
      /** Null for a version-1 file. */
      index: SharedIndex | null;
      /** By part number, the parts read or known; for version 1, any left by an interrupted upgrade. */
      parts: Map<number, FileRead>;
      /** What is new to merge, checked; null when nothing is. */
      body: SharedBody | null;
      serverDate: number | null;
    }
  | { ok: false; refusal: Refusal }
  | ShareFailure;

export interface ReadPlan {
  /** The root's ETag to send as If-None-Match, null for a whole read. */
  readonly rootEtag: string | null;
  /** A publish needs every part's bytes and tag (to merge and guard its writes); a pull only what changed. */
  readonly forWrite: boolean;
  /** Read every file whole: after a weak ETag, or when a tag cannot be trusted. */
  readonly whole: boolean;
  /** A publish with nothing of its own to write reads the parts only if the index changed. */
  readonly covered?: boolean;
}

/**
 * At most PARALLEL requests at a time, as a browser sends to one host: a server with few
 * workers (the tests' Apache has 16) drops connections beyond what it can take.
 */
export async function pooled<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      out[at] = await work(items[at]!, at);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

const PARALLEL = 4;

/** The address of part `name` (relative to the share's file), keeping the address's query. */
export function partShare(share: Share, name: string): Share {
  const url = new URL(name, share.url);
  url.search = new URL(share.url).search;
  return { url: url.href, credentials: share.credentials };
}

/** The share file's last path segment, which names its parts' folder. */
export function baseName(share: Share): string {
  const segment = new URL(share.url).pathname.split('/').pop() ?? '';
  return (segment || 'shared-tree').replaceAll(':', '%3A');
}

/** `local`: the state merged into, null when joining; `answered`: the answer to that very root GET, when sent already. */
export async function readShare(
  client: WebDavClient,
  share: Share,
  known: KnownFiles | null,
  local: SharedState | null,
  plan: ReadPlan,
  answered: PullResult | null = null,
): Promise<ShareRead> {
  const pulled = answered && !plan.whole ? answered : await client.pull(share, plan.whole ? null : plan.rootEtag);
  if (!pulled.ok) return pulled;
  const serverDate = pulled.serverDate;
  if (pulled.status === 'missing') return { ok: true, missing: true, serverDate };
  let root: FileRead;
  if (pulled.status === 'unchanged') {
    const text = known?.root?.text ?? null;
    // A 304 with no bytes kept (a restarted worker): a pull has nothing new; a publish needs the bytes.
    if (text === null && plan.forWrite) return readShare(client, share, known, local, { ...plan, whole: true });
    root = { etag: pulled.etag, text, fresh: false };
  } else {
    root = { etag: pulled.etag, text: pulled.text, fresh: pulled.text !== known?.root?.text };
  }
  if (root.text === null)
    return { ok: true, missing: false, root, index: null, parts: new Map(), body: null, serverDate };
  const parsed = parseSharedRoot(root.text, baseName(share));
  if (!parsed.ok) return { ok: false, refusal: parsed };
  const { index } = parsed;
  if (!index) {
    // Version 1: parts may be left from an upgrade that stopped halfway; a publish merges them too.
    const parts = plan.forWrite ? await readParts(client, share, known, null, plan) : new Map();
    if (Array.isArray(parts)) return parts[0];
    return { ok: true, missing: false, root, index: null, parts, body: root.fresh ? parsed.file : null, serverDate };
  }
  const stale = local !== null && index.prunedThrough !== null && isStale(local, index.prunedThrough);
  const wanted = { ...plan, whole: plan.whole || stale, all: root.fresh || (plan.forWrite && !plan.covered) || stale };
  const parts = await readParts(client, share, known, index, wanted);
  if (Array.isArray(parts)) return parts[0];
  const bodies: SharedBody[] = [];
  for (const [part, read] of parts) {
    if (!read.fresh || read.text === null) continue;
    const checked = parseSharedPart(read.text, index, part);
    if (!checked.ok) return { ok: false, refusal: checked };
    bodies.push(checked.body);
  }
  const anything = root.fresh || bodies.length > 0;
  const combined = anything ? combineParts(index, bodies) : null;
  if (combined && !combined.ok) return { ok: false, refusal: combined };
  return { ok: true, missing: false, root, index, parts, body: combined?.body ?? null, serverDate };
}

/**
 * The parts to read, all at once (a browser sends six at a time to one host): every part
 * when `all`, else those without a tagged copy here. A part not read is its known copy.
 */
async function readParts(
  client: WebDavClient,
  share: Share,
  known: KnownFiles | null,
  index: SharedIndex | null,
  plan: ReadPlan & { all?: boolean },
): Promise<Map<number, FileRead> | [ShareFailure]> {
  const names = index?.parts ?? Array.from({ length: PART_COUNT }, (_, part) => partName(baseName(share), part));
  const out = new Map<number, FileRead>();
  const reads = pooled(names, async (name, part) => {
    const copy = known?.parts.get(part) ?? null;
    if (!plan.all && copy?.etag != null && !plan.whole) {
      out.set(part, { etag: copy.etag, text: copy.text, fresh: false });
      return null;
    }
    const etag = plan.whole ? null : (copy?.etag ?? null);
    const pulled = await client.pull(partShare(share, name), etag);
    if (!pulled.ok) return pulled;
    if (pulled.status === 'missing') out.set(part, { etag: null, text: null, fresh: false });
    else if (pulled.status === 'unchanged')
      out.set(part, { etag: pulled.etag, text: copy?.text ?? null, fresh: false });
    else out.set(part, { etag: pulled.etag, text: pulled.text, fresh: pulled.text !== copy?.text });
    return null;
  });
  for (const failure of await reads) if (failure) return [failure];
  return out;
}

type Read = Extract<ShareRead, { ok: true; missing: false }>;

/** Whether `files` (a version-2 index and all its parts) hold exactly `state`. */
export function filesHold(share: Share, files: KnownFiles | null, state: SharedState): boolean {
  if (!files?.root || files.parts.size === 0) return false;
  const texts = toSharedParts(state, baseName(share), files.parts.size);
  return texts.index === files.root.text && texts.parts.every((text, part) => files.parts.get(part)?.text === text);
}

/**
 * The files as known after a read (`texts` null) or a write of `texts`: a file written
 * has the tag the PUT answered with (usually none), one not written the tag it was read with.
 */
export function filesOf(
  read: Read | null,
  texts: SharedTexts | null,
  etags: ReadonlyMap<number | 'root', string | null> | null,
): KnownFiles {
  const copy = (
    fresh: { etag: string | null; text: string | null } | undefined,
    text: string | undefined,
    key: number | 'root',
  ) => {
    const written = etags?.has(key) ?? false;
    const bytes = text ?? fresh?.text ?? null;
    if (bytes === null) return null;
    const etag = written ? (etags?.get(key) ?? null) : (fresh?.etag ?? null);
    return { etag: etag !== null && isWeakEtag(etag) && written ? null : etag, text: bytes };
  };
  const parts = new Map<number, FileCopy>();
  const count = texts?.parts.length ?? read?.parts.size ?? 0;
  for (let part = 0; part < count; part++) {
    const file = copy(read?.parts.get(part), texts?.parts[part], part);
    if (file) parts.set(part, file);
  }
  return { root: copy(read?.root, texts?.index, 'root'), parts };
}

export function sameTexts(texts: SharedTexts, read: Read): boolean {
  if (texts.index !== read.root.text || read.parts.size !== texts.parts.length) return false;
  return texts.parts.every((text, part) => read.parts.get(part)?.text === text);
}

/** Every file to overwrite needs the strong tag it was read with. */
export function weakGuard(texts: SharedTexts, read: Read | null): 'no-etag' | 'weak' | null {
  if (!read) return null;
  const files = [
    { text: texts.index, read: read.root },
    ...texts.parts.map((text, part) => ({ text, read: read.parts.get(part) })),
  ];
  let weak = false;
  for (const file of files) {
    if (!file.read || file.read.text === null || file.read.text === file.text) continue;
    if (file.read.etag === null) return 'no-etag';
    if (isWeakEtag(file.read.etag)) weak = true;
  }
  return weak ? 'weak' : null;
}
