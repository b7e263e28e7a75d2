/**
 * When badge work runs: at most a batch of elements (links, or entity elements) in the task that
 * found them, the rest on the next animation frame, and the sweep of badges whose link went
 * also on the next frame (one sweep for any number of removals).
 */

/**
 * Most links resolved, looked up and placed as one batch; more wait for the next frame.
 * Measured on 2 busy cores: about 21 µs to resolve an anchor (in the host's own task,
 * which has work of its own) and 23 µs to place a badge (in the task of the answer), so
 * each stays near 25 ms, clear of a 50 ms long task even on a machine twice as slow.
 */
export const BATCH = 1000;

export interface FrameBatches {
  /**
   * The elements to handle now: up to a batch of distinct ones `skip` does not rule out.
   * The others wait for the next frame; null when all wait (some were waiting already).
   */
  take(elements: Element[], skip: (element: Element) => boolean): Element[] | null;
  /** Sweeps on the next frame: something was removed. */
  sweepLater(): void;
  /** Forgets the elements waiting (the badges were stopped). */
  clear(): void;
}

export function frameBatches(
  schedule: (callback: () => void) => void,
  sweep: () => void,
  /** Called on the frame with the elements that waited and are still in the page. */
  handle: (elements: Element[]) => void,
): FrameBatches {
  /** Resolving more than a batch at once would be a long task. */
  const deferred = new Set<Element>();
  let requested = false;
  let sweepNeeded = false;

  const request = () => {
    if (requested) return;
    requested = true;
    schedule(() => {
      requested = false;
      if (sweepNeeded) {
        sweepNeeded = false;
        sweep();
      }
      if (!deferred.size) return;
      const waiting = [...deferred].filter((element) => element.isConnected);
      deferred.clear();
      handle(waiting);
    });
  };

  return {
    take(elements, skip) {
      if (deferred.size) {
        for (const element of elements) deferred.add(element);
        return null;
      }
      const now = new Set<Element>();
      for (let i = 0; i < elements.length; i++) {
        if (now.size >= BATCH) {
          for (let j = i; j < elements.length; j++) deferred.add(elements[j]!);
          request();
          break;
        }
        const element = elements[i]!;
        if (!skip(element)) now.add(element);
      }
      return [...now];
    },
    sweepLater() {
      sweepNeeded = true;
      request();
    },
    clear: () => deferred.clear(),
  };
}
