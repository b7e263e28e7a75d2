// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../../lib/messaging/protocol';
import { jira } from '../../lib/sites/jira';
import { item } from '../domain/builders';

type Sent = { type: string; [field: string]: unknown };
const sent: Sent[] = [];
let notify: ((notice: ChangeNotice) => void) | null = null;
vi.mock('../../lib/messaging/client', async (actual) => ({
  ...(await actual<object>()),
  request: async (message: Sent) => {
    sent.push(message);
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
  const lifetime = { onEnd: (cleanup: () => void) => ends.push(cleanup) };
  const start = (isOff: () => boolean) =>
    startPageBadges(jira, () => settings, isOff, document.createElement('north-star-lens'), lifetime);

  beforeEach(() => {
    ends = [];
    history.replaceState(null, '', '/jira/software/projects/ABC/boards/1');
    document.body.innerHTML = '<ul><li><a href="/browse/ABC-1">ABC-1</a></li></ul>';
  });

  afterEach(() => {
    for (const end of ends) end();
    sent.length = 0;
  });

  it('on a board, asks only what its own links name, never for the workspace’s badges', async () => {
    start(() => false);
    await settle();
    expect(sent).toEqual([{ type: 'badges.forHrefs', hrefs: ['/browse/ABC-1'], base: location.href }]);
  });

  it('on a switched-off site asks nothing until the setting switches it on', async () => {
    let off = true;
    const follow = start(() => off);
    notify?.({ type: 'nsl.changed', stores: ['items'], at: 0 });
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
    expect(sent).toEqual([{ type: 'badges.lookup', links: [{ site: 'jira', key: 'ABC-1' }] }]);
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
});
