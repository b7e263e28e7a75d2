/**
 * Self-hosted instances of supported sites (Jira Data Center, GitHub Enterprise,
 * self-hosted PostHog). Adding one asks for that host's optional permission, then
 * registers the overlay content script for it at run time; removing undoes both.
 * Registered scripts persist across browser restarts (persistAcrossSessions).
 */
import { browser } from 'wxt/browser';
import type { SiteId } from './domain/types';
import { request } from './messaging/client';

export const SELF_HOSTABLE_SITES = ['jira', 'github', 'posthog'] as const satisfies readonly SiteId[];
export type SelfHostableSite = (typeof SELF_HOSTABLE_SITES)[number];

const OVERLAY_SCRIPT = 'overlay.js';
const SCRIPT_PREFIX = 'nsl-custom-';

export type ParsedOrigin = { ok: true; pattern: string } | { ok: false; message: string };

/**
 * What the user typed (a host, an origin or any URL on it) as an origin match pattern,
 * `https://jira.example.com/*`. Only https: the extension may only ask for https hosts.
 */
export function originPatternFrom(typed: string): ParsedOrigin {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Type the address of your instance, e.g. jira.example.com' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `“${text}” is not a web address` };
  }
  if (url.protocol !== 'https:')
    return { ok: false, message: 'Only https addresses can be added: the page must be served over https' };
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    return { ok: false, message: `“${url.hostname}” is not a full host name` };
  if (url.username || url.password) return { ok: false, message: 'Leave out the user name and password' };
  return { ok: true, pattern: `https://${url.host}/*` };
}

/** One registered script per domain; the id is derived from the pattern so removal finds it. */
export function scriptIdFor(pattern: string): string {
  return (
    SCRIPT_PREFIX +
    pattern
      .replace(/^https:\/\//, '')
      .replace(/\/\*$/, '')
      .replace(/[^a-z0-9.-]/gi, '_')
  );
}

export async function registerOverlayFor(pattern: string): Promise<void> {
  const id = scriptIdFor(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [pattern], js: [OVERLAY_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * Must be called straight from the user's click: the permission prompt needs the gesture,
 * so the request goes out before anything else is awaited.
 */
export async function addCustomDomain(
  pattern: string,
  site: SelfHostableSite,
  current: readonly { origin: string; site: SiteId }[],
): Promise<'added' | 'refused'> {
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return 'refused';
  await registerOverlayFor(pattern);
  const others = current.filter((d) => d.origin !== pattern);
  await request({ type: 'settings.update', patch: { customDomains: [...others, { origin: pattern, site }] } });
  return 'added';
}

export async function removeCustomDomain(
  pattern: string,
  current: readonly { origin: string; site: SiteId }[],
): Promise<void> {
  const id = scriptIdFor(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await request({ type: 'settings.update', patch: { customDomains: current.filter((d) => d.origin !== pattern) } });
}

/**
 * Brings the registered scripts in line with the stored domains whose permission is
 * still granted: for the background to call on install and startup.
 */
export async function syncCustomDomainScripts(domains: readonly { origin: string }[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const wanted = new Set<string>();
  for (const d of domains) {
    if (await browser.permissions.contains({ origins: [d.origin] })) wanted.add(scriptIdFor(d.origin));
  }
  const stale = registered.filter((s) => s.id.startsWith(SCRIPT_PREFIX) && !wanted.has(s.id)).map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const d of domains) if (wanted.has(scriptIdFor(d.origin))) await registerOverlayFor(d.origin);
}
