/**
 * The chosen workspace file, handed to the worker whole. An extension message is
 * serialised as JSON on its way and Chromium took about 30 s (load 8 on 2 cores) to carry
 * the 90 MiB of the 100,000-item file in parts, against 1 s for the file posted to the
 * service worker that controls the dashboard: a File crosses by reference and the worker
 * reads its text itself (docs/benchmarks.md, round 12). Where the extension has no service
 * worker (Firefox runs the background as a page, whose messages are structured clones
 * anyway), the file goes in parts as before (workspace-file-parts.ts).
 *
 * Only pages of the extension's own origin can reach its service worker; the worker
 * checks the message anyway (lib/background/import-file-channel.ts).
 */
import * as v from 'valibot';
import { RequestError } from './client';
import type { Reply } from './protocol';

export const FILE_MESSAGE_TYPE = 'workspace.file';

export const FileMessageSchema = v.strictObject({
  type: v.literal(FILE_MESSAGE_TYPE),
  upload: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  file: v.instance(Blob),
});

export type FileMessage = v.InferOutput<typeof FileMessageSchema>;

/** Past this the file goes in parts: a worker stopped while reading it never answers. */
const REPLY_TIMEOUT_MS = 60_000;

/**
 * Posts `file` to the worker under `upload`; false when the extension has no service
 * worker or none answered in time (the caller then sends the text in parts). A refusal throws.
 */
export async function postFile(upload: string, file: Blob): Promise<boolean> {
  const worker = await activeWorker();
  if (!worker) return false;
  const channel = new MessageChannel();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reply = new Promise<Reply<null> | null>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<Reply<null>>) => resolve(event.data);
    timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
  });
  const message: FileMessage = { type: FILE_MESSAGE_TYPE, upload, file };
  worker.postMessage(message, [channel.port2]);
  const answer = await reply;
  clearTimeout(timer);
  channel.port1.close();
  if (answer && !answer.ok) throw new RequestError(answer.error);
  return answer !== null;
}

/**
 * The extension's active service worker. Not `controller`: a page opened while the worker
 * was starting is not controlled by it (the bench saw that), yet can post to it.
 */
async function activeWorker(): Promise<ServiceWorker | null> {
  try {
    return (await globalThis.navigator?.serviceWorker?.getRegistration())?.active ?? null;
  } catch {
    // Firefox's extension pages have no service worker to ask for.
    return null;
  }
}
