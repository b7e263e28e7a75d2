/**
 * The overlay content script registered at run time for each self-hosted instance (custom
 * domain) whose host permission the user granted, one script per domain.
 */
import { browser } from 'wxt/browser';

const OVERLAY_SCRIPT = 'overlay.js';
const SCRIPT_PREFIX = 'nsl-custom-';

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

export async function unregisterOverlayFor(pattern: string): Promise<void> {
  const id = scriptIdFor(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
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
