import { describe, expect, it } from 'vitest';
import { noticeOrder } from '../../lib/background/broadcast';

const OWN = 'chrome-extension://lens/';

describe('the order a change notice goes to the open tabs', () => {
  it('tells the other tabs first and the tab that made the change last', () => {
    const tabs = [
      { id: 1, url: 'https://acme.atlassian.net/browse/ABC-1' },
      { id: 2, url: 'https://linear.app/acme/issue/ENG-2' },
      { id: 3 },
    ];
    expect(noticeOrder(tabs, { fromTabId: 1, ownPagesStartWith: OWN })).toEqual([2, 3, 1]);
  });

  it('leaves out the extension’s own pages, which hear the runtime message, and tabs without an id', () => {
    const tabs = [
      { id: 1, url: `${OWN}dashboard.html` },
      { url: 'https://github.com/acme/app/issues/1' },
      { id: 4, url: 'https://github.com/acme/app/issues/2' },
    ];
    expect(noticeOrder(tabs, { ownPagesStartWith: OWN })).toEqual([4]);
  });

  it('keeps a tab whose address it cannot see: our panel may have been put there on request', () => {
    expect(noticeOrder([{ id: 7 }], { ownPagesStartWith: OWN })).toEqual([7]);
  });

  it('sends nothing to a sender tab that is not open any more', () => {
    expect(
      noticeOrder([{ id: 2, url: 'https://app.asana.com/0/1/2' }], { fromTabId: 9, ownPagesStartWith: OWN }),
    ).toEqual([2]);
  });
});
