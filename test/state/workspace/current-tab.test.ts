import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { PageContext } from '../../../lib/messaging/protocol';

const answers: ((context: PageContext) => void)[] = [];
vi.mock('../../../lib/messaging/client', () => ({
  request: () => new Promise<PageContext>((resolve) => answers.push(resolve)),
}));

const { currentTab, loadCurrentTab, refreshTabContext, tabContext } = await import(
  '../../../lib/state/workspace/current-tab'
);

const TICKET = 'https://acme.atlassian.net/browse/ABC-7';
const context = (title: string): PageContext => ({
  tree: null,
  metrics: [],
  item: { id: 'i1', title } as PageContext['item'],
  otherScores: null,
  keyResultLine: null,
});
const answerNext = async (reply: PageContext) => {
  await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0));
  answers.shift()!(reply);
};

describe('the tab under the popup', () => {
  it('is asked for once, however often the workspace changes while the popup is open', async () => {
    let activeTabs = [{ id: 3, url: TICKET, title: '[ABC-7] Invites - Jira' }];
    const query = vi.spyOn(browser.tabs, 'query').mockImplementation((async () => activeTabs) as never);
    const first = loadCurrentTab([]);
    await answerNext(context('Invites'));
    await first;
    // Meanwhile the focus went to another window, whose active tab is another page.
    activeTabs = [{ id: 9, url: 'chrome-extension://id/popup.html', title: 'North Star Lens' }];
    const again = loadCurrentTab([]);
    await answerNext(context('Invites, renamed'));
    await again;
    expect(query).toHaveBeenCalledTimes(1);
    expect(currentTab.value).toMatchObject({ id: 3, link: { site: 'jira', key: 'ABC-7' } });
    expect(tabContext.value?.item?.title).toBe('Invites, renamed');
  });

  it('keeps the newest answer about its page when an older one arrives after it', async () => {
    const older = refreshTabContext();
    const newer = refreshTabContext();
    await vi.waitFor(() => expect(answers.length).toBe(2));
    const [answerOlder, answerNewer] = answers.splice(0, 2);
    answerNewer!(context('after the write'));
    await newer;
    answerOlder!(context('before the write'));
    await older;
    expect(tabContext.value?.item?.title).toBe('after the write');
  });
});
