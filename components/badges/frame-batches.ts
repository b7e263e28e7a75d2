/**
 * When badge work runs: at most a batch of anchors in the task that found them, the rest
 * on the next animation frame, and the sweep of badges whose link went also on the next
 * frame (one sweep for any number of removals).
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
   * The anchors to handle now: up to a batch of distinct ones `skip` does not rule out.
   * The others wait for the next frame; null when all wait (some were waiting already).
   */
  take(anchors: HTMLAnchorElement[], skip: (anchor: HTMLAnchorElement) => boolean): HTMLAnchorElement[] | null;
  /** Sweeps on the next frame: something was removed. */
  sweepLater(): void;
  /** Forgets the anchors waiting (the badges were stopped). */
  clear(): void;
}

export function frameBatches(
  schedule: (callback: () => void) => void,
  sweep: () => void,
  /** Called on the frame with the anchors that waited and are still in the page. */
  handle: (anchors: HTMLAnchorElement[]) => void,
): FrameBatches {
  /** Resolving more than a batch at once would be a long task. */
  const deferred = new Set<HTMLAnchorElement>();
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
      const waiting = [...deferred].filter((anchor) => anchor.isConnected);
      deferred.clear();
      handle(waiting);
    });
  };

  return {
    take(anchors, skip) {
      if (deferred.size) {
        for (const anchor of anchors) deferred.add(anchor);
        return null;
      }
      const now = new Set<HTMLAnchorElement>();
      for (let i = 0; i < anchors.length; i++) {
        if (now.size >= BATCH) {
          for (let j = i; j < anchors.length; j++) deferred.add(anchors[j]!);
          request();
          break;
        }
        const anchor = anchors[i]!;
        if (!skip(anchor)) now.add(anchor);
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
