import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '../../../lib/domain/types';
import type { ItemPatch, PageContext } from '../../../lib/messaging/protocol';
import { item, metric } from '../../domain/builders';

type Update = { type: 'item.update'; id: string; patch: ItemPatch };
const sent: Update[] = [];
let answer: (update: Update) => Promise<Item>;
vi.mock('../../../lib/messaging/client', async (actual) => ({
  ...(await actual<object>()),
  request: (update: Update) => {
    sent.push(update);
    return answer(update);
  },
}));

const { RequestError } = await import('../../../lib/messaging/client');
const { entity, pageContext, pageLoadState } = await import('../../../lib/state/page/page');
const { flushPanelDrafts, forgetPanelDrafts } = await import('../../../lib/state/page/panel-drafts');
const { pillText } = await import('../../../lib/state/page/pill');
const editor = await import('../../../lib/state/page/item-editor');
const { editField, fieldErrors, fieldText, liveScore, saveChoice, saveError, saveState } = editor;

const tree = { id: 't1', name: 'Product', game: null, createdAt: 0, updatedAt: 0 };
const metrics = [
  metric({ id: 'nsm', role: 'nsm', name: 'Weekly active teams' }),
  metric({ id: 'invites', role: 'input', parentId: 'nsm', name: 'Teams inviting a colleague' }),
];
const link = { site: 'jira' as const, key: 'ABC-1', url: 'https://acme.atlassian.net/browse/ABC-1' };
const shown = item({ id: 'i1', links: [link], inputMetricId: 'invites', rice: { reach: 100, effort: 1 } });

/** What the background stores: the patch laid over the item. */
const stored = ({ patch }: Update): Promise<Item> =>
  Promise.resolve({ ...shown, ...patch, rice: { ...shown.rice, ...patch.rice }, updatedAt: sent.length });

beforeEach(() => {
  vi.useFakeTimers();
  answer = stored;
  entity.value = { site: 'jira', key: 'ABC-1', url: link.url, title: 'ABC-1', kind: 'ticket' };
  pageContext.value = { tree, metrics, item: shown, otherScores: null, keyResultLine: null } satisfies PageContext;
  pageLoadState.value = 'ready';
  editor.startItemEditor();
});

afterEach(() => {
  forgetPanelDrafts();
  sent.length = 0;
  vi.useRealTimers();
});

describe('editing the page item in the open panel', () => {
  it('keeps the typed text until it is stored, and the pill scores it meanwhile', async () => {
    editField('reach', '2');
    editField('reach', '200');
    expect(fieldText('reach')).toBe('200');
    expect(saveState.value).toBe('pending');
    expect(pillText.value.text).toBe('Teams inviting a colleague · 200');
    // A copy of the item from another tab does not overwrite what is being typed.
    pageContext.value = { ...pageContext.value!, item: { ...shown, updatedAt: 5 } };
    expect(fieldText('reach')).toBe('200');
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual([{ type: 'item.update', id: 'i1', patch: { rice: { reach: 200 } } }]);
    expect(saveState.value).toBe('saved');
    expect(pageContext.value?.item?.rice.reach).toBe(200);
    expect(fieldText('reach')).toBe('200');
  });

  it('keeps an impossible number in its field with the reason, and sends nothing of it', async () => {
    editField('effort', '0');
    expect(fieldText('effort')).toBe('0');
    expect(fieldErrors.value.effort).toMatch(/effort/i);
    expect(liveScore.value?.ok).toBe(false);
    await flushPanelDrafts();
    expect(sent).toEqual([]);
    expect(fieldText('effort')).toBe('0');
  });

  it('coalesces typed text and a choice into one write, confidence typed in percent', async () => {
    editField('confidence', '50');
    editField('notes', 'Asked for by three teams');
    await saveChoice({ status: 'in-progress' });
    expect(sent).toEqual([
      {
        type: 'item.update',
        id: 'i1',
        patch: { rice: { confidence: 0.5 }, notes: 'Asked for by three teams', status: 'in-progress' },
      },
    ]);
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toHaveLength(1);
  });

  it('flushes before the page is left or the panel collapses, through the content script', async () => {
    editField('title', 'Invite from the board');
    await flushPanelDrafts();
    expect(sent[0]?.patch).toEqual({ title: 'Invite from the board' });
  });

  it('puts a refusal beside its field and keeps the text; a failed choice goes again with the next write', async () => {
    answer = () =>
      Promise.reject(new RequestError({ code: 'invalid', message: 'Reach is too large', path: 'patch.rice.reach' }));
    editField('reach', '1e300');
    await saveChoice({ inputMetricId: null });
    expect(saveState.value).toBe('failed');
    expect(fieldErrors.value.reach).toBe('Reach is too large');
    expect(fieldText('reach')).toBe('1e300');
    answer = stored;
    editField('reach', '300');
    expect(saveState.value).toBe('pending');
    await flushPanelDrafts();
    expect(sent[1]?.patch).toEqual({ rice: { reach: 300 }, inputMetricId: null });
    expect(saveState.value).toBe('saved');
  });

  it('reports a failure of no field for the whole item, and retries it', async () => {
    answer = () => Promise.reject(new RequestError({ code: 'unavailable', message: 'Not answering' }));
    editField('notes', 'x');
    await editor.itemEdits.flush();
    expect(saveState.value).toBe('failed');
    expect(saveError.value).toBe('Not answering');
    answer = stored;
    await editor.itemEdits.flush();
    expect(saveState.value).toBe('saved');
    expect(saveError.value).toBeNull();
  });

  it('forgets the drafts when the page shows another entity', async () => {
    editField('reach', '7');
    forgetPanelDrafts();
    expect(fieldText('reach')).toBe('100');
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual([]);
  });
});
