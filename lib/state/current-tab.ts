/**
 * The tab the popup was opened over: its address, the entity it shows (a ticket, a
 * chart, or any other page) and what the workspace holds about it.
 */
import { signal } from '@preact/signals-core';
import { browser } from 'wxt/browser';
import type { EntityLink } from '../domain/types';
import { request } from '../messaging/client';
import type { PageContext } from '../messaging/protocol';
import { adapterForUrl } from '../sites';

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
export function linkForUrl(url: string, customDomains: readonly { origin: string; site: EntityLink['site'] }[]): EntityLink | null {
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

export async function loadCurrentTab(customDomains: readonly { origin: string; site: EntityLink['site'] }[]): Promise<void> {
  // The window the user was last in: the one whose toolbar opened the popup.
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const url = tab?.url ?? null;
  const link = url ? linkForUrl(url, customDomains) : null;
  currentTab.value = { id: tab?.id ?? null, url, title: tab?.title ?? '', link };
  tabContext.value = link ? await request({ type: 'page.context', links: [{ site: link.site, key: link.key }] }) : null;
}
