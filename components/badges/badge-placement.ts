/**
 * The badges in the page: at most one beside each link (or entity element), inserted once
 * with its value (one layout of the host page instead of two, and no placeholder flashing),
 * and removed when its link goes or the host moves it away from where it was put.
 */
import { linkKey, type LinkRef } from '../../lib/domain/link-key';
import type { Badge } from '../../lib/messaging/protocol';
import { createBadge, renderBadge } from './badge-element';

interface Placed {
  host: HTMLElement;
  label: HTMLElement;
  /** The element the badge follows: the link itself, or an entity element's name. */
  after: Element;
  /** The link's linkKey. */
  id: string;
  link: LinkRef;
}

export interface BadgePlacement {
  has(element: Element): boolean;
  /** `badge` undefined: the workspace could not be asked ("?"). It goes after `after` (the element by default). */
  place(element: Element, link: LinkRef, badge: Badge | null | undefined, after?: Element): void;
  remove(element: Element): void;
  removeAll(): void;
  /** The badged links, those of `ids` only when given. */
  links(ids?: ReadonlyMap<string, unknown>): LinkRef[];
  /** Shows each badge of `ids` (every badge when not given) as `badgeOf` says now. */
  render(badgeOf: (id: string) => Badge | null | undefined, ids?: ReadonlyMap<string, unknown>): void;
  /** Removes badges whose element left the page, or that the host moved away; returns those still in the page. */
  sweep(): Element[];
}

export function badgePlacement(): BadgePlacement {
  const placed = new Map<Element, Placed>();
  const among = (ids: ReadonlyMap<string, unknown> | undefined) =>
    [...placed.values()].filter((badge) => !ids || ids.has(badge.id));
  return {
    has: (element) => placed.has(element),
    place(element, link, badge, after = element) {
      if (placed.has(element)) return;
      const { host, label } = createBadge(badge);
      after.after(host);
      placed.set(element, { host, label, after, id: linkKey(link), link });
    },
    remove(element) {
      placed.get(element)?.host.remove();
      placed.delete(element);
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
      const moved: Element[] = [];
      for (const [element, badge] of placed) {
        if (!element.isConnected || !badge.after.isConnected || badge.after.nextSibling !== badge.host) {
          badge.host.remove();
          placed.delete(element);
          if (element.isConnected) moved.push(element);
        }
      }
      return moved;
    },
  };
}
