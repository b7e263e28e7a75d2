/**
 * Badges beside entity links on list and board pages. Plain DOM, not Preact: a board
 * can hold a thousand links, rendered late, virtualised or infinitely scrolled by the
 * host. Each link gets at most one badge, and a badge goes when its link goes. Each
 * badge lives in its own closed shadow root so host CSS cannot restyle it and its CSS
 * cannot leak out. A site's entity elements (rows naming an entity without a link:
 * EntityElements in lib/sites/types.ts) go the same way, their key read where they are
 * and their badge put after the row's name.
 *
 * badgeLayer puts the parts together: the watcher reports links (link-watcher.ts), the
 * batches say when each is looked at (frame-batches.ts), the index says what each names
 * and its badge (badge-index.ts), and the placement puts badges in the page
 * (badge-placement.ts).
 */
import { linkKey, type LinkRef } from '../../lib/domain/link-key';
import type { Badge } from '../../lib/messaging/protocol';
import type { EntityElements } from '../../lib/sites/types';
import { badgeIndex, type BadgeLookups } from './badge-index';
import { badgePlacement } from './badge-placement';
import { frameBatches } from './frame-batches';
import { type LinkWatcher, watchLinks } from './link-watcher';

export { BATCH } from './frame-batches';

export interface BadgeLayerOptions extends BadgeLookups {
  /** Which anchors could be entity links (the site's selector). */
  selector: string;
  /** The site's entity elements, when its lists show entities without links (`site` is theirs). */
  entityElements?: { site: LinkRef['site']; kinds: readonly EntityElements[] };
  /** Our own UI's host element: never badge inside it. */
  ownHost?: Element;
  schedule?(callback: () => void): void;
}

interface Found {
  element: Element;
  /** Where the entity was read from: 'href', or an entity element's key attribute. */
  attribute: string;
  /** That attribute as found: a host that recycles the element changes it. */
  value: string;
  /**
   * What it names, when known here (an entity element's key, a link the index answers
   * for); else learnt from its href.
   */
  link: LinkRef | null;
  /** The element the badge follows (an entity element's name). */
  after?: Element;
}

export interface BadgeLayer {
  /** Watches from <html> by default: Turbo-driven sites (GitHub) replace the whole <body> on navigation. */
  start(root?: ParentNode & Node): void;
  stop(): void;
  /**
   * Every tracked entity of the page's site, with its badge (`badges.index`): from now on
   * links of that site are badged in the host's own task, as it adds them, before it
   * renders, instead of one frame later. `since` is `changeCount` from when it was asked
   * for; an index asked for before a change is out of date and is not taken.
   */
  useIndex(index: { site: LinkRef['site']; badges: Badge[] }, since: number): boolean;
  readonly indexed: boolean;
  /**
   * The page has left its list or board (a single-page app went to a ticket or to code):
   * the badges of every tracked entity go, but for those of the links on the page, and
   * an index on its way is not taken.
   */
  forgetIndex(): void;
  readonly changeCount: number;
  /** How many badges are in the page. */
  readonly count: number;
  /** Forgets what it knew about every link and asks again: the workspace changed. */
  refresh(): Promise<void>;
  /**
   * One item was written: only the badges it can change are asked about again, those of
   * its links now and any that showed it before (a link it no longer carries). Every
   * other badge shows another item, which this write did not touch.
   */
  refreshItem(item: { id: string; links: readonly LinkRef[] }): Promise<void>;
}

