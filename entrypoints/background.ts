import { browser } from 'wxt/browser';
import { broadcastChange } from '@/lib/background/broadcast';
import { handle } from '@/lib/background/handlers';
import { togglePanelInTab } from '@/lib/background/panel-toggle';
import type { Reply, Request } from '@/lib/messaging/protocol';
import { syncCustomDomainScripts } from '@/lib/custom-domains';
import { checkMessage } from '@/lib/messaging/validate';
import { getSettings, openWorkspaceDb, StorageError, type LensDb } from '@/lib/storage';

export default defineBackground(() => {
  // The connection is the only thing kept in memory. It is opened on first use and
  // opened again after a failure (a stopped worker, or a newer version upgrading).
  let connection: Promise<LensDb> | null = null;
  const database = () => (connection ??= openWorkspaceDb());
  const forgetDatabase = () => {
    connection = null;
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (isNotice(raw)) return undefined;
    const checked = checkMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) return Promise.resolve(checked.reply);
    return answer(database, forgetDatabase, checked.request);
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

async function answer(database: () => Promise<LensDb>, forgetDatabase: () => void, request: Request): Promise<Reply<unknown>> {
  try {
    const { value, changed } = await handle(await database(), request);
    if (changed.length > 0) void broadcastChange(changed);
    return { ok: true, value };
  } catch (failure) {
    if (!(failure instanceof StorageError) || failure.code === 'storage') forgetDatabase();
    if (failure instanceof StorageError) {
      return { ok: false, error: { code: failure.code, message: failure.message, ...(failure.path ? { path: failure.path } : {}) } };
    }
    console.error('North Star Lens: request failed', failure);
    return { ok: false, error: { code: 'storage', message: 'Something went wrong while saving. Nothing was changed; try again.' } };
  }
}

function isNotice(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'nsl.changed' || type === 'nsl.togglePanel';
}
