import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftStore, type TextMap } from '../../lib/state/drafts';
import { RequestError } from '../../lib/messaging/client';

type Field = 'reach' | 'effort';

function store(save: (key: string, text: TextMap<Field>) => Promise<void>, waiting?: (key: string) => boolean) {
  return createDraftStore<Field>({
    waiting,
    problem: (field, text) => (field === 'effort' && text === '0' ? 'Effort must be more than 0' : null),
    save,
    fieldOfPath: (path) => (path.endsWith('.effort') ? 'effort' : path.endsWith('.reach') ? 'reach' : null),
    delayMs: 100,
  });
}

describe('drafts of typed text', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the typed text at once and saves it after a pause, then forgets the draft', async () => {
    const save = vi.fn(async () => undefined);
    const drafts = store(save);
    drafts.edit('item-1', 'reach', '12');
    drafts.edit('item-1', 'reach', '120');
    expect(drafts.draftOf('item-1', 'reach')).toBe('120');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith('item-1', { reach: '120' });
    expect(drafts.draftOf('item-1', 'reach')).toBeUndefined();
  });

  it('keeps a value with a problem as typed, with the reason, and never sends it', async () => {
    const save = vi.fn(async () => undefined);
    const drafts = store(save);
    drafts.edit('item-1', 'effort', '0');
    await drafts.flush('item-1');
    expect(save).not.toHaveBeenCalled();
    expect(drafts.draftOf('item-1', 'effort')).toBe('0');
    expect(drafts.errorOf('item-1', 'effort')).toBe('Effort must be more than 0');
  });

  it('keeps what the user typed while a save was on its way', async () => {
    let finish: () => void = () => undefined;
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const drafts = store(save);
    drafts.edit('item-1', 'reach', '5');
    const saving = drafts.flush('item-1');
    drafts.edit('item-1', 'reach', '50');
    finish();
    await saving;
    expect(drafts.draftOf('item-1', 'reach')).toBe('50');
  });

  it('puts a refusal from the background beside the field its path names', async () => {
    const drafts = store(async () => {
      throw new RequestError({
        code: 'invalid',
        message: 'Reach must be a number of 0 or more',
        path: 'patch.rice.reach',
      });
    });
    drafts.edit('item-1', 'reach', '-1');
    await drafts.flush('item-1');
    expect(drafts.errorOf('item-1', 'reach')).toBe('Reach must be a number of 0 or more');
    expect(drafts.draftOf('item-1', 'reach')).toBe('-1');
  });

  it('reports a failure that belongs to no field for the whole record', async () => {
    const drafts = store(async () => {
      throw new RequestError({
        code: 'unavailable',
        message: 'North Star Lens is not answering. Try again in a moment.',
      });
    });
    drafts.edit('item-1', 'reach', '7');
    await drafts.flush('item-1');
    expect(drafts.failures.value.get('item-1')).toMatch(/not answering/);
  });

  it('keeps the drafts of different records apart', async () => {
    const save = vi.fn(async () => undefined);
    const drafts = store(save);
    drafts.edit('a', 'reach', '1');
    drafts.edit('b', 'effort', '0');
    await drafts.flush('a');
    expect(drafts.draftOf('a', 'reach')).toBeUndefined();
    expect(drafts.draftOf('b', 'effort')).toBe('0');
  });

  it('says whether a record is saved, waiting, on its way or refused', async () => {
    let fail = false;
    const drafts = store(async () => {
      if (fail) throw new Error('North Star Lens is not answering');
    });
    drafts.edit('item-1', 'reach', '5');
    expect(drafts.status.value.get('item-1')).toBe('pending');
    const saving = drafts.flush('item-1');
    expect(drafts.status.value.get('item-1')).toBe('saving');
    await saving;
    expect(drafts.status.value.has('item-1')).toBe(false);
    fail = true;
    drafts.edit('item-1', 'reach', '6');
    await drafts.flush('item-1');
    expect(drafts.status.value.get('item-1')).toBe('failed');
    drafts.edit('item-1', 'effort', '0');
    expect(drafts.status.value.get('item-1')).toBe('failed');
  });

  it('flushes every record at once, before the page is left, in one write each', async () => {
    const save = vi.fn(async () => undefined);
    const drafts = store(save);
    drafts.edit('a', 'reach', '1');
    drafts.edit('a', 'effort', '2');
    drafts.edit('b', 'reach', '3');
    await drafts.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenCalledWith('a', { reach: '1', effort: '2' });
    expect(save).toHaveBeenCalledWith('b', { reach: '3' });
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('sends what waits beside the text (a choice) even with no draft, and only then', async () => {
    let choice = false;
    const save = vi.fn(async () => {
      choice = false;
    });
    const drafts = store(save, () => choice);
    await drafts.flush('item-1');
    expect(save).not.toHaveBeenCalled();
    choice = true;
    await drafts.flush('item-1');
    expect(save).toHaveBeenCalledWith('item-1', {});
  });

  it('forgets every draft, refusal and pending save', async () => {
    const save = vi.fn(async () => undefined);
    const drafts = store(save);
    drafts.edit('a', 'reach', '1');
    drafts.edit('b', 'effort', '0');
    drafts.forget();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).not.toHaveBeenCalled();
    expect(drafts.draftOf('a', 'reach')).toBeUndefined();
    expect(drafts.errorOf('b', 'effort')).toBeUndefined();
    expect(drafts.status.value.size).toBe(0);
  });
});
