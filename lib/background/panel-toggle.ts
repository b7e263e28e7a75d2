/**
 * Opens the panel in a tab: on supported sites the content script is already there; on
 * any other page the user's gesture (toolbar button, keyboard command) grants activeTab,
 * and the overlay script is injected into that one page on demand.
 */
import { browser } from 'wxt/browser';
import type { TogglePanelNotice } from '../messaging/protocol';

const OVERLAY_SCRIPT = '/overlay.js';
const EXPANDED_PANEL_SCRIPT = '/expanded-panel.js';

/**
 * The open panel's code, into the one frame that asked: it runs in that frame's isolated
 * world beside the content script. On the supported sites the manifest's host permissions
 * allow it; on a self-hosted instance its granted host; on any other page activeTab.
 */
export async function injectExpandedPanel(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [EXPANDED_PANEL_SCRIPT],
    injectImmediately: true,
  });
}

export async function togglePanelInTab(tabId: number): Promise<void> {
  const notice: TogglePanelNotice = { type: 'nsl.togglePanel' };
  try {
    await browser.tabs.sendMessage(tabId, notice);
    return;
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT] });
  }
  // The injected script starts asynchronously: give it a moment to begin listening.
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await browser.tabs.sendMessage(tabId, notice);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
