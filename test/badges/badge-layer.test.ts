// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Badge, HrefBadge } from '../../lib/messaging/protocol';
import type { EntityLinkRef } from '../../lib/sites/types';
import { type BadgeLayer, BATCH, badgeLayer } from '../../components/badges/badge-layer';

const SELECTOR = 'a[href*="/browse/"]';

function resolveJira(href: string, base: string): EntityLinkRef | null {
  const url = new URL(href, base);
  const key = /^\/browse\/([A-Z]+-\d+)$/.exec(url.pathname)?.[1];
  return key ? { site: 'jira', key, url: url.href } : null;
}

/** ABC-1 moves an input metric; every other ticket is untracked. */
function answer(links: EntityLinkRef[]): Badge[] {
  return links
    .filter((link) => link.key === 'ABC-1')
    .map((link) => ({ site: link.site, key: link.key, itemId: 'item-1', metricName: 'Teams inviting a…', score: 800 }));
}

/** What the background answers for hrefs: what each names (resolveJira) and its badge. */
function answerHrefs(hrefs: string[], base: string): HrefBadge[] {
  return hrefs.map((href) => {
    const link = resolveJira(href, base);
    return link ? { site: link.site, key: link.key, badge: answer([link])[0] ?? null } : null;
  });
}

const keysIn = (hrefs: string[]) => hrefs.map((href) => href.split('/').pop());

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function rows(list: HTMLElement, from: number, count: number): void {
  let html = '';
  for (let i = from; i < from + count; i++) html += `<li><a href="/browse/ABC-${i}">ABC-${i}</a> Card ${i}</li>`;
  list.insertAdjacentHTML('beforeend', html);
}

const badgeCount = () => document.querySelectorAll('[data-nsl-badge]').length;
const hasBadge = (anchor: Element) => anchor.nextElementSibling?.hasAttribute('data-nsl-badge') ?? false;

/** Label text of the badge after `anchor`, read through the closed shadow roots the layer attached. */
function labelOf(anchor: Element, roots: Map<Element, ShadowRoot>): string | null {
  const host = anchor.nextElementSibling;
  return host ? (roots.get(host)?.querySelector('.badge')?.textContent ?? null) : null;
}

