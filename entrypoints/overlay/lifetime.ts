/**
 * How long the overlay lives in its page, and what ends it: the three things of WXT's
 * content-script context that the overlay uses (cleanup when it ends, timers and
 * listeners that end with it, address changes of single-page apps), written out so that
 * every host page does not load the rest of that runtime (about 1 KB gzip).
 *
 * It ends when a newer copy starts in the same page (after an update, the toolbar button
 * injects one into a page whose old copy can no longer reach the extension; that old copy
 * removes its pill and badges), and, noticed at its next timer, once the extension is gone.
 */
import { browser } from 'wxt/browser';

export interface Lifetime {
  /** Ended already: what was still starting up must not start now. */
  readonly ended: boolean;
  /** Runs `cleanup` when the overlay ends, or at once if it has. */
  onEnd(cleanup: () => void): void;
  /** A listener removed when the overlay ends. */
  listen(target: EventTarget, type: string, handler: (event: Event) => void): void;
  /** A timer that does not fire once the overlay has ended. */
  later(handler: () => void, ms: number): void;
  /** Calls `handler` after each change of the page's address made without a page load. */
  onAddressChange(handler: () => void): void;
}

/** The part of the Navigation API read here (Chromium; Firefox falls back to polling). */
interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options?: AddEventListenerOptions,
  ): void;
}

const ADDRESS_POLL_MS = 1000;

export function startLifetime(): Lifetime {
  const ending = new AbortController();
  const { signal } = ending;
  const end = () => ending.abort();
  const extensionThere = () => {
    if (browser.runtime?.id == null) end();
    return !signal.aborted;
  };

  // The event's name is the same for every copy of this extension's overlay, and no other's.
  const started = `${browser.runtime.id}:north-star-lens:overlay-started`;
  const self = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(started, { detail: self }));
  document.addEventListener(started, (event) => (event as CustomEvent<unknown>).detail !== self && end(), { signal });

  const lifetime: Lifetime = {
    get ended() {
      return signal.aborted;
    },
    onEnd: (cleanup) => (signal.aborted ? cleanup() : signal.addEventListener('abort', cleanup, { once: true })),
    listen: (target, type, handler) => target.addEventListener(type, handler, { signal }),
    later: (handler, ms) => {
      const timer = setTimeout(() => extensionThere() && handler(), ms);
      lifetime.onEnd(() => clearTimeout(timer));
    },
    onAddressChange: (handler) => {
      let last = location.href;
      const changedTo = (href: string) => {
        if (href === last) return;
        last = href;
        // The Navigation API's event comes before a pushState has changed location.href:
        // the handler reads the page once the page's own code has run (a microtask).
        queueMicrotask(() => extensionThere() && handler());
      };
      const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
      if (typeof navigation?.addEventListener === 'function') {
        navigation.addEventListener('navigate', (event) => changedTo(new URL(event.destination.url).href), { signal });
      } else {
        const poll = setInterval(() => extensionThere() && changedTo(location.href), ADDRESS_POLL_MS);
        lifetime.onEnd(() => clearInterval(poll));
      }
    },
  };
  return lifetime;
}
