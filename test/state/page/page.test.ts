import { afterEach, describe, expect, it } from 'vitest';
import {
  applyChange,
  entity,
  expanded,
  loadPage,
  pageLoadState,
  needsScores,
  pageContext,
  pillPartOnly,
  showEarly,
} from '../../../lib/state/page/page';
import { pillText } from '../../../lib/state/page/pill';
import type { ChangeNotice, PageContext } from '../../../lib/messaging/protocol';
import { changesOf } from '../../../lib/messaging/requests';
import { item, metric } from '../../domain/builders';

const tree = { id: 't1', name: 'Product', game: null, createdAt: 0, updatedAt: 0 };
const metrics = [
  metric({ id: 'nsm', role: 'nsm', name: 'Weekly active teams' }),
  metric({ id: 'invites', role: 'input', parentId: 'nsm', name: 'Teams inviting a colleague' }),
  metric({ id: 'shares', role: 'input', parentId: 'nsm', name: 'Boards shared' }),
];
const link = { site: 'jira' as const, key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' };
const shown = item({ id: 'i1', links: [link], inputMetricId: 'invites', updatedAt: 10 });

function showPage(context: Partial<PageContext> = {}): void {
  entity.value = { site: 'jira', key: 'ABC-1', url: link.url, title: 'ABC-1', kind: 'ticket' };
  pageContext.value = { tree, metrics, item: shown, otherScores: null, keyResultLine: null, ...context };
  pageLoadState.value = 'ready';
}

const notice = (fields: Partial<ChangeNotice>): ChangeNotice => ({
  type: 'nsl.changed',
  stores: ['items'],
  at: 0,
  ...fields,
});

afterEach(() => {
  pillPartOnly.value = false;
  entity.value = null;
  pageContext.value = null;
  pageLoadState.value = 'idle';
  expanded.value = false;
});

describe('a change made in another tab', () => {
  it('shows the written item straight from the notice, without asking again', () => {
    showPage();
    const retagged = { ...shown, inputMetricId: 'shares', updatedAt: 20 };
    // The notice of a tag set in another tab's panel names what item.update declares it changes.
    expect(applyChange(notice({ stores: [...changesOf('item.update')], item: retagged }))).toBe(false);
    expect(pageContext.value?.item?.inputMetricId).toBe('shares');
    expect(pillText.value.text).toMatch(/^Boards shared · /);
  });

  it('never goes back to an older copy of the item than the one shown', () => {
    showPage();
    expect(applyChange(notice({ item: { ...shown, notes: 'stale', updatedAt: 5 } }))).toBe(false);
    expect(pageContext.value?.item?.notes).toBe('');
  });

  it('picks up a ticket tracked elsewhere when this page showed it untracked', () => {
    showPage({ item: null });
    expect(applyChange(notice({ item: { ...shown, id: 'new' } }))).toBe(false);
    expect(pageContext.value?.item?.id).toBe('new');
  });

  it('leaves the collapsed pill alone when another item changed: nothing it shows moved', () => {
    showPage();
    const other = item({ id: 'i2', links: [{ ...link, key: 'ABC-2' }], updatedAt: 30 });
    expect(applyChange(notice({ item: other }))).toBe(false);
    expect(pageContext.value?.item).toBe(shown);
  });

  it('asks again when the open panel ranks against the other items and one of them changed', () => {
    showPage({ otherScores: [300, 200] });
    expect(applyChange(notice({ item: item({ id: 'i2', updatedAt: 30 }) }))).toBe(true);
  });

  it('asks again for anything the notice does not carry: metrics, deletions, imports, another tree', () => {
    showPage();
    expect(applyChange(notice({ stores: ['metrics'] }))).toBe(true);
    expect(applyChange(notice({}))).toBe(true);
    expect(applyChange(notice({ stores: ['items', 'metrics'], item: shown }))).toBe(true);
    expect(applyChange(notice({ item: { ...shown, treeId: 'other', updatedAt: 40 } }))).toBe(true);
  });
});

describe('the other items scores', () => {
  it('are wanted only once the panel is open and has none yet', () => {
    showPage();
    expect(needsScores()).toBe(false);
    expanded.value = true;
    expect(needsScores()).toBe(true);
    pageContext.value = { ...pageContext.value!, otherScores: [] };
    expect(needsScores()).toBe(false);
  });
});

describe('what the early request brought', () => {
  const ticket = { site: 'jira' as const, key: 'ABC-1', url: link.url, title: '', kind: 'ticket' as const };
  const context: PageContext = { tree, metrics, item: shown, otherScores: null, keyResultLine: null };

  it("shows at once: the pill's text is final before it first draws", () => {
    expect(showEarly(ticket, context)).toBe(true);
    expect(pageLoadState.value).toBe('ready');
    expect(pillText.value).toEqual({ text: 'Teams inviting a colleague · 100', tone: 'linked' });
  });

  it('is not enough for a chart, whose metric it does not carry', () => {
    expect(showEarly({ ...ticket, kind: 'analytics' }, context)).toBe(false);
    expect(entity.value).toBeNull();
    expect(pillText.value.text).toBe('North Star…');
  });

  it('is the pill part only: a change notice is not applied to it, the whole context comes by loadPage', async () => {
    showEarly(ticket, { ...context, metrics: metrics.slice(0, 2) });
    expect(pillPartOnly.value).toBe(true);
    expect(applyChange(notice({ item: { ...shown, inputMetricId: 'shares', updatedAt: 20 } }))).toBe(true);
    await loadPage({ site: 'jira', key: 'ABC-1', reply: Promise.resolve({ ...context, item: null }) });
    expect(pillPartOnly.value).toBe(false);
    expect(pillText.value.text).toBe('Not tracked · no path to the NSM');
  });
});
