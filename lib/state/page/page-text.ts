/**
 * The host page read as the pinned-number finder reads it (lib/domain/pinned-number.ts):
 * its text pieces in document order, with the nodes they come from. Used by the open
 * panel and by the auto-capture script, never by the content script itself.
 */
import { findPinned, type FoundNumber, type PinDescription } from '../../domain/pinned-number';

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export interface PageText {
  texts: string[];
  nodes: Text[];
}

/** Every text node under `root` with something besides white space in it. */
export function readPageText(root: Node): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeValue?.trim() && !NOT_TEXT.has(node.parentElement?.tagName ?? '')
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const texts: string[] = [];
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    texts.push(node.nodeValue!);
  }
  return { texts, nodes };
}

/** The index of the first text piece inside `element` that `accept` takes; -1 when none does. */
export function pieceInside(page: PageText, element: Node, accept: (text: string) => boolean): number {
  return page.nodes.findIndex((node, i) => element.contains(node) && accept(page.texts[i]!));
}

/**
 * The pinned number as soon as the page shows it: read now, then again as the page
 * changes (charts render late), until found or `waitMs` has passed (then null). Returns
 * a function that stops watching without an answer.
 */
export function watchForPinned(
  pin: PinDescription,
  root: Node,
  waitMs: number,
  onFound: (found: FoundNumber | null) => void,
): () => void {
  const now = findPinned(pin, readPageText(root).texts);
  if (now) {
    onFound(now);
    return () => undefined;
  }
  let pending: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    // Re-renders come in bursts: one read per burst.
    pending ??= setTimeout(() => {
      pending = undefined;
      const found = findPinned(pin, readPageText(root).texts);
      if (!found) return;
      stop();
      onFound(found);
    }, 150);
  });
  const deadline = setTimeout(() => {
    stop();
    onFound(null);
  }, waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(pending);
    clearTimeout(deadline);
  }
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return stop;
}