describe('the badge layer', () => {
  let list: HTMLUListElement;
  let frames: (() => void)[];
  let lookup: ReturnType<typeof vi.fn<(hrefs: string[], base: string) => Promise<HrefBadge[]>>>;
  let refreshLookup: ReturnType<typeof vi.fn<(links: Pick<EntityLinkRef, 'site' | 'key'>[]) => Promise<Badge[]>>>;
  const options = () => ({
    selector: SELECTOR,
    lookupHrefs: lookup,
    lookup: refreshLookup,
    resolve: resolveJira,
    resolveHere: (href: string) => {
      const url = new URL(href);
      const key = /^\/browse\/([A-Z]+-\d+)$/.exec(url.pathname)?.[1];
      return url.origin === location.origin && key ? { site: 'jira' as const, key } : null;
    },
    schedule: (callback: () => void) => frames.push(callback),
  });
  /** What `badges.index` answers for the fixture: ABC-1 is the one tracked ticket. */
  const index = () => ({ site: 'jira' as const, badges: answer([{ site: 'jira', key: 'ABC-1', url: '' }]) });
  let layer: BadgeLayer;
  let roots: Map<Element, ShadowRoot>;

  /** The next lookup answers only when the returned function is called; `watch` sees its reply first. */
  const holdNextAnswer = (watch?: (reply: Promise<HrefBadge[]>) => void) => {
    let release: () => void = () => undefined;
    lookup.mockImplementationOnce((hrefs, base) => {
      const reply = new Promise<HrefBadge[]>((resolve) => (release = () => resolve(answerHrefs(hrefs, base))));
      watch?.(reply);
      return reply;
    });
    return () => release();
  };

  const runFrames = () => {
    const due = frames.splice(0);
    for (const frame of due) frame();
  };

  beforeEach(() => {
    document.body.innerHTML = '<ul id="rows"></ul>';
    list = document.getElementById('rows') as HTMLUListElement;
    frames = [];
    lookup = vi.fn(async (hrefs: string[], base: string) => answerHrefs(hrefs, base));
    refreshLookup = vi.fn(async (links: Pick<EntityLinkRef, 'site' | 'key'>[]) =>
      answer(links.map((l) => ({ ...l, url: '' }))),
    );
    roots = new Map();
    const native = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = native.call(this, init);
      roots.set(this, root);
      return root;
    });
    layer = badgeLayer(options());
  });

  afterEach(() => {
    layer.stop();
    vi.restoreAllMocks();
  });

  it('asks about new links as the host inserts them, without waiting for a frame', async () => {
    layer.start();
    rows(list, 1, 3);
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(keysIn(lookup.mock.calls[0]![0])).toEqual(['ABC-1', 'ABC-2', 'ABC-3']);
    expect(frames).toHaveLength(0);
    expect(badgeCount()).toBe(3);
  });

  it('gives each link exactly one badge with its value, and its own insertions ask nothing more', async () => {
    rows(list, 1, 50);
    layer.start();
    await settle();
    runFrames();
    await settle();
    expect(badgeCount()).toBe(50);
    expect(layer.count).toBe(50);
    expect(lookup).toHaveBeenCalledTimes(1);
    const anchors = [...list.querySelectorAll('a')];
    expect(anchors.every(hasBadge)).toBe(true);
    expect(labelOf(anchors[0]!, roots)).toBe('Teams inviting a… · 800');
    expect(labelOf(anchors[1]!, roots)).toBe('unlinked');
  });

  it('started twice (the page, then a settings change) still gives each link one badge', async () => {
    rows(list, 1, 5);
    layer.start();
    layer.start();
    await settle();
    runFrames();
    await settle();
    rows(list, 6, 5);
    await settle();
    runFrames();
    await settle();
    expect(badgeCount()).toBe(10);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('badges rows added later, and asks only about those', async () => {
    layer.start();
    rows(list, 1, 10);
    await settle();
    rows(list, 11, 5);
    await settle();
    expect(badgeCount()).toBe(15);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(keysIn(lookup.mock.calls[1]![0])).toEqual(['ABC-11', 'ABC-12', 'ABC-13', 'ABC-14', 'ABC-15']);
  });

  it('hands the background the hrefs as written and the document base URL, and works none out itself', async () => {
    const resolve = vi.fn(resolveJira);
    layer = badgeLayer({ ...options(), resolve });
    layer.start();
    rows(list, 7, 1);
    list.insertAdjacentHTML('beforeend', '<li><a href="/browse/not-a-ticket">x</a></li>');
    await settle();
    expect(lookup).toHaveBeenCalledWith(['/browse/ABC-7', '/browse/not-a-ticket'], document.baseURI);
    expect(resolve).not.toHaveBeenCalled();
    expect(badgeCount()).toBe(1);
  });

  it('asks about an href that names no entity only once', async () => {
    layer.start();
    list.insertAdjacentHTML('beforeend', '<li><a href="/browse/not-a-ticket">x</a></li>');
    await settle();
    list.insertAdjacentHTML('beforeend', '<li><a href="/browse/not-a-ticket">again</a></li>');
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(badgeCount()).toBe(0);
  });

  it('still badges the entity links with "?" when the background cannot be asked, working them out itself', async () => {
    lookup.mockRejectedValueOnce(new Error('Could not establish connection'));
    layer.start();
    rows(list, 1, 2);
    list.insertAdjacentHTML('beforeend', '<li><a href="/browse/not-a-ticket">x</a></li>');
    await settle();
    const anchors = [...list.querySelectorAll('a')];
    expect(anchors.map(hasBadge)).toEqual([true, true, false]);
    expect(labelOf(anchors[0]!, roots)).toBe('?');
  });

  it('after one item is written, asks again only about the badges that item can change', async () => {
    layer.start();
    rows(list, 1, 3);
    await settle();
    refreshLookup.mockResolvedValueOnce([]);
    // ABC-1 was badged as item-1; the write moved item-1 to ABC-3, so both can change.
    await layer.refreshItem({ id: 'item-1', links: [{ site: 'jira', key: 'ABC-3' }] });
    expect(refreshLookup).toHaveBeenCalledTimes(1);
    expect(refreshLookup.mock.calls[0]![0].map((link) => link.key).sort()).toEqual(['ABC-1', 'ABC-3']);
    const anchors = [...list.querySelectorAll('a')];
    expect(labelOf(anchors[0]!, roots)).toBe('unlinked');
    await layer.refreshItem({ id: 'item-9', links: [{ site: 'jira', key: 'ZZZ-1' }] });
    expect(refreshLookup).toHaveBeenCalledTimes(1);
  });

  it('shows the workspace as it is after a change, asking about the badged links again', async () => {
    layer.start();
    rows(list, 1, 2);
    await settle();
    refreshLookup.mockResolvedValueOnce([
      { site: 'jira', key: 'ABC-2', itemId: 'item-2', metricName: 'Boards shared', score: 40 },
    ]);
    await layer.refresh();
    const anchors = [...list.querySelectorAll('a')];
    expect(refreshLookup.mock.calls[0]![0].map((link) => link.key)).toEqual(['ABC-1', 'ABC-2']);
    expect(labelOf(anchors[0]!, roots)).toBe('unlinked');
    expect(labelOf(anchors[1]!, roots)).toBe('Boards shared · 40');
  });

  it('removes the badge of a removed row, and of a link removed from beside it', async () => {
    layer.start();
    rows(list, 1, 5);
    await settle();
    list.lastElementChild!.remove();
    list.querySelector('a')!.remove();
    await settle();
    runFrames();
    expect(badgeCount()).toBe(3);
    expect(layer.count).toBe(3);
  });

  it('follows a recycled row: same anchor, new href', async () => {
    layer.start();
    rows(list, 1, 3);
    await settle();
    const anchor = list.querySelector<HTMLAnchorElement>('a[href="/browse/ABC-2"]')!;
    expect(labelOf(anchor, roots)).toBe('unlinked');
    anchor.setAttribute('href', '/browse/ABC-1');
    await settle();
    expect(labelOf(anchor, roots)).toBe('Teams inviting a… · 800');
    expect(badgeCount()).toBe(3);
  });

  it('places nothing for a link recycled while the answer was on its way, then badges it for its new href', async () => {
    const answerFirst = holdNextAnswer();
    layer.start();
    rows(list, 2, 1);
    await settle();
    const anchor = list.querySelector('a')!;
    anchor.setAttribute('href', '/browse/ABC-1');
    await settle();
    answerFirst();
    await settle();
    expect(badgeCount()).toBe(1);
    expect(labelOf(anchor, roots)).toBe('Teams inviting a… · 800');
  });

  it('loses none of the host’s changes made just before its badges go in', async () => {
    // The host adds a row in the microtask just before the badges go in: its record is
    // still undelivered when the layer stops observing its own insertions.
    const answerFirst = holdNextAnswer((reply) => void reply.then(() => undefined).then(() => rows(list, 3, 1)));
    layer.start();
    rows(list, 1, 2);
    await settle();
    answerFirst();
    await settle();
    await settle();
    expect([...list.querySelectorAll('a')].map(hasBadge)).toEqual([true, true, true]);
  });

  it('resolves, asks about and places a batch of links at once, and the rest from the next frame', async () => {
    rows(list, 1, BATCH + 10);
    layer.start();
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]![0]).toHaveLength(BATCH);
    expect(badgeCount()).toBe(BATCH);
    expect(frames).toHaveLength(1);
    runFrames();
    await settle();
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(lookup.mock.calls[1]![0]).toHaveLength(10);
    expect(badgeCount()).toBe(BATCH + 10);
    expect([...list.querySelectorAll('a')].every(hasBadge)).toBe(true);
  });

  it('keeps links the host adds while a batch waits for its frame', async () => {
    rows(list, 1, BATCH + 1);
    layer.start();
    await settle();
    rows(list, BATCH + 2, 3);
    await settle();
    while (frames.length) {
      runFrames();
      await settle();
    }
    expect(badgeCount()).toBe(BATCH + 4);
    expect([...list.querySelectorAll('a')].every(hasBadge)).toBe(true);
  });

  it('places nothing once stopped, even for an answer already on its way', async () => {
    const answerFirst = holdNextAnswer();
    layer.start();
    rows(list, 1, 3);
    await settle();
    layer.stop();
    answerFirst();
    await settle();
    expect(badgeCount()).toBe(0);
  });

  it('never badges inside its own UI', async () => {
    const ownHost = document.createElement('div');
    ownHost.innerHTML = '<a href="/browse/ABC-9">ABC-9</a>';
    document.body.append(ownHost);
    layer = badgeLayer({ ...options(), ownHost });
    layer.start();
    ownHost.insertAdjacentHTML('beforeend', '<a href="/browse/ABC-10">ABC-10</a>');
    rows(list, 1, 1);
    await settle();
    expect(badgeCount()).toBe(1);
    expect(hasBadge(list.querySelector('a')!)).toBe(true);
  });

  it('badges a board filled at once, asking only about the rows it did not know, one badge each', async () => {
    layer.start();
    rows(list, 1, 5);
    await settle();
    let html = '';
    for (let i = 1; i <= 100; i++) html += `<li><a href="/browse/ABC-${i}">ABC-${i}</a> Card ${i}</li>`;
    list.innerHTML = html;
    await settle();
    runFrames();
    await settle();
    expect(badgeCount()).toBe(100);
    expect([...list.querySelectorAll('a')].every(hasBadge)).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(keysIn(lookup.mock.calls[1]![0])).toEqual(Array.from({ length: 95 }, (_, i) => `ABC-${i + 6}`));
  });

  it('badges rows appended to a long list, asking only about those', async () => {
    rows(list, 1, 200);
    layer.start();
    await settle();
    rows(list, 201, 40);
    await settle();
    expect(badgeCount()).toBe(240);
    expect(keysIn(lookup.mock.calls.at(-1)![0])).toEqual(Array.from({ length: 40 }, (_, i) => `ABC-${i + 201}`));
  });

  describe('with the index of every tracked ticket (a board page)', () => {
    it('badges the rows in the task that added them, before the host renders, asking nothing', async () => {
      layer.start();
      expect(layer.useIndex(index(), layer.changeCount)).toBe(true);
      rows(list, 1, 3);
      await Promise.resolve();
      await Promise.resolve();
      expect(badgeCount()).toBe(3);
      const anchors = [...list.querySelectorAll('a')];
      expect(labelOf(anchors[0]!, roots)).toBe('Teams inviting a… · 800');
      expect(labelOf(anchors[1]!, roots)).toBe('unlinked');
      await settle();
      expect(lookup).not.toHaveBeenCalled();
      expect(frames).toHaveLength(0);
    });

    it('still asks about links it cannot answer for: another host, or no ticket of its site', async () => {
      layer.start();
      layer.useIndex(index(), layer.changeCount);
      list.insertAdjacentHTML(
        'beforeend',
        '<li><a href="https://other.atlassian.net/browse/ABC-1">elsewhere</a></li><li><a href="/browse/ABC-2">ABC-2</a></li>',
      );
      await settle();
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(lookup.mock.calls[0]![0]).toEqual(['https://other.atlassian.net/browse/ABC-1']);
      expect(badgeCount()).toBe(2);
    });

    it('takes no index asked for before a change: it may predate it', async () => {
      layer.start();
      const since = layer.changeCount;
      await layer.refreshItem({ id: 'item-1', links: [{ site: 'jira', key: 'ABC-1' }] });
      expect(layer.useIndex(index(), since)).toBe(false);
      rows(list, 1, 1);
      await settle();
      expect(lookup).toHaveBeenCalledTimes(1);
    });

    it('after an item gains a link, a row with that link added later shows the item, not "unlinked"', async () => {
      layer.start();
      layer.useIndex(index(), layer.changeCount);
      refreshLookup.mockImplementation(async (links) =>
        links
          .filter((l) => l.key === 'ABC-7')
          .map((l) => ({ ...l, itemId: 'item-7', metricName: 'Projects shared', score: 50 })),
      );
      await layer.refreshItem({ id: 'item-7', links: [{ site: 'jira', key: 'ABC-7' }] });
      expect(refreshLookup).toHaveBeenCalledWith([{ site: 'jira', key: 'ABC-7' }]);
      rows(list, 7, 1);
      await settle();
      expect(labelOf(list.querySelector('a')!, roots)).toBe('Projects shared · 50');
      expect(lookup).not.toHaveBeenCalled();
    });

    it('while an item’s links are asked about again, a row with one of them is asked about, not guessed "unlinked"', async () => {
      layer.start();
      layer.useIndex(index(), layer.changeCount);
      let release: () => void = () => undefined;
      refreshLookup.mockImplementationOnce(
        (links) => new Promise((resolve) => (release = () => resolve(answer(links.map((l) => ({ ...l, url: '' })))))),
      );
      const refreshing = layer.refreshItem({ id: 'item-7', links: [{ site: 'jira', key: 'ABC-7' }] });
      rows(list, 7, 1);
      await settle();
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(keysIn(lookup.mock.calls[0]![0])).toEqual(['ABC-7']);
      release();
      await refreshing;
    });

    it('lets go of the index when the page leaves its board, keeping the badges it shows, and takes none still on its way', async () => {
      layer.start();
      rows(list, 1, 2);
      await settle();
      const since = layer.changeCount;
      layer.useIndex(index(), since);
      layer.forgetIndex();
      expect(layer.indexed).toBe(false);
      expect(layer.useIndex(index(), since)).toBe(false);
      expect(badgeCount()).toBe(2);
      expect(labelOf(list.querySelector('a')!, roots)).toBe('Teams inviting a… · 800');
      lookup.mockClear();
      rows(list, 3, 1);
      await settle();
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(keysIn(lookup.mock.calls[0]![0])).toEqual(['ABC-3']);
    });

    it('forgets the index after any other change, and asks about new rows again', async () => {
      layer.start();
      layer.useIndex(index(), layer.changeCount);
      await layer.refresh();
      expect(layer.indexed).toBe(false);
      rows(list, 1, 2);
      await settle();
      expect(lookup).toHaveBeenCalledTimes(1);
    });
  });

  describe('on rows that name a ticket without linking to it (a site’s entity elements)', () => {
    /** A card carries its ticket's key in data-key and shows its name in .name, where the badge goes. */
    const cards = {
      site: 'jira' as const,
      kinds: [
        {
          selector: '.card[data-key]',
          attribute: 'data-key',
          key: (value: string) => (/^[A-Z]+-\d+$/.test(value) ? value : null),
          nameOf: (card: Element) => card.querySelector('.name'),
        },
      ],
    };
    const card = (key: string) => `<li class="card" data-key="${key}"><b class="name">Card ${key}</b><i>due</i></li>`;
    const nameOf = (key: string) => list.querySelector(`[data-key="${key}"] .name`)!;

    beforeEach(() => {
      layer.stop();
      layer = badgeLayer({ ...options(), entityElements: cards });
    });

    it('badges each after its name, asking the workspace by key, and no href', async () => {
      layer.start();
      list.innerHTML = card('ABC-1') + card('ABC-2');
      await settle();
      expect(refreshLookup).toHaveBeenCalledTimes(1);
      expect(refreshLookup.mock.calls[0]![0]).toEqual([
        { site: 'jira', key: 'ABC-1' },
        { site: 'jira', key: 'ABC-2' },
      ]);
      expect(lookup).not.toHaveBeenCalled();
      expect(labelOf(nameOf('ABC-1'), roots)).toBe('Teams inviting a… · 800');
      expect(labelOf(nameOf('ABC-2'), roots)).toBe('unlinked');
      expect(badgeCount()).toBe(2);
    });

    it('with the board index, badges them in the task that added them, asking nothing', async () => {
      layer.start();
      layer.useIndex(index(), layer.changeCount);
      list.innerHTML = card('ABC-1') + card('ABC-2');
      await Promise.resolve();
      expect(labelOf(nameOf('ABC-1'), roots)).toBe('Teams inviting a… · 800');
      expect(labelOf(nameOf('ABC-2'), roots)).toBe('unlinked');
      await settle();
      expect(refreshLookup).not.toHaveBeenCalled();
    });

    it('follows a card the host reuses for another ticket, and a name it renders anew', async () => {
      layer.start();
      list.innerHTML = card('ABC-2');
      await settle();
      const reused = list.querySelector('.card')!;
      reused.setAttribute('data-key', 'ABC-1');
      await settle();
      expect(labelOf(nameOf('ABC-1'), roots)).toBe('Teams inviting a… · 800');
      expect(badgeCount()).toBe(1);

      const fresh = document.createElement('b');
      fresh.className = 'name';
      fresh.textContent = 'Card ABC-1, renamed';
      // As a host re-rendering a card may: the old name goes, the new one comes last.
      nameOf('ABC-1').remove();
      reused.append(fresh);
      await settle();
      runFrames();
      await settle();
      expect(labelOf(fresh, roots)).toBe('Teams inviting a… · 800');
      expect(badgeCount()).toBe(1);
      expect(reused.querySelector('i')?.nextElementSibling).toBe(fresh);
    });

    it('gives no badge to a card whose key names no ticket, nor to one whose name is not there', async () => {
      layer.start();
      list.innerHTML = `${card('not-a-key')}<li class="card" data-key="ABC-1"><i>due</i></li>`;
      await settle();
      expect(badgeCount()).toBe(0);
      expect(refreshLookup).not.toHaveBeenCalled();
    });
  });
});
