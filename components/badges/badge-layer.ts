/**
 * Badges beside entity links on list and board pages. Plain DOM, not Preact: a board
 * can hold a thousand links, rendered late, virtualised or infinitely scrolled by the
 * host. Each link gets at most one badge, and a badge goes when its link goes. Each
 * badge lives in its own closed shadow root so host CSS cannot restyle it and its CSS
 * cannot leak out.
 *
 * New links are found and looked up in the observer's callback, in the task that
 * inserted them: waiting for an animation frame first put the host's own style, layout
 * and paint of the new rows between the links appearing and the lookup leaving, and the
 * answer then queued behind them. The hrefs go to the background as written, which works
 * out which entity each names: the host's task ends sooner, and the background does that
 * while the host renders its new rows.
 */
import type { Badge, HrefBadge } from '../../lib/messaging/protocol';
import type { EntityLinkRef } from '../../lib/sites/types';
import { createBadge, renderBadge } from './badge-element';

type LinkKey = Pick<EntityLinkRef, 'site' | 'key'>;

export interface BadgeLayerOptions {
  /** Which anchors could be entity links (the site's selector). */
  selector: string;
  /**
   * What each href names and its badge, in order (one round trip per batch). `href` is the
   * anchor's attribute as written and `base` the document's base URL, read once per batch.
   */
  lookupHrefs(hrefs: string[], base: string): Promise<HrefBadge[]>;
  /** What the workspace knows now about links already badged (after a change). */
  lookup(links: LinkKey[]): Promise<Badge[]>;
  /** The entity an href names, worked out here: only when the background could not be asked. */
  resolve(href: string, base: string): EntityLinkRef | null;
  /**
   * The entity of the page's own site that an anchor's absolute href names, if any: what
   * the page can work out at once, for links answered from the index (see useIndex).
   */
  resolveHere?(absoluteHref: string): LinkKey | null;
  /** Our own UI's host element: never badge inside it. */
  ownHost?: Element;
  schedule?(callback: () => void): void;
}

interface Placed {
  anchor: HTMLAnchorElement;
  host: HTMLElement;
  label: HTMLElement;
  id: string;
  link: LinkKey;
}

interface Found {
  anchor: HTMLAnchorElement;
  /** The href attribute as found: a host that recycles the anchor changes it. */
  href: string;
}

/**
 * Most links resolved, looked up and placed as one batch; more wait for the next frame.
 * Measured on 2 busy cores: about 21 µs to resolve an anchor (in the host's own task,
 * which has work of its own) and 23 µs to place a badge (in the task of the answer), so
 * each stays near 25 ms, clear of a 50 ms long task even on a machine twice as slow.
 */
export const BATCH = 1000;

/** More rows than this added in one record may be looked for with one query of their parent (see mostlyNew). */
const MANY_ADDED = 32;

const linkId = (link: LinkKey) => `${link.site}:${link.key}`;

const WATCH: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] };

export class BadgeLayer {
  private readonly placed = new Map<HTMLAnchorElement, Placed>();
  private readonly known = new Map<string, Badge | null>();
  /** What each href names (null: no entity), for the base URL they were resolved against. */
  private readonly named = new Map<string, LinkKey | null>();
  private namedBase = '';
  /** Anchors to look at once the frame comes: resolving more than a batch at once would be a long task. */
  private readonly deferred = new Set<HTMLAnchorElement>();
  private frameRequested = false;
  /** The site whose every tracked entity is in `known` (useIndex): its other entities are untracked. */
  private indexedSite: LinkKey['site'] | null = null;
  /** Links being asked about again after a change: the index does not answer for them meanwhile. */
  private readonly reasking = new Set<string>();
  /** Moves on with every change, so an index asked for before one is not taken after it. */
  private changes = 0;
  private observer: MutationObserver | null = null;
  private watched: Node | null = null;
  private sweepNeeded = false;

  constructor(private readonly options: BadgeLayerOptions) {}

