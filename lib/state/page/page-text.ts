/**
 * The host page read as the pinned-number finder reads it (lib/domain/pinned-number.ts):
 * its text pieces in document order, with the nodes they come from. Used by the open
 * panel and by the auto-capture script, never by the content script itself.
 */
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
