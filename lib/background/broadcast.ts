/**
 * Tells every open view that the workspace changed, after the write has committed.
 * Extension pages hear runtime messages; content scripts only hear tab messages.
 * Tabs without our content script reject the message, which is expected and ignored.
 */
import { browser } from 'wxt/browser';
import type { Item } from '../domain/types';
import type { ChangeNotice } from '../messaging/protocol';

/**
 * `item` is the item the write created or changed: a tab showing it updates from the
 * notice alone, without asking the worker again. Every tab with our content script could
 * ask for it anyway (`page.context`), so carrying it discloses nothing new.
 */
export async function broadcastChange(stores: ChangeNotice['stores'], item?: Item): Promise<void> {
  const notice: ChangeNotice = { type: 'nsl.changed', stores, at: Date.now(), ...(item ? { item } : {}) };
  const toPages = browser.runtime.sendMessage(notice).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all([
    toPages,
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, notice).catch(() => undefined))),
  ]);
}
