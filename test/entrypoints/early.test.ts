import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_GLOBAL, takeEarlyOpening, type EarlyRequest } from '../../entrypoints/overlay/early';
import type { PageOpening, Reply } from '../../lib/messaging/protocol';

const URL_A = 'https://acme.atlassian.net/browse/ABC-1';
const opening: PageOpening = {
  settings: { disabledSites: [], customDomains: [] },
  link: { site: 'jira', key: 'ABC-1' },
  context: null,
};
const scope = globalThis as Record<string, unknown>;
/** The page's address, as the content script reads it. */
const page = { href: URL_A };

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

beforeEach(() => {
  page.href = URL_A;
  vi.stubGlobal('location', page);
});
afterEach(() => {
  delete scope[EARLY_GLOBAL];
  vi.unstubAllGlobals();
});

describe('the answer asked for at document_start', () => {
  it('is handed to the content script once, and the early listener stops', async () => {
    const early = leave();
    expect(await takeEarlyOpening()).toEqual(opening);
    expect(early.stopped()).toBe(true);
    expect(await takeEarlyOpening()).toBeNull();
  });

  it('is not used once the page has moved to another address', async () => {
    leave();
    page.href = 'https://acme.atlassian.net/browse/ABC-2';
    expect(await takeEarlyOpening()).toBeNull();
  });

  it('is not used when the page moved to another ticket while the answer was still on its way', async () => {
    const reply = Promise.resolve().then(() => {
      page.href = 'https://acme.atlassian.net/browse/ABC-2';
      return { ok: true as const, value: opening };
    });
    leave({ reply });
    expect(await takeEarlyOpening()).toBeNull();
  });

  it('is not used when a change came in while the content script waited for it', async () => {
    let early: EarlyRequest | undefined;
    const reply = Promise.resolve().then(() => {
      // What the early request's listener does with a notice, if it still listens.
      if (early && !stopped) early.stale = true;
      return { ok: true as const, value: opening };
    });
    let stopped = false;
    leave({ reply, stopListening: () => (stopped = true) });
    early = scope[EARLY_GLOBAL] as EarlyRequest;
    expect(await takeEarlyOpening()).toBeNull();
    expect(stopped).toBe(true);
  });

  it('is not used when a change came in after it was asked', async () => {
    leave({ stale: true });
    expect(await takeEarlyOpening()).toBeNull();
  });

  it('is not used when the background refused or did not answer', async () => {
    leave({ reply: Promise.resolve({ ok: false, error: { code: 'invalid', message: 'url: too long' } }) });
    expect(await takeEarlyOpening()).toBeNull();
    leave({ reply: Promise.reject(new Error('Could not establish connection')) });
    expect(await takeEarlyOpening()).toBeNull();
  });

  it('is simply absent where no early request ran (a self-hosted instance, a page opened from the toolbar)', async () => {
    expect(await takeEarlyOpening()).toBeNull();
  });
});