export function badgeLayer(options: BadgeLayerOptions): BadgeLayer {
  const index = badgeIndex(options);
  const badges = badgePlacement();
  let watcher: LinkWatcher | null = null;

  const { site, kinds = [] } = options.entityElements ?? {};
  const selector = [options.selector, ...kinds.map((kind) => kind.selector)].join(', ');

  /** Our own insertions and removals, unseen by the watcher; nothing once stopped. */
  const unobserved = (work: () => void) => watcher?.unobserved(work);
  const place = ({ element, after }: Found, link: LinkRef) =>
    badges.place(element, link, index.badgeOf(linkKey(link)), after);
  const rerender = (ids?: ReadonlyMap<string, unknown>) => badges.render(index.badgeOf, ids);

  /** What an entity element names and where its badge goes (null: nothing, yet); undefined for an anchor. */
  const readElement = (element: Element): Found | null | undefined => {
    const kind = kinds.find((k) => element.matches(k.selector));
    if (!kind || !site) return undefined;
    const value = element.getAttribute(kind.attribute) ?? '';
    const key = kind.key(value);
    const after = kind.nameOf(element);
    return key && after ? { element, attribute: kind.attribute, value, link: { site, key }, after } : null;
  };

  /**
   * The workspace is asked before anything is inserted, so each badge goes into the page
   * once, with its value.
   */
  const fill = async (found: Found[], base: string) => {
    const hrefs = found.filter((f) => !f.link).map((f) => f.value);
    const links = found.flatMap((f) => f.link ?? []);
    await Promise.all([hrefs.length && index.learnHrefs(hrefs, base), links.length && index.learn(links)]);
    // While the workspace answered, the host may have removed, moved or recycled an element:
    // the watcher has reported those again.
    unobserved(() => {
      for (const f of found) {
        const link = f.link ?? index.linkOf(f.value);
        if (link && f.element.isConnected && f.element.getAttribute(f.attribute) === f.value) place(f, link);
      }
    });
  };

  /** Resolves up to a batch of elements now and asks about them; the rest wait for the next frame. */
  const consider = (elements: Element[]) => {
    const now = batches.take(elements, badges.has);
    if (!now) return;
    const found: Found[] = [];
    const answered: Found[] = [];
    const base = document.baseURI;
    index.rebase(base);
    for (const element of now) {
      const read = readElement(element);
      if (read) (index.answers(read.link!) ? answered : found).push(read);
      else if (read === undefined) {
        const href = element.getAttribute('href');
        if (!href || index.linkOf(href) === null) continue;
        const link = index.fromIndex(element as HTMLAnchorElement, href);
        (link ? answered : found).push({ element, attribute: 'href', value: href, link });
      }
    }
    if (answered.length)
      unobserved(() => {
        for (const f of answered) place(f, f.link!);
      });
    if (found.length) void fill(found, base);
  };

  const batches = frameBatches(
    options.schedule ?? requestAnimationFrame,
    () => {
      let moved: Element[] = [];
      unobserved(() => {
        moved = badges.sweep();
      });
      consider(moved);
    },
    consider,
  );

  return {
    start(root = document.documentElement) {
      // Started once: the page and a settings change may both ask.
      if (watcher) return;
      const attributes = ['href', ...new Set(kinds.map((kind) => kind.attribute))];
      watcher = watchLinks(root, selector, attributes, options.ownHost, badges.remove, (elements, removed) => {
        if (removed) batches.sweepLater();
        consider(elements);
      });
      consider(watcher.present());
    },
    stop() {
      watcher?.stop();
      watcher = null;
      badges.removeAll();
      batches.clear();
    },
    useIndex: index.useIndex,
    get indexed() {
      return index.indexed;
    },
    forgetIndex: () => index.forgetIndex(new Set(badges.links().map(linkKey))),
    get changeCount() {
      return index.changes;
    },
    get count() {
      return badges.links().length;
    },
    async refresh() {
      index.clear();
      const links = badges.links();
      if (!links.length) return;
      await index.learn(links);
      rerender();
    },
    async refreshItem(item) {
      const indexed = index.indexed;
      const links = index.forgetItem(item);
      // With an index, what the page knows must stay complete: links not on the page yet
      // are asked about too, and meanwhile go the slow way.
      if (indexed) await index.reask(links);
      else {
        const shown = badges.links(links);
        if (!shown.length) return;
        await index.learn(shown);
      }
      rerender(links);
    },
  };
}
