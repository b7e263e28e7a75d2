/**
 * The badges of the page the overlay runs in, wired to the background: links looked up
 * through it, the board's index asked for at each address, and every change notice and
 * address change followed for as long as the overlay lives. The overlay entry only says
 * when they start (entrypoints/overlay: after the pill has shown).
 *
 * Whether an address is a list or board is the background's to say: it answers
 * `badges.index` with null for any other page (lib/sites/list-pages.ts), so the sites'
 * list-page patterns stay out of this script.
 */
import { onWorkspaceChange, request } from '../../lib/messaging/client';
import type { SiteSettings } from '../../lib/messaging/protocol';
import { writtenItem } from '../../lib/state/page/page';
import { entityLinkFromHref, entityLinkHere } from '../../lib/sites';
import type { SiteAdapter } from '../../lib/sites/types';
import { badgeLayer } from './badge-layer';

/** The part of the overlay's lifetime the badges follow (entrypoints/overlay/lifetime.ts). */
export interface BadgesLifetime {
  onEnd(cleanup: () => void): void;
  onAddressChange(handler: () => void): void;
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
    resolveHere: (href) => entityLinkHere(adapter, href, location.origin),
    ownHost,
  });
  /** Moves on with each ask: an answer for an address the page has left is not taken. */
  let asked = 0;

  // A list or board gets every tracked entity's badge at once, so the rows the host adds
  // are badged before it renders them; any other page gets null, and holds no index.
  const loadIndex = async (retry = true): Promise<void> => {
    if (isSwitchedOff()) return;
    const ask = ++asked;
    const since = layer.changeCount;
    const index = await request({ type: 'badges.index', url: location.href }).catch(() => null);
    if (ask !== asked) return;
    if (!index) layer.forgetIndex();
    // A change while it was on its way makes it out of date: ask once more.
    else if (!layer.useIndex(index, since) && retry) await loadIndex(false);
  };

  if (!isSwitchedOff()) layer.start();
  void loadIndex();
  lifetime.onEnd(
    onWorkspaceChange((notice) => {
      if (isSwitchedOff()) return;
      // A write of one item changes only that item's badges; anything else may change any.
      const written = writtenItem(notice);
      if (written) void layer.refreshItem(written);
      else void layer.refresh().then(() => loadIndex());
    }),
  );
  // A single-page app changed the address: a list may have become a ticket, or the other way round.
  lifetime.onAddressChange(() => void loadIndex());
  lifetime.onEnd(() => layer.stop());
  return (off) => (off ? layer.stop() : layer.start());
}
