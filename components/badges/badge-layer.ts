/**
 * Badges beside entity links on list and board pages. Plain DOM, not Preact: a board
 * can hold a thousand links, rendered late, virtualised or infinitely scrolled by the
 * host. Work is batched per animation frame; each link gets at most one badge, and a
 * badge goes when its link goes. Each badge lives in its own closed shadow root so host
 * CSS cannot restyle it and its CSS cannot leak out.
 */
import type { Badge } from '../../lib/messaging/protocol';
import type { EntityLinkRef } from '../../lib/sites/types';
import { createBadge, renderBadge } from './badge-element';

export interface BadgeLayerOptions {
  /** Which anchors could be entity links (the site's selector). */
  selector: string;
  /** The entity an href names, or null. */
  resolve(href: string): EntityLinkRef | null;
  /** Looks up what the workspace knows about these links (one round trip per batch). */
  lookup(links: EntityLinkRef[]): Promise<Badge[]>;
  /** Our own UI's host element: never badge inside it. */
  ownHost?: Element;
  schedule?(callback: () => void): void;
}

interface Placed {
  anchor: HTMLAnchorElement;
  host: HTMLElement;
  label: HTMLElement;
  id: string;
  link: EntityLinkRef;
}

const linkId = (link: Pick<EntityLinkRef, 'site' | 'key'>) => `${link.site}:${link.key}`;

export class BadgeLayer {
  private readonly placed = new Map<HTMLAnchorElement, Placed>();
  private readonly known = new Map<string, Badge | null>();
  private readonly pendingRoots = new Set<ParentNode>();
  private frameRequested = false;
  private observer: MutationObserver | null = null;
  private sweepNeeded = false;

  constructor(private readonly options: BadgeLayerOptions) {}

  /** Watches from <html> by default: Turbo-driven sites (GitHub) replace the whole <body> on navigation. */
  start(root: ParentNode & Node = document.documentElement): void {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    this.queue(root);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const badge of this.placed.values()) badge.host.remove();
    this.placed.clear();
  }

  /** Forgets what it knew about every link and asks again: the workspace changed. */
  async refresh(): Promise<void> {
    this.known.clear();
    const badges = [...this.placed.values()];
    await this.learn(badges.map((badge) => badge.link));
    for (const badge of badges) renderBadge(badge.label, this.known.get(badge.id));
  }

  get count(): number {
    return this.placed.size;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (this.isOwn(record.target)) continue;
      if (record.type === 'attributes') {
        const anchor = record.target as HTMLAnchorElement;
        this.placed.get(anchor)?.host.remove();
        this.placed.delete(anchor);
        this.queue(anchor);
        continue;
      }
      if (record.removedNodes.length) this.sweepNeeded = true;
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !this.isOwn(node)) this.queue(node as Element);
      }
    }
    if (this.sweepNeeded) this.requestFrame();
  }

  private isOwn(node: Node): boolean {
    const host = this.options.ownHost;
    return (node as Element).hasAttribute?.('data-nsl-badge') || (host !== undefined && (node === host || host.contains(node)));
  }

  private queue(root: ParentNode): void {
    this.pendingRoots.add(root);
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    (this.options.schedule ?? requestAnimationFrame)(() => {
      this.frameRequested = false;
      void this.processBatch();
    });
  }

  /**
   * Each href is resolved once, and the workspace is asked before anything is inserted,
   * so each badge goes into the page once, with its value: one layout of the host page
   * instead of two (placeholders, then values), and no placeholder flashing.
   */
  private async processBatch(): Promise<void> {
    if (this.sweepNeeded) this.sweep();
    const roots = [...this.pendingRoots];
    this.pendingRoots.clear();
    const found: { anchor: HTMLAnchorElement; href: string; link: EntityLinkRef }[] = [];
    for (const root of roots) {
      if (!(root as Node).isConnected) continue;
      for (const anchor of this.candidates(root)) {
        if (this.placed.has(anchor) || this.isOwn(anchor) || !anchor.href) continue;
        const link = this.options.resolve(anchor.href);
        if (link) found.push({ anchor, href: anchor.href, link });
      }
    }
    if (!found.length) return;
    await this.learn(found.map((f) => f.link));
    // While the workspace answered, the host may have removed, moved or recycled a link:
    // those were queued again by the observer, and are left to that later batch.
    for (const { anchor, href, link } of found) {
      if (anchor.isConnected && anchor.href === href) this.place(anchor, link);
    }
  }

  private candidates(root: ParentNode): HTMLAnchorElement[] {
    const found = Array.from(root.querySelectorAll<HTMLAnchorElement>(this.options.selector));
    if ((root as Element).matches?.(this.options.selector)) found.push(root as HTMLAnchorElement);
    return found;
  }

  private place(anchor: HTMLAnchorElement, link: EntityLinkRef): void {
    if (this.placed.has(anchor)) return;
    const id = linkId(link);
    const { host, label } = createBadge(this.known.get(id));
    anchor.after(host);
    this.placed.set(anchor, { anchor, host, label, id, link });
  }

  /** Asks the workspace about the links not known yet. A link it could not answer for stays unknown (shown as "?"). */
  private async learn(links: EntityLinkRef[]): Promise<void> {
    const unknown = new Map<string, EntityLinkRef>();
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
      // Unknown links render as "?"; the next change notice or batch asks again.
    }
  }

  /** Removes badges whose link left the page, and badges the host moved away from their link. */
  private sweep(): void {
    this.sweepNeeded = false;
    for (const [anchor, badge] of this.placed) {
      if (!anchor.isConnected || anchor.nextSibling !== badge.host) {
        badge.host.remove();
        this.placed.delete(anchor);
        if (anchor.isConnected) this.queue(anchor);
      }
    }
  }
}
