import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { request, RequestError } from '../../lib/messaging/client';

const CHANNEL_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const NO_LISTENER = 'Could not establish connection. Receiving end does not exist.';

/** The browser's answers to successive sends: an Error is a rejection. */
function browserAnswers(...answers: unknown[]) {
  const send = vi.spyOn(browser.runtime, 'sendMessage');
  for (const answer of answers) {
    if (answer instanceof Error) send.mockRejectedValueOnce(answer);
    else send.mockResolvedValueOnce(answer as never);
  }
  return send;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request, when the service worker stops while handling it', () => {
  it('sends an update again, since storing the same values twice changes nothing', async () => {
    const send = browserAnswers(new Error(CHANNEL_CLOSED), { ok: true, value: { id: 'i1' } });
    await expect(request({ type: 'item.update', id: 'i1', patch: { notes: 'x' } })).resolves.toEqual({ id: 'i1' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not send a create again when it may have been stored, and says so', async () => {
    const send = browserAnswers(new Error(CHANNEL_CLOSED), { ok: true, value: { id: 'second' } });
    const failure = await request({ type: 'item.create', treeId: 't', title: 'x', links: [] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestError);
    expect(failure).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('may or may not have been saved'),
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('treats a reply that never came like a lost one: no second observation', async () => {
    const send = browserAnswers(undefined, { ok: true, value: {} });
    await expect(request({ type: 'observation.add', metricId: 'm', at: '2024-01-01', value: 1 })).rejects.toMatchObject(
      { code: 'unavailable' },
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends a create again when the first send reached no listener at all', async () => {
    const send = browserAnswers(new Error(NO_LISTENER), { ok: true, value: { id: 'only' } });
    await expect(request({ type: 'item.create', treeId: 't', title: 'x', links: [] })).resolves.toEqual({ id: 'only' });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
