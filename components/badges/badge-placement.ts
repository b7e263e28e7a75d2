/**
 * The badges in the page: at most one beside each link, inserted once with its value
 * (one layout of the host page instead of two, and no placeholder flashing), and removed
 * when its link goes or the host moves it away from its link.
 */
import { linkKey, type LinkRef } from '../../lib/domain/link-key';
import type { Badge } from '../../lib/messaging/protocol';
import { createBadge, renderBadge } from './badge-element';

interface Placed {
  host: HTMLElement;
  label: HTMLElement;
  /** The link's linkKey. */
  id: string;
  link: LinkRef;
}

export interface BadgePlacement {
  has(anchor: HTMLAnchorElement): boolean;
  /** `badge` undefined: the workspace could not be asked ("?"). */
  place(anchor: HTMLAnchorElement, link: LinkRef, badge: Badge | null | undefined): void;
  remove(anchor: HTMLAnchorElement): void;
  removeAll(): void;
  /** The badged links, those of `ids` only when given. */
  links(ids?: ReadonlyMap<string, unknown>): LinkRef[];
  /** Shows each badge of `ids` (every badge when not given) as `badgeOf` says now. */
  render(badgeOf: (id: string) => Badge | null | undefined, ids?: ReadonlyMap<string, unknown>): void;
  /** Removes badges whose link left the page, or that the host moved away; returns the links still in the page. */
  sweep(): HTMLAnchorElement[];
}

export function badgePlacement(): BadgePlacement {
  const placed = new Map<HTMLAnchorElement, Placed>();
  const among = (ids: ReadonlyMap<string, unknown> | undefined) =>
    [...placed.values()].filter((badge) => !ids || ids.has(badge.id));
  return {
    has: (anchor) => placed.has(anchor),
    place(anchor, link, badge) {
      if (placed.has(anchor)) return;
      const { host, label } = createBadge(badge);
      anchor.after(host);
      placed.set(anchor, { host, label, id: linkKey(link), link });
    },
    remove(anchor) {
      placed.get(anchor)?.host.remove();
      placed.delete(anchor);
    },
    removeAll() {
      for (const badge of placed.values()) badge.host.remove();
      placed.clear();
    },
    links: (ids) => among(ids).map((badge) => badge.link),
    render(badgeOf, ids) {
      for (const badge of among(ids)) renderBadge(badge.label, badgeOf(badge.id));
    },
    sweep() {
      const moved: HTMLAnchorElement[] = [];
      for (const [anchor, badge] of placed) {
        if (!anchor.isConnected || anchor.nextSibling !== badge.host) {
          badge.host.remove();
          placed.delete(anchor);
          if (anchor.isConnected) moved.push(anchor);
        }
      }
      return moved;
    },
  };
}
