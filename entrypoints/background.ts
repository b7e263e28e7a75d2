import { browser } from 'wxt/browser';
import { answer } from '../lib/background/answer';
import { receiveFileMessage } from '../lib/background/import-handlers';
import { loadPanelFor, type MessageSender } from '../lib/background/panel-injection';
import { captureIfPinned } from '../lib/background/pin-capture';
import { togglePanelInTab } from '../lib/messaging/panel-toggle';
import { syncCustomDomainScripts } from '../lib/background/custom-domain-scripts';
import { PULL_ALARM, localEditMade, syncAll } from '../lib/background/sharing/share-schedule';
import { mayWrite } from '../lib/messaging/requests';
import { checkMessage } from '../lib/messaging/validate';
import { getSettings, openWorkspaceDb, type LensDb } from '../lib/storage';

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
    const { request } = checked;
    if (request.type === 'panel.load') {
      // A panel opening pulls the shared files (at most once a minute, see share-schedule.ts).
      void database()
        .then((db) => syncAll(db, 'open'))
        .catch(() => undefined);
      return loadPanelFor(sender);
    }
    // A chart page opening: its pinned number is recorded if the user asked for that (lib/background/pin-capture.ts).
    if (request.type === 'page.open') void captureIfPinned(database, request.url, sender);
    return answer(database, forgetDatabase, request, sender.tab?.id).then((reply) => {
      // A local edit to a shared tree is published once edits stop for a few seconds.
      if (reply.ok && mayWrite(request.type) && !request.type.startsWith('share.')) localEditMade(database);
      return reply;
    });
  });

  // A workspace file the dashboard posts whole, not as an extension message (lib/messaging/file-channel.ts).
  self.addEventListener('message', receiveFileMessage);

  const syncShares = (why: 'startup' | 'alarm') =>
    void database()
      .then((db) => syncAll(db, why))
      .catch(() => undefined);
  browser.runtime.onStartup.addListener(() => syncShares('startup'));
  browser.alarms?.onAlarm.addListener((alarm: { name: string }) => {
    if (alarm.name === PULL_ALARM) syncShares('alarm');
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

function isNotice(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'nsl.changed' || type === 'nsl.togglePanel';
}
