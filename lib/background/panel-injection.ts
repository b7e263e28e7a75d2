/**
 * The open panel's code, injected on demand (`panel.load`) into the frame whose content
 * script asked: the one request answered without the database, since it needs the
 * sending tab, which only the worker's listener knows.
 */
import { browser } from 'wxt/browser';
import type { Reply } from '../messaging/protocol';

const EXPANDED_PANEL_SCRIPT = '/expanded-panel.js';

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * The open panel's code, into the one frame that asked: it runs in that frame's isolated
 * world beside the content script. On the supported sites the manifest's host permissions
 * allow it; on a self-hosted instance its granted host; on any other page activeTab.
 */
async function injectExpandedPanel(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [EXPANDED_PANEL_SCRIPT],
    injectImmediately: true,
  });
}

/** Puts the open panel's code into the frame whose content script asked for it, and only there. */
export async function loadPanelFor(sender: MessageSender): Promise<Reply<null>> {
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
