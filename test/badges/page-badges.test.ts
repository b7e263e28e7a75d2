// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../../lib/messaging/protocol';
import { jira } from '../../lib/sites/jira';
import { item } from '../domain/builders';

type Sent = { type: string; [field: string]: unknown };
const sent: Sent[] = [];
/** What the background answers `badges.index` for an address: it alone decides which pages are lists. */
let indexFor: (url: string) => object | null = () => ({ site: 'jira', badges: [] });
let notify: ((notice: ChangeNotice) => void) | null = null;
vi.mock('../../lib/messaging/client', async (actual) => ({
  ...(await actual<object>()),
  request: async (message: Sent) => {
    sent.push(message);
    if (message.type === 'badges.index') return indexFor(message.url as string);
    if (message.type === 'badges.forHrefs')
      return (message.hrefs as string[]).map((href) => ({ site: 'jira', key: href.split('/').pop(), badge: null }));
    return [];
  },
  onWorkspaceChange: (handler: (notice: ChangeNotice) => void) => {
    notify = handler;
    return () => {
      notify = null;
    };
  },
}));

const { startPageBadges } = await import('../../components/badges/page-badges');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const types = () => sent.map((message) => message.type);
const settings = { disabledSites: [], customDomains: [] };

describe("the page's badges", () => {
  let ends: (() => void)[];
  let addressChanged: () => void;
  const lifetime = {
    onEnd: (cleanup: () => void) => ends.push(cleanup),
    onAddressChange: (handler: () => void) => {
      addressChanged = handler;
    },
  };
  const start = (isOff: () => boolean) =>
    startPageBadges(jira, () => settings, isOff, document.createElement('north-star-lens'), lifetime);

  beforeEach(() => {
    ends = [];
    // A Jira board: only the pages Jira names as lists get the board index (lib/sites/jira.ts).
    history.replaceState(null, '', '/jira/software/projects/ABC/boards/1');
    document.body.innerHTML = '<ul><li><a href="/browse/ABC-1">ABC-1</a></li></ul>';
  });

  afterEach(() => {
    for (const end of ends) end();
    sent.length = 0;
    indexFor = () => ({ site: 'jira', badges: [] });
  });

  it('on a list, asks what its links name and for the board index at once', async () => {
    start(() => false);
    await settle();
    expect(types()).toEqual(['badges.forHrefs', 'badges.index']);
  });

  it('on a switched-off site asks nothing until the setting switches it on', async () => {
    let off = true;
    const follow = start(() => off);
    notify?.({ type: 'nsl.changed', stores: ['items'], at: 0 });
    addressChanged();
    await settle();
    expect(sent).toEqual([]);
    off = false;
    follow(false);
    await settle();
    expect(types()).toEqual(['badges.forHrefs']);
  });

  it("asks again only about one item's badges when that item was written, about all after any other change", async () => {
    start(() => false);
    await settle();
    sent.length = 0;
    const written = item({
      id: 'i1',
      links: [{ site: 'jira', key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' }],
    });
    notify?.({ type: 'nsl.changed', stores: ['items'], at: 0, item: written });
    await settle();
    expect(sent).toEqual([{ type: 'badges.lookup', links: [{ site: 'jira', key: 'ABC-1' }] }]);
    sent.length = 0;
    notify?.({ type: 'nsl.changed', stores: ['metrics'], at: 0 });
    await settle();
    await settle();
    expect(types()).toEqual(['badges.lookup', 'badges.index']);
  });

  it('stops listening and removes its badges when the overlay ends', async () => {
    start(() => false);
    await settle();
    expect(document.querySelector('[data-nsl-badge]')).not.toBeNull();
    for (const end of ends) end();
    ends = [];
    expect(notify).toBeNull();
    expect(document.querySelector('[data-nsl-badge]')).toBeNull();
  });

  it('asks the background at every address whether the page holds every badge, and follows its answer', async () => {
    // The background's answer for a board: every tracked ticket (none here); for a ticket: null.
    indexFor = (url) => (url.includes('/boards/') ? { site: 'jira', badges: [] } : null);
    const addRow = async (key: string) => {
      document.querySelector('ul')?.insertAdjacentHTML('beforeend', `<li><a href="/browse/${key}">${key}</a></li>`);
      await settle();
    };
    start(() => false);
    await settle();
    sent.length = 0;
    await addRow('ABC-2');
    expect(sent).toEqual([]);

    history.pushState(null, '', '/browse/ABC-1');
    addressChanged();
    await settle();
    expect(sent).toEqual([{ type: 'badges.index', url: location.href }]);
    sent.length = 0;
    await addRow('ABC-3');
    expect(types()).toEqual(['badges.forHrefs']);

    sent.length = 0;
    history.pushState(null, '', '/jira/software/projects/ABC/boards/1');
    addressChanged();
    await settle();
    await addRow('ABC-4');
    expect(types()).toEqual(['badges.index']);
  });
});
