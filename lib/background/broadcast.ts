/**
 * Tells every open view that the workspace changed, after the write has committed.
 * Extension pages hear runtime messages; content scripts only hear tab messages.
 * Tabs without our content script reject the message, which is expected and ignored.
 */
import { browser } from 'wxt/browser';
import type { Id, Item, WorkspacePart } from '../domain/types';
import type { ChangeNotice } from '../messaging/protocol';

interface Tab {
  id?: number;
  url?: string;
}

/**
 * The tabs to tell. A write asks for them as it starts, so the notice does not wait for
 * this round trip to the browser once the write has committed. Never rejects.
 */
export function listTabs(): Promise<Tab[]> {
  return browser.tabs.query({}).catch(() => []);
}

/**
 * `item` is the item the write created or changed (`removedItemId` the one it deleted): a
 * tab showing it updates from the notice alone, without asking the worker again. Every tab with our content script could
 * ask for it anyway (`page.context`), so carrying it discloses nothing new.
 */
export async function broadcastChange(
  stores: WorkspacePart[],
  { item, removedItemId, valuesChanged }: { item?: Item; removedItemId?: Id; valuesChanged?: Id[] } = {},
  openTabs: Promise<Tab[]> = listTabs(),
  fromTabId?: number,
): Promise<void> {
  const notice: ChangeNotice = {
    type: 'nsl.changed',
    stores,
    at: Date.now(),
    ...(item ? { item } : {}),
    ...(removedItemId ? { removedItemId } : {}),
    ...(valuesChanged ? { valuesChanged } : {}),
  };
  const tabs = noticeOrder(await openTabs, { fromTabId, ownPagesStartWith: browser.runtime.getURL('/') });
  await Promise.all([
    ...tabs.map((tabId) => browser.tabs.sendMessage(tabId, notice).catch(() => undefined)),
    browser.runtime.sendMessage(notice).catch(() => undefined),
  ]);
}

/**
 * The tabs to send a notice to, in the order to send it: the browser hands the messages
 * on one after another, so the tabs where a page may be showing the change come first,
 * and the tab that made it (its page has its answer already; its other frames may not)
 * last. The extension's own pages are left out: they hear the runtime message instead,
 * and no content script runs in them.
 */
export function noticeOrder(
  tabs: readonly Tab[],
  { fromTabId, ownPagesStartWith }: { fromTabId?: number; ownPagesStartWith: string },
): number[] {
  const ids = tabs.flatMap((tab) => (tab.id === undefined || tab.url?.startsWith(ownPagesStartWith) ? [] : [tab.id]));
  return [...ids.filter((id) => id !== fromTabId), ...ids.filter((id) => id === fromTabId)];
}
