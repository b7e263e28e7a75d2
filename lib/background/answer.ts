/**
 * A checked request's reply: its handler's answer, or the error a view can show. After a
 * committed write every open view is told; a failed database is forgotten, so the next
 * request opens it again.
 */
import type { Reply, RequestOf } from '../messaging/protocol';
import { mayWrite } from '../messaging/requests';
import { StorageError, type LensDb } from '../storage';
import { broadcastChange, listTabs } from './broadcast';
import { handle, type StoredRequestType } from './dispatch';

export async function answer(
  database: () => Promise<LensDb>,
  forgetDatabase: () => void,
  request: RequestOf<StoredRequestType>,
  fromTabId?: number,
): Promise<Reply<unknown>> {
  const openTabs = mayWrite(request.type) ? listTabs() : undefined;
  try {
    const { value, changed, item, removedItemId, valuesChanged } = await handle(await database(), request);
    if (changed.length > 0) void broadcastChange(changed, { item, removedItemId, valuesChanged }, openTabs, fromTabId);
    return { ok: true, value };
  } catch (failure) {
    if (!(failure instanceof StorageError) || failure.code === 'storage') forgetDatabase();
    if (failure instanceof StorageError) {
      return {
        ok: false,
        error: { code: failure.code, message: failure.message, ...(failure.path ? { path: failure.path } : {}) },
      };
    }
    console.error('North Star Lens: request failed', failure);
    return {
      ok: false,
      error: { code: 'storage', message: 'Something went wrong while saving. Nothing was changed; try again.' },
    };
  }
}