  /** Watches from <html> by default: Turbo-driven sites (GitHub) replace the whole <body> on navigation. */
  start(root: ParentNode & Node = document.documentElement): void {
    // Started once: the page and a settings change may both ask.
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.watched = root;
    this.observer.observe(root, WATCH);
    this.consider(this.candidates(root).filter((anchor) => !this.isOwn(anchor)));
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.watched = null;
    for (const badge of this.placed.values()) badge.host.remove();
    this.placed.clear();
    this.deferred.clear();
  }

  /**
   * Every tracked entity of the page's site, with its badge (`badges.index`): from now on
   * links of that site are badged in the host's own task, as it adds them, before it
   * renders, instead of one frame later. `since` is `changeCount` from when it was asked
   * for; an index asked for before a change is out of date and is not taken.
   */
  useIndex(index: { site: LinkKey['site']; badges: Badge[] }, since: number): boolean {
    if (since !== this.changes || !this.options.resolveHere) return false;
    for (const badge of index.badges) this.known.set(linkId(badge), badge);
    this.indexedSite = index.site;
    return true;
  }

  get indexed(): boolean {
    return this.indexedSite !== null;
  }

  /**
   * The page has left its list or board (a single-page app went to a ticket or to code):
   * the badges of every tracked entity go, but for those of the links on the page, and
   * an index on its way is not taken.
   */
  forgetIndex(): void {
    if (!this.indexedSite) return;
    this.changes += 1;
    this.indexedSite = null;
    const shown = new Set([...this.placed.values()].map((badge) => badge.id));
    for (const id of this.known.keys()) if (!shown.has(id)) this.known.delete(id);
  }

  get changeCount(): number {
    return this.changes;
  }

  /** Forgets what it knew about every link and asks again: the workspace changed. */
  async refresh(): Promise<void> {
    this.changes += 1;
    this.known.clear();
    this.indexedSite = null;
    await this.reask([...this.placed.values()]);
  }

  /**
   * One item was written: only the badges it can change are asked about again, those of
   * its links now and any that showed it before (a link it no longer carries). Every
   * other badge shows another item, which this write did not touch.
   */
  async refreshItem(item: { id: string; links: readonly LinkKey[] }): Promise<void> {
    this.changes += 1;
    const links = new Map(item.links.map((link) => [linkId(link), link]));
    for (const [id, badge] of this.known) if (badge?.itemId === item.id) links.set(id, badge);
    for (const id of links.keys()) this.known.delete(id);
    const placed = [...this.placed.values()].filter((badge) => links.has(badge.id));
    // With an index, what the page knows must stay complete: links not on the page yet
    // are asked about too, and meanwhile go the slow way.
    if (!this.indexedSite) return this.reask(placed);
    for (const id of links.keys()) this.reasking.add(id);
    try {
      await this.reask(placed, [...links.values()]);
    } finally {
      for (const id of links.keys()) this.reasking.delete(id);
    }
  }

  private async reask(badges: Placed[], links: LinkKey[] = badges.map((badge) => badge.link)): Promise<void> {
    if (!links.length) return;
    await this.learn(links);
    for (const badge of badges) renderBadge(badge.label, this.known.get(badge.id));
  }

  get count(): number {
    return this.placed.size;
  }

