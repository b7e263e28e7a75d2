/**
 * Opens the panel in a tab: on supported sites the content script is already there; on
 * any other page the user's gesture (toolbar button, keyboard command) grants activeTab,
 * and the overlay script is injected into that one page on demand.
 */
import { browser } from 'wxt/browser';
import type { TogglePanelNotice } from '../messaging/protocol';

const OVERLAY_SCRIPT = '/overlay.js';

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
