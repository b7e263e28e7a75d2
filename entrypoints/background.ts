import { browser } from 'wxt/browser';
import { broadcastChange, listTabs } from '../lib/background/broadcast';
import { handle, type StoredRequestType } from '../lib/background/handlers';
import { injectExpandedPanel, togglePanelInTab } from '../lib/background/panel-toggle';
import type { Reply, RequestOf } from '../lib/messaging/protocol';
import { syncCustomDomainScripts } from '../lib/custom-domains';
import { mayWrite } from '../lib/messaging/requests';
import { checkMessage } from '../lib/messaging/validate';
import { getSettings, openWorkspaceDb, StorageError, type LensDb } from '../lib/storage';

export default defineBackground(() => {
  // The connection is the only thing kept in memory. It is opened on first use and
  // opened again after a failure (a stopped worker, or a newer version upgrading).
  let connection: Promise<LensDb> | null = null;
  const database = () => (connection ??= openWorkspaceDb());
  const forgetDatabase = () => {
    connection = null;
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    if (isNotice(raw)) return undefined;
    const checked = checkMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) return Promise.resolve(checked.reply);
    if (checked.request.type === 'panel.load') return loadPanelFor(sender);
    return answer(database, forgetDatabase, checked.request, sender.tab?.id);
  });

  // Chromium forgets scripts registered at run time across restarts, whatever
  // persistAcrossSessions says: register the self-hosted domains again each time.
  const syncCustomDomains = async () => {
    const { customDomains } = await getSettings(await database());
    await syncCustomDomainScripts(customDomains);
  };
  browser.runtime.onStartup.addListener(() => void syncCustomDomains().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void syncCustomDomains().catch(() => undefined));

  browser.commands?.onCommand.addListener(async (command: string, tab?: { id?: number }) => {
    if (command !== 'toggle-panel') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await togglePanelInTab(tabId).catch(() => undefined);
  });
});

async function answer(
  database: () => Promise<LensDb>,
  forgetDatabase: () => void,
  request: RequestOf<StoredRequestType>,
  fromTabId?: number,
): Promise<Reply<unknown>> {
  const openTabs = mayWrite(request.type) ? listTabs() : undefined;
  try {
    const { value, changed, item } = await handle(await database(), request);
    if (changed.length > 0) void broadcastChange(changed, item, openTabs, fromTabId);
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

interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Puts the open panel's code into the frame whose content script asked for it, and only there. */
async function loadPanelFor(sender: MessageSender): Promise<Reply<null>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    return { ok: false, error: { code: 'forbidden', message: 'Only a page showing the panel can load it.' } };
  }
  try {
    await injectExpandedPanel(tabId, sender.frameId ?? 0);
    return { ok: true, value: null };
  } catch (failure) {
    console.error('North Star Lens: the panel could not be loaded', failure);
    return { ok: false, error: { code: 'unavailable', message: 'The panel could not be loaded into this page.' } };
  }
}

function isNotice(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'nsl.changed' || type === 'nsl.togglePanel';
}
