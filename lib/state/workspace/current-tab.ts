/**
 * The tab the popup was opened over: its address, the entity it shows (a ticket, a
 * chart, or any other page) and what the workspace holds about it.
 */
import { signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import type { EntityLink } from '../../domain/types';
import { request } from '../../messaging/client';
import type { PageContext } from '../../messaging/protocol';
import { adapterForUrl } from '../../sites';

export interface CurrentTab {
  id: number | null;
  url: string | null;
  title: string;
  /** The entity this page is, or null for pages that cannot be linked (browser pages). */
  link: EntityLink | null;
}

export const currentTab = signal<CurrentTab | null>(null);
export const tabContext = signal<PageContext | null>(null);

/** The page's own entity by its site's URL rules, else the page itself as a plain web link. */
export function linkForUrl(
  url: string,
  customDomains: readonly { origin: string; site: EntityLink['site'] }[],
): EntityLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const adapter = adapterForUrl(parsed, customDomains);
  const found = adapter?.entityFromUrl(parsed);
  if (adapter && found) return { site: adapter.site, key: found.key, url: found.url };
  const plain = `${parsed.origin}${parsed.pathname}${parsed.search}`;
  return { site: 'web', key: plain, url: plain };
}

/**
 * The tab under the popup, asked for once. The popup stays over the tab it was opened
 * from; asked again later, "the active tab of the last focused window" can be another
 * (the popup's own window, or a second browser window the focus went to).
 */
const queryTab = async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
let openedOver: ReturnType<typeof queryTab> | null = null;
const tabUnderPopup = () =>
  (openedOver ??= queryTab().catch((failure: unknown) => {
    openedOver = null;
    throw failure;
  }));

let contextSequence = 0;

/** What the workspace holds about the tab's entity now; an older answer never replaces a newer one. */
export async function refreshTabContext(): Promise<void> {
  const link = currentTab.peek()?.link ?? null;
  const sequence = ++contextSequence;
  const context = link ? await request({ type: 'page.context', links: [{ site: link.site, key: link.key }] }) : null;
  if (sequence === contextSequence) tabContext.value = context;
}

/** Reads the tab (the first time) and what its page is under these custom domains, then its context. */
export async function loadCurrentTab(
  customDomains: readonly { origin: string; site: EntityLink['site'] }[],
): Promise<void> {
  const tab = await tabUnderPopup();
  const url = tab?.url ?? null;
  const link = url ? linkForUrl(url, customDomains) : null;
  currentTab.value = { id: tab?.id ?? null, url, title: tab?.title ?? '', link };
  await refreshTabContext();
}
