/**
 * What the page knows about the links it shows: which entity each href names, and each
 * entity's badge. Asked of the background in batches (one round trip each); on a list or
 * board, the board's index (`badges.index`: every tracked entity of the page's site) lets
 * links of that site be answered here, in the host's own task, as it adds them.
 *
 * The hrefs go to the background as written, which works out which entity each names:
 * the host's task ends sooner, and the background does that while the host renders.
 */
import { linkKey, type LinkRef } from '../../lib/domain/link-key';
import type { Badge, HrefBadge } from '../../lib/messaging/protocol';
import type { EntityLinkRef } from '../../lib/sites/types';

export interface BadgeLookups {
  /**
   * What each href names and its badge, in order (one round trip per batch). `href` is the
   * anchor's attribute as written and `base` the document's base URL, read once per batch.
   */
  lookupHrefs(hrefs: string[], base: string): Promise<HrefBadge[]>;
  /** What the workspace knows now about links already badged (after a change). */
  lookup(links: LinkRef[]): Promise<Badge[]>;
  /** The entity an href names, worked out here: only when the background could not be asked. */
  resolve(href: string, base: string): EntityLinkRef | null;
  /**
   * The entity of the page's own site that an anchor's absolute href names, if any: what
   * the page can work out at once, for links answered from the index (see useIndex).
   */
  resolveHere?(absoluteHref: string): LinkRef | null;
}

export interface BadgeIndex {
  /** Moves on with every change, so an index asked for before one is not taken after it. */
  readonly changes: number;
  readonly indexed: boolean;
  /** Each link's badge, by linkKey (null: not tracked; undefined: unknown, shown as "?"). */
  badgeOf(id: string): Badge | null | undefined;
  /** What an href names (null: no entity; undefined: not asked yet). */
  linkOf(href: string): LinkRef | null | undefined;
  /** Takes the board's index unless a change came since it was asked for (`since`, a `changes` count). */
  useIndex(index: { site: LinkRef['site']; badges: Badge[] }, since: number): boolean;
  /** Drops the index, keeping what is known of the links `shown` on the page; an index on its way is not taken. */
  forgetIndex(shown: Set<string>): void;
  /** The workspace changed: nothing known holds any more. */
  clear(): void;
  /** One item was written: forgets the badges it can change (its links, and any that showed it), by linkKey. */
  forgetItem(item: { id: string; links: readonly LinkRef[] }): Map<string, LinkRef>;
  /** Asks about `links` again, the index keeping out of their way meanwhile (they go the slow way). */
  reask(links: Map<string, LinkRef>): Promise<void>;
  /** A single-page app that moved to another address resolves relative hrefs anew. */
  rebase(base: string): void;
  /** The link an anchor names, when the index answers for it (its badge is then known). */
  fromIndex(anchor: HTMLAnchorElement, href: string): LinkRef | null;
  /** Whether the index answers for a link known already (an entity element's): its badge is then known. */
  answers(link: LinkRef): boolean;
  /**
   * Asks what the hrefs not understood yet name, and their badges. If the background
   * cannot be asked, they are worked out here and their badges stay unknown ("?").
   */
  learnHrefs(hrefs: string[], base: string): Promise<void>;
  /** Asks the workspace about the links not known yet. A link it could not answer for stays unknown ("?"). */
  learn(links: LinkRef[]): Promise<void>;
}

export function badgeIndex(lookups: BadgeLookups): BadgeIndex {
  const known = new Map<string, Badge | null>();
  /** For the base URL they were resolved against. */
  const named = new Map<string, LinkRef | null>();
  let namedBase = '';
  /** The site whose every tracked entity is in `known` (useIndex): its other entities are untracked. */
  let indexedSite: LinkRef['site'] | null = null;
  /** Links being asked about again after a change: the index does not answer for them meanwhile. */
  const reasking = new Set<string>();
  let changes = 0;

  /** A link of the indexed site not in the index is not tracked, unless it is being asked about again. */
  const answers = (link: LinkRef) => {
    if (link.site !== indexedSite) return false;
    const id = linkKey(link);
    if (reasking.has(id)) return false;
    if (!known.has(id)) known.set(id, null);
    return true;
  };

  const learn = async (links: LinkRef[]) => {
    const unknown = new Map<string, LinkRef>();
    for (const link of links) {
      const id = linkKey(link);
      if (!known.has(id)) unknown.set(id, link);
    }
    if (!unknown.size) return;
    try {
      const found = await lookups.lookup([...unknown.values()]);
      for (const id of unknown.keys()) known.set(id, null);
      for (const entry of found) known.set(linkKey(entry), entry);
    } catch {
      // Unknown links render as "?"; the next change notice or batch asks again. The
      // index no longer knows every tracked link, so links go the slow way from now on.
      indexedSite = null;
    }
  };

  return {
    get changes() {
      return changes;
    },
    get indexed() {
      return indexedSite !== null;
    },
    badgeOf: (id) => known.get(id),
    linkOf: (href) => named.get(href),
    useIndex(index, since) {
      if (since !== changes || !lookups.resolveHere) return false;
      for (const badge of index.badges) known.set(linkKey(badge), badge);
      indexedSite = index.site;
      return true;
    },
    forgetIndex(shown) {
      if (!indexedSite) return;
      changes += 1;
      indexedSite = null;
      for (const id of known.keys()) if (!shown.has(id)) known.delete(id);
    },
    clear() {
      changes += 1;
      known.clear();
      indexedSite = null;
    },
    forgetItem(item) {
      changes += 1;
      const links = new Map(item.links.map((link) => [linkKey(link), link]));
      for (const [id, badge] of known) if (badge?.itemId === item.id) links.set(id, badge);
      for (const id of links.keys()) known.delete(id);
      return links;
    },
    async reask(links) {
      for (const id of links.keys()) reasking.add(id);
      try {
        await learn([...links.values()]);
      } finally {
        for (const id of links.keys()) reasking.delete(id);
      }
    },
    rebase(base) {
      if (base === namedBase) return;
      named.clear();
      namedBase = base;
    },
    fromIndex(anchor, href) {
      if (!indexedSite) return null;
      const link = lookups.resolveHere?.(anchor.href) ?? null;
      if (!link || !answers(link)) return null;
      named.set(href, link);
      return link;
    },
    answers,
    async learnHrefs(hrefs, base) {
      const ask = [...new Set(hrefs)].filter((href) => {
        const link = named.get(href);
        return link === undefined || (link !== null && !known.has(linkKey(link)));
      });
      if (!ask.length) return;
      try {
        const answers = await lookups.lookupHrefs(ask, base);
        if (base !== namedBase) return;
        ask.forEach((href, i) => {
          const answer = answers[i] ?? null;
          named.set(href, answer ? { site: answer.site, key: answer.key } : null);
          if (answer) known.set(linkKey(answer), answer.badge);
        });
      } catch {
        if (base !== namedBase) return;
        for (const href of ask) named.set(href, lookups.resolve(href, base));
      }
    },
    learn,
  };
}
