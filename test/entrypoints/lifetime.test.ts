// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { startLifetime } from '../../entrypoints/overlay/lifetime';

const scope = globalThis as { navigation?: unknown };
/** What a content script sees of its extension: no id once the extension is updated or removed. */
const setExtensionId = (id: string | undefined) => ((browser.runtime as { id?: string }).id = id);

afterEach(() => {
  vi.useRealTimers();
  delete scope.navigation;
  setExtensionId('test-extension-id');
  history.replaceState({}, '', '/');
});

/** The Navigation API as Chromium fires it: before a pushState has changed location.href. */
function fakeNavigation() {
  const target = new EventTarget();
  scope.navigation = target;
  return {
    pushState(path: string) {
      const event = Object.assign(new Event('navigate'), { destination: { url: new URL(path, location.href).href } });
      target.dispatchEvent(event);
      history.pushState({}, '', path);
    },
  };
}

describe('the overlay’s lifetime in its page', () => {
  it('ends when a newer copy of the overlay starts in the same page, not when it starts itself', () => {
    const older = startLifetime();
    const olderCleanup = vi.fn();
    older.onEnd(olderCleanup);
    expect(olderCleanup).not.toHaveBeenCalled();

    const newer = startLifetime();
    const newerCleanup = vi.fn();
    newer.onEnd(newerCleanup);
    expect(olderCleanup).toHaveBeenCalledOnce();
    expect(older.ended).toBe(true);
    expect(newerCleanup).not.toHaveBeenCalled();
    expect(newer.ended).toBe(false);
  });

  it('runs at once a cleanup given after it has ended, as a copy still starting up does', () => {
    const older = startLifetime();
    startLifetime();
    const cleanup = vi.fn();
    older.onEnd(cleanup);
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('removes its listeners and cancels its timers when it ends', () => {
    vi.useFakeTimers();
    const first = startLifetime();
    const heard = vi.fn();
    const fired = vi.fn();
    first.listen(document, 'visibilitychange', heard);
    first.later(fired, 1500);
    startLifetime();
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(2000);
    expect(heard).not.toHaveBeenCalled();
    expect(fired).not.toHaveBeenCalled();
  });

  it('ends at its next timer once the extension is gone (updated or removed), without running it', () => {
    vi.useFakeTimers();
    const lifetime = startLifetime();
    const cleanup = vi.fn();
    const fired = vi.fn();
    lifetime.onEnd(cleanup);
    lifetime.later(fired, 1500);
    setExtensionId(undefined);
    vi.advanceTimersByTime(1500);
    expect(fired).not.toHaveBeenCalled();
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('reports each new address of a single-page app once, after the page’s own code has changed it', async () => {
    const navigation = fakeNavigation();
    const lifetime = startLifetime();
    const seen: string[] = [];
    lifetime.onAddressChange(() => seen.push(location.pathname));
    navigation.pushState('/browse/ABC-2');
    navigation.pushState('/browse/ABC-2');
    await Promise.resolve();
    navigation.pushState('/browse/ABC-3');
    await Promise.resolve();
    expect(seen).toEqual(['/browse/ABC-2', '/browse/ABC-3']);
  });

  it('looks for a new address every second where the browser has no Navigation API', async () => {
    vi.useFakeTimers();
    const lifetime = startLifetime();
    const seen: string[] = [];
    lifetime.onAddressChange(() => seen.push(location.pathname));
    history.pushState({}, '', '/browse/ABC-2');
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['/browse/ABC-2']);
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen).toEqual(['/browse/ABC-2']);
  });

  it('reports no address change once it has ended', async () => {
    const navigation = fakeNavigation();
    const lifetime = startLifetime();
    const changed = vi.fn();
    lifetime.onAddressChange(changed);
    startLifetime();
    navigation.pushState('/browse/ABC-9');
    await Promise.resolve();
    expect(changed).not.toHaveBeenCalled();
  });
});
