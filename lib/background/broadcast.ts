/**
 * Tells every open view that the workspace changed, after the write has committed.
 * Extension pages hear runtime messages; content scripts only hear tab messages.
 * Tabs without our content script reject the message, which is expected and ignored.
 */
import { browser } from 'wxt/browser';
import type { Item } from '../domain/types';
import type { ChangeNotice } from '../messaging/protocol';

interface Tab {
  id?: number;
}

/**
 * The tabs to tell. A write asks for them as it starts, so the notice does not wait for
 * this round trip to the browser once the write has committed. Never rejects.
 */
export function listTabs(): Promise<Tab[]> {
  return browser.tabs.query({}).catch(() => []);
}

/**
 * `item` is the item the write created or changed: a tab showing it updates from the
 * notice alone, without asking the worker again. Every tab with our content script could
 * ask for it anyway (`page.context`), so carrying it discloses nothing new.
 */
export async function broadcastChange(stores: ChangeNotice['stores'], item?: Item, openTabs: Promise<Tab[]> = listTabs()): Promise<void> {
  const notice: ChangeNotice = { type: 'nsl.changed', stores, at: Date.now(), ...(item ? { item } : {}) };
  const toPages = browser.runtime.sendMessage(notice).catch(() => undefined);
  const tabs = await openTabs;
  await Promise.all([
    toPages,
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, notice).catch(() => undefined))),
  ]);
}
