/**
 * What the page knows about the links it shows: which entity each href names, and each
 * entity's badge. Asked of the background in batches of the links the page has (one round
 * trip each), never for the workspace as a whole: what the page holds grows with its own
 * links, not with the workspace (a board once held every tracked ticket's badge, 2.1 MB of
 * the host's heap at 10,000 items). What links that left the page were known as is let go
 * (`keepOnly`).
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
  /** What the workspace knows now about these links (entity elements, and links already badged after a change). */
  lookup(links: LinkRef[]): Promise<Badge[]>;
  /** The entity an href names, worked out here: only when the background could not be asked. */
  resolve(href: string, base: string): EntityLinkRef | null;
}

export interface BadgeIndex {
  /** How many answers it holds: what the page's heap pays for its badges. */
  readonly size: number;
  /** Each link's badge, by linkKey (null: not tracked; undefined: unknown, shown as "?"). */
  badgeOf(id: string): Badge | null | undefined;
  /** What an href names (null: no entity; undefined: not asked yet). */
  linkOf(href: string): LinkRef | null | undefined;
  /** Whether a link's badge is known already (asked about before, and no change since). */
  knows(link: LinkRef): boolean;
  /** The workspace changed: no badge known holds any more (what hrefs name still does). */
  clear(): void;
  /** One item was written: forgets the badges it can change (its links, and any that showed it), by linkKey. */
  forgetItem(item: { id: string; links: readonly LinkRef[] }): Map<string, LinkRef>;
  /** Keeps only what is known of the links `shown` (by linkKey): the others left the page. */
  keepOnly(shown: ReadonlySet<string>): void;
  /** A single-page app that moved to another address resolves relative hrefs anew. */
  rebase(base: string): void;
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
  /** Moves on with every change: an answer asked for before one may predate it, and is not kept. */
  let changes = 0;

  const learn = async (links: LinkRef[]): Promise<void> => {
    const unknown = new Map<string, LinkRef>();
    for (const link of links) {
      const id = linkKey(link);
      if (!known.has(id)) unknown.set(id, link);
    }
    if (!unknown.size) return;
    // An answer asked for before a change may predate it: asked again (twice at most, then "?").
    for (let attempt = 0; attempt < 3; attempt++) {
      const since = changes;
      try {
        const found = await lookups.lookup([...unknown.values()]);
        if (since !== changes) continue;
        for (const id of unknown.keys()) known.set(id, null);
        for (const entry of found) known.set(linkKey(entry), entry);
      } catch {
        // Unknown links render as "?"; the next change notice or batch asks again.
      }
      return;
    }
  };

  return {
    get size() {
      return known.size + named.size;
    },
    badgeOf: (id) => known.get(id),
    linkOf: (href) => named.get(href),
    knows: (link) => known.has(linkKey(link)),
    clear() {
      changes += 1;
      known.clear();
    },
    forgetItem(item) {
      changes += 1;
      const links = new Map(item.links.map((link) => [linkKey(link), link]));
      for (const [id, badge] of known) if (badge?.itemId === item.id) links.set(id, badge);
      for (const id of links.keys()) known.delete(id);
      return links;
    },
    keepOnly(shown) {
      for (const id of known.keys()) if (!shown.has(id)) known.delete(id);
      for (const [href, link] of named) if (!link || !shown.has(linkKey(link))) named.delete(href);
    },
    rebase(base) {
      if (base === namedBase) return;
      named.clear();
      namedBase = base;
    },
    async learnHrefs(hrefs, base) {
      const ask = [...new Set(hrefs)].filter((href) => {
        const link = named.get(href);
        return link === undefined || (link !== null && !known.has(linkKey(link)));
      });
      if (!ask.length) return;
      const since = changes;
      try {
        const answers = await lookups.lookupHrefs(ask, base);
        if (base !== namedBase) return;
        const stale: LinkRef[] = [];
        ask.forEach((href, i) => {
          const answer = answers[i] ?? null;
          const link = answer ? { site: answer.site, key: answer.key } : null;
          named.set(href, link);
          if (!answer || !link) return;
          if (since === changes) known.set(linkKey(link), answer.badge);
          else stale.push(link);
        });
        // What each href names holds; its badge may be older than the change: asked again.
        if (stale.length) await learn(stale);
      } catch {
        if (base !== namedBase) return;
        for (const href of ask) named.set(href, lookups.resolve(href, base));
      }
    },
    learn,
  };
}
