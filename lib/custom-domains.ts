/**
 * Adding and removing a self-hosted instance of a supported site (Jira Data Center,
 * GitHub Enterprise, self-hosted PostHog), from the dashboard: the host's optional
 * permission, the overlay script registered for it, and the stored setting. Registered
 * scripts persist across browser restarts (persistAcrossSessions).
 */
import { browser } from 'wxt/browser';
import { registerOverlayFor, unregisterOverlayFor } from './background/custom-domain-scripts';
import type { SiteId } from './domain/types';
import { request } from './messaging/client';

export const SELF_HOSTABLE_SITES = ['jira', 'github', 'posthog'] as const satisfies readonly SiteId[];
export type SelfHostableSite = (typeof SELF_HOSTABLE_SITES)[number];

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
  await unregisterOverlayFor(pattern);
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  await request({ type: 'settings.update', patch: { customDomains: current.filter((d) => d.origin !== pattern) } });
}
