/**
 * The worker's side of lib/messaging/file-channel.ts: a workspace file posted whole by
 * the dashboard, kept as the one part of its upload (import-file-parts.ts), so the
 * preview and the import name it as they name a file sent in parts. Its text is read here,
 * as the dashboard would have read it, and checked when the preview asks for it.
 */
import * as v from 'valibot';
import { MAX_IMPORT_BYTES } from '../domain/workspace-file';
import { FileMessageSchema } from '../messaging/file-channel';
import type { Reply } from '../messaging/protocol';
import { StorageError } from '../storage';
import type { FileUploads } from './import-file-parts';

/** Takes a posted file; the reply is what an extension message's would be. */
export async function receiveFile(uploads: FileUploads, data: unknown): Promise<Reply<null>> {
  try {
    const parsed = v.safeParse(FileMessageSchema, data);
    if (!parsed.success) throw new StorageError('invalid', 'This is not a workspace file sent by the dashboard.');
    const { upload, file } = parsed.output;
    if (file.size > MAX_IMPORT_BYTES) {
      throw new StorageError('invalid', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    }
    uploads.put(upload, 0, 1, await file.text());
    return { ok: true, value: null };
  } catch (failure) {
    if (failure instanceof StorageError) {
      const { code, message, path } = failure;
      return { ok: false, error: { code, message, ...(path ? { path } : {}) } };
    }
    return { ok: false, error: { code: 'storage', message: 'The file could not be read; choose it again.' } };
  }
}

/** A `message` event of the worker's global; a service worker's can be kept waited for. */
type PostedMessage = Pick<MessageEvent, 'data' | 'origin' | 'ports'> & {
  waitUntil?: (promise: Promise<unknown>) => void;
};

/**
 * The worker's `message` listener: answers on the port the page sent with the file.
 * A message without a port, or from another origin, is not for it.
 */
export function fileListener(uploads: FileUploads, origin: string): (event: PostedMessage) => void {
  return (event) => {
    const port = event.ports[0];
    if (!port || (event.origin && event.origin !== origin)) return;
    const replied = receiveFile(uploads, event.data).then((reply) => port.postMessage(reply));
    // A worker is kept running while it reads the file and answers.
    event.waitUntil?.(replied);
  };
}
