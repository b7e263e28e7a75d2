/**
 * Runs at document_start on the supported sites (listed in the manifest by wxt.config.ts),
 * before the page has parsed, and only asks the background what the pill will need: by
 * the time the content script starts (document_idle) the answer is there, so the pill
 * shows the ticket's linkage at once instead of one round trip later. Kept tiny: it runs
 * on every page load of those sites.
 */
import { browser } from 'wxt/browser';
import type { ChangeNotice, PageOpening, Reply } from '../lib/messaging/protocol';
import { EARLY_GLOBAL, type EarlyRequest } from './overlay/early';

export default defineUnlistedScript(() => {
  const onNotice = (message: unknown) => {
    if ((message as ChangeNotice | null)?.type === 'nsl.changed') early.stale = true;
  };
  const early: EarlyRequest = {
    url: location.href,
    reply: browser.runtime.sendMessage({ type: 'page.open', url: location.href }) as Promise<
      Reply<PageOpening> | undefined
    >,
    stale: false,
    stopListening: () => browser.runtime.onMessage.removeListener(onNotice),
  };
  browser.runtime.onMessage.addListener(onNotice);
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = early;
});
