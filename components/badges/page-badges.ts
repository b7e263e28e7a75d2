/**
 * The badges of the page the overlay runs in, wired to the background: the links the page
 * shows looked up through it, batch by batch, and every change notice followed for as long
 * as the overlay lives. The overlay entry only says when they start (entrypoints/overlay:
 * after the pill has shown). The page holds the answers for its own links only, never an
 * index of the workspace: its heap does not grow with the workspace.
 */
import { onWorkspaceChange, request } from '../../lib/messaging/client';
import type { SiteSettings } from '../../lib/messaging/protocol';
import { writtenItem } from '../../lib/state/page/page';
import { entityLinkFromHref } from '../../lib/sites';
import type { SiteAdapter } from '../../lib/sites/types';
import { badgeLayer } from './badge-layer';

/** The part of the overlay's lifetime the badges follow (entrypoints/overlay/lifetime.ts). */
export interface BadgesLifetime {
  onEnd(cleanup: () => void): void;
}

/** Switches the badges off or on again, as the site's setting says. */
export type FollowSiteSetting = (off: boolean) => void;

export function startPageBadges(
  adapter: SiteAdapter,
  /** Read when needed: the settings change while the page is open. */
  settings: () => SiteSettings,
  isSwitchedOff: () => boolean,
  ownHost: Element,
  lifetime: BadgesLifetime,
): FollowSiteSetting {
  const layer = badgeLayer({
    selector: adapter.linkSelector,
    entityElements: adapter.entityElements && { site: adapter.site, kinds: adapter.entityElements },
    lookupHrefs: (hrefs, base) => request({ type: 'badges.forHrefs', hrefs, base }),
    lookup: (links) => request({ type: 'badges.lookup', links: links.map(({ site, key }) => ({ site, key })) }),
    resolve: (href, base) => entityLinkFromHref(href, base, settings().customDomains),
    ownHost,
  });
  if (!isSwitchedOff()) layer.start();
  lifetime.onEnd(
    onWorkspaceChange((notice) => {
      if (isSwitchedOff()) return;
      // A write of one item changes only that item's badges; anything else may change any.
      const written = writtenItem(notice);
      if (written) void layer.refreshItem(written);
      else void layer.refresh();
    }),
  );
  lifetime.onEnd(() => layer.stop());
  return (off) => (off ? layer.stop() : layer.start());
}
