/**
 * Watching the host page for links that could name an entity: the anchors already there,
 * those the host adds later (rendered late, virtualised, infinitely scrolled), those whose
 * href it changes (a recycled row) and the fact that something was removed. Our own
 * badges and our own UI are never reported. The site's entity elements (rows that name an
 * entity without a link, see EntityElements in lib/sites/types.ts) are watched the same
 * way, their key's attribute standing for the href.
 *
 * New anchors are reported in the observer's callback, in the task that inserted them:
 * waiting for an animation frame first put the host's own style, layout and paint of the
 * new rows between the links appearing and their lookup leaving.
 */
/**
 * What changed: the elements to look at, in the order found (with those whose href or key
 * changed), and whether anything was removed (a badge may have lost its link).
 */
export type OnLinkChanges = (elements: Element[], removed: boolean) => void;

export interface LinkWatcher {
  /** The elements under the watched root now. */
  present(): Element[];
  /** Runs `work` (our own insertions and removals) unseen; the host's changes before it are reported after. */
  unobserved(work: () => void): void;
  stop(): void;
}

/** More rows than this added in one record may be looked for with one query of their parent (see mostlyNew). */
const MANY_ADDED = 32;

/**
 * A host that fills or replaces a list at once (innerHTML of a board) adds its rows in
 * one record: one query of the list then costs less of the host's task than two DOM
 * calls per row. Not when the rows are few or a small part of the list (infinite scroll
 * appending to a long one), where the query would walk every old row too.
 */
function mostlyNew(record: MutationRecord): boolean {
  const added = record.addedNodes.length;
  return (
    added > MANY_ADDED &&
    record.target.nodeType === Node.ELEMENT_NODE &&
    2 * added >= (record.target as Element).childNodes.length
  );
}

/**
 * `attributes`: href and the entity elements' key attributes. `ownHost`: our own UI's host
 * element, never looked into. `onRehref` is called at once for an element whose href or key
 * changed: its badge, if any, no longer fits.
 */
export function watchLinks(
  root: ParentNode & Node,
  selector: string,
  attributes: string[],
  ownHost: Element | undefined,
  onRehref: (element: Element) => void,
  onChange: OnLinkChanges,
): LinkWatcher {
  const watch: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: attributes };
  const isOwn = (node: Node) =>
    (node as Element).hasAttribute?.('data-nsl-badge') ||
    (ownHost !== undefined && (node === ownHost || ownHost.contains(node)));

  const collect = (element: Element, into: Element[]) => {
    if (element.matches(selector)) into.push(element);
    if (element.firstElementChild) for (const found of element.querySelectorAll(selector)) into.push(found);
  };

  /** Every candidate under `element`, none of our own: the anchors already badged are skipped later. */
  const collectUnder = (element: Element, into: Element[]) => {
    const ownInside = ownHost !== undefined && element.contains(ownHost);
    for (const found of element.querySelectorAll(selector)) {
      if (!ownInside || !isOwn(found)) into.push(found);
    }
  };

  const onMutations = (records: MutationRecord[]) => {
    const found: Element[] = [];
    let removed = false;
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'attributes') {
        const element = record.target as Element;
        onRehref(element);
        // Any element's href or id may change: only those the selector picks are looked at.
        if (element.matches(selector)) found.push(element);
        continue;
      }
      if (record.removedNodes.length) removed = true;
      if (mostlyNew(record)) collectUnder(record.target as Element, found);
      else
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !isOwn(node)) collect(node as Element, found);
        }
    }
    onChange(found, removed);
  };

  const observer = new MutationObserver(onMutations);
  observer.observe(root, watch);
  return {
    present() {
      const found: Element[] = [];
      if (root.nodeType === Node.ELEMENT_NODE) collect(root as Element, found);
      else for (const element of root.querySelectorAll(selector)) found.push(element);
      return found.filter((element) => !isOwn(element));
    },
    // A thousand records of our own badges cost more to read and skip than the badges cost to make.
    unobserved(work) {
      const before = observer.takeRecords();
      observer.disconnect();
      try {
        work();
      } finally {
        observer.observe(root, watch);
      }
      if (before.length) onMutations(before);
    },
    stop: () => observer.disconnect(),
  };
}
