import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_GLOBAL, takeEarlyOpening, type EarlyRequest } from '../../entrypoints/overlay/early';
import type { PageOpening, Reply } from '../../lib/messaging/protocol';

const URL_A = 'https://acme.atlassian.net/browse/ABC-1';
const opening: PageOpening = {
  settings: { disabledSites: [], customDomains: [] },
  link: { site: 'jira', key: 'ABC-1' },
  context: null,
};
const scope = globalThis as Record<string, unknown>;

function leave(fields: Partial<EarlyRequest> = {}): { stopped: () => boolean } {
  let stopped = false;
  const reply: Promise<Reply<PageOpening>> = Promise.resolve({ ok: true, value: opening });
  scope[EARLY_GLOBAL] = {
    url: URL_A,
    reply,
    stale: false,
    stopListening: () => (stopped = true),
    ...fields,
  } satisfies EarlyRequest;
  return { stopped: () => stopped };
}

afterEach(() => {
  delete scope[EARLY_GLOBAL];
});

describe('the answer asked for at document_start', () => {
  it('is handed to the content script once, and the early listener stops', async () => {
    const early = leave();
    expect(await takeEarlyOpening(URL_A)).toEqual(opening);
    expect(early.stopped()).toBe(true);
    expect(await takeEarlyOpening(URL_A)).toBeNull();
  });

  it('is not used once the page has moved to another address', async () => {
    leave();
    expect(await takeEarlyOpening('https://acme.atlassian.net/browse/ABC-2')).toBeNull();
  });

  it('is not used when a change came in after it was asked', async () => {
    leave({ stale: true });
    expect(await takeEarlyOpening(URL_A)).toBeNull();
  });

  it('is not used when the background refused or did not answer', async () => {
    leave({ reply: Promise.resolve({ ok: false, error: { code: 'invalid', message: 'url: too long' } }) });
    expect(await takeEarlyOpening(URL_A)).toBeNull();
    leave({ reply: Promise.reject(new Error('Could not establish connection')) });
    expect(await takeEarlyOpening(URL_A)).toBeNull();
  });

  it('is simply absent where no early request ran (a self-hosted instance, a page opened from the toolbar)', async () => {
    expect(await takeEarlyOpening(URL_A)).toBeNull();
  });
});