  private onMutations(records: MutationRecord[]): void {
    const anchors: HTMLAnchorElement[] = [];
    for (const record of records) {
      if (this.isOwn(record.target)) continue;
      if (record.type === 'attributes') {
        const anchor = record.target as HTMLAnchorElement;
        this.placed.get(anchor)?.host.remove();
        this.placed.delete(anchor);
        anchors.push(anchor);
        continue;
      }
      if (record.removedNodes.length) this.sweepNeeded = true;
      if (this.mostlyNew(record)) this.collectUnder(record.target as Element, anchors);
      else
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !this.isOwn(node)) this.collect(node as Element, anchors);
        }
    }
    if (this.sweepNeeded) this.requestFrame();
    this.consider(anchors);
  }

  private isOwn(node: Node): boolean {
    const host = this.options.ownHost;
    return (
      (node as Element).hasAttribute?.('data-nsl-badge') ||
      (host !== undefined && (node === host || host.contains(node)))
    );
  }

  private collect(root: Element, into: HTMLAnchorElement[]): void {
    if (root.matches(this.options.selector)) into.push(root as HTMLAnchorElement);
    if (root.firstElementChild)
      for (const anchor of root.querySelectorAll<HTMLAnchorElement>(this.options.selector)) into.push(anchor);
  }

  /**
   * A host that fills or replaces a list at once (innerHTML of a board) adds its rows in
   * one record: one query of the list then costs less of the host's task than two DOM
   * calls per row. Not when the rows are few or a small part of the list (infinite scroll
   * appending to a long one), where the query would walk every old row too.
   */
  private mostlyNew(record: MutationRecord): boolean {
    const added = record.addedNodes.length;
    return (
      added > MANY_ADDED &&
      record.target.nodeType === Node.ELEMENT_NODE &&
      2 * added >= (record.target as Element).childNodes.length
    );
  }

  /** Every candidate under `root`, none of our own: the anchors already badged are skipped later. */
  private collectUnder(root: Element, into: HTMLAnchorElement[]): void {
    const host = this.options.ownHost;
    const ownInside = host !== undefined && root.contains(host);
    for (const anchor of root.querySelectorAll<HTMLAnchorElement>(this.options.selector)) {
      if (!ownInside || !this.isOwn(anchor)) into.push(anchor);
    }
  }

  private candidates(root: ParentNode & Node): HTMLAnchorElement[] {
    const found: HTMLAnchorElement[] = [];
    if (root.nodeType === Node.ELEMENT_NODE) this.collect(root as Element, found);
    else for (const anchor of root.querySelectorAll<HTMLAnchorElement>(this.options.selector)) found.push(anchor);
    return found;
  }

  /**
   * Resolves up to a batch of anchors now and asks about them; the rest wait for the next
   * frame. The anchors come from subtrees already checked not to be our own.
   */
  private consider(anchors: HTMLAnchorElement[]): void {
    if (this.deferred.size) {
      for (const anchor of anchors) this.deferred.add(anchor);
      return;
    }
    const found: Found[] = [];
    const answered: { anchor: HTMLAnchorElement; link: LinkKey }[] = [];
    const seen = new Set<HTMLAnchorElement>();
    const base = document.baseURI;
    // A single-page app that moved to another address resolves relative hrefs anew.
    if (base !== this.namedBase) {
      this.named.clear();
      this.namedBase = base;
    }
    for (let i = 0; i < anchors.length; i++) {
      if (seen.size >= BATCH) {
        for (let j = i; j < anchors.length; j++) this.deferred.add(anchors[j]!);
        this.requestFrame();
        break;
      }
      const anchor = anchors[i]!;
      if (seen.has(anchor) || this.placed.has(anchor)) continue;
      seen.add(anchor);
      const href = anchor.getAttribute('href');
      if (!href || this.named.get(href) === null) continue;
      const link = this.fromIndex(anchor, href);
      if (link) answered.push({ anchor, link });
      else found.push({ anchor, href });
    }
    if (answered.length)
      this.unobserved(() => {
        for (const { anchor, link } of answered) this.place(anchor, link);
      });
    if (found.length) void this.fill(found, base);
  }

  /** The link an anchor names, when the index answers for it (its badge is then in `known`). */
  private fromIndex(anchor: HTMLAnchorElement, href: string): LinkKey | null {
    if (!this.indexedSite) return null;
    const link = this.options.resolveHere?.(anchor.href) ?? null;
    if (!link || link.site !== this.indexedSite) return null;
    const id = linkId(link);
    if (this.reasking.has(id)) return null;
    if (!this.known.has(id)) this.known.set(id, null);
    this.named.set(href, link);
    return link;
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    (this.options.schedule ?? requestAnimationFrame)(() => {
      this.frameRequested = false;
      if (this.sweepNeeded) this.sweep();
      if (!this.deferred.size) return;
      const anchors = [...this.deferred].filter((anchor) => anchor.isConnected);
      this.deferred.clear();
      this.consider(anchors);
    });
  }

  /**
   * The workspace is asked before anything is inserted, so each badge goes into the page
   * once, with its value: one layout of the host page instead of two (placeholders, then
   * values), and no placeholder flashing.
   */
  private async fill(found: Found[], base: string): Promise<void> {
    await this.learnHrefs(
      found.map((f) => f.href),
      base,
    );
    // While the workspace answered, the host may have removed, moved or recycled a link:
    // the observer has queued those again.
    this.unobserved(() => {
      for (const { anchor, href } of found) {
        const link = this.named.get(href);
        if (link && anchor.isConnected && anchor.getAttribute('href') === href) this.place(anchor, link);
      }
    });
  }

  /**
   * Asks what the hrefs not understood yet name, and their badges. If the background
   * cannot be asked, they are worked out here and their badges stay unknown ("?").
   */
  private async learnHrefs(hrefs: string[], base: string): Promise<void> {
    const ask = [...new Set(hrefs)].filter((href) => {
      const link = this.named.get(href);
      return link === undefined || (link !== null && !this.known.has(linkId(link)));
    });
    if (!ask.length) return;
    try {
      const answers = await this.options.lookupHrefs(ask, base);
      if (base !== this.namedBase) return;
      ask.forEach((href, i) => {
        const answer = answers[i] ?? null;
        this.named.set(href, answer ? { site: answer.site, key: answer.key } : null);
        if (answer) this.known.set(linkId(answer), answer.badge);
      });
    } catch {
      if (base !== this.namedBase) return;
      for (const href of ask) this.named.set(href, this.options.resolve(href, base));
    }
  }

  /**
   * Our own insertions and removals, unseen by our observer: a thousand records of our own
   * badges cost more to read and skip than the badges cost to make. What the host did
   * before is taken first and handled after, so none of its changes is lost.
   */
  private unobserved(work: () => void): void {
    const observer = this.observer;
    const watched = this.watched;
    if (!observer || !watched) return;
    const before = observer.takeRecords();
    observer.disconnect();
    try {
      work();
    } finally {
      observer.observe(watched, WATCH);
    }
    if (before.length) this.onMutations(before);
  }

  private place(anchor: HTMLAnchorElement, link: LinkKey): void {
    if (this.placed.has(anchor)) return;
    const id = linkId(link);
    const { host, label } = createBadge(this.known.get(id));
    anchor.after(host);
    this.placed.set(anchor, { anchor, host, label, id, link });
  }

  /** Asks the workspace about the links not known yet. A link it could not answer for stays unknown (shown as "?"). */
  private async learn(links: LinkKey[]): Promise<void> {
    const unknown = new Map<string, LinkKey>();
    for (const link of links) {
      const id = linkId(link);
      if (!this.known.has(id)) unknown.set(id, link);
    }
    if (!unknown.size) return;
    try {
      const found = await this.options.lookup([...unknown.values()]);
      for (const id of unknown.keys()) this.known.set(id, null);
      for (const entry of found) this.known.set(linkId(entry), entry);
    } catch {
      // Unknown links render as "?"; the next change notice or batch asks again. The
      // index no longer knows every tracked link, so links go the slow way from now on.
      this.indexedSite = null;
    }
  }

  /** Removes badges whose link left the page, and badges the host moved away from their link. */
  private sweep(): void {
    this.sweepNeeded = false;
    const moved: HTMLAnchorElement[] = [];
    this.unobserved(() => {
      for (const [anchor, badge] of this.placed) {
        if (!anchor.isConnected || anchor.nextSibling !== badge.host) {
          badge.host.remove();
          this.placed.delete(anchor);
          if (anchor.isConnected) moved.push(anchor);
        }
      }
    });
    this.consider(moved);
  }
}
