/**
 * Watching the host page for links that could name an entity: the anchors already there,
 * those the host adds later (rendered late, virtualised, infinitely scrolled), those whose
 * href it changes (a recycled row) and the fact that something was removed. Our own
 * badges and our own UI are never reported.
 *
 * New anchors are reported in the observer's callback, in the task that inserted them:
 * waiting for an animation frame first put the host's own style, layout and paint of the
 * new rows between the links appearing and their lookup leaving.
 */
/**
 * What changed: the anchors to look at, in the order found (with those whose href
 * changed), and whether anything was removed (a badge may have lost its link).
 */
export type OnLinkChanges = (anchors: HTMLAnchorElement[], removed: boolean) => void;

export interface LinkWatcher {
  /** The anchors under the watched root now. */
  present(): HTMLAnchorElement[];
  /** Runs `work` (our own insertions and removals) unseen; the host's changes before it are reported after. */
  unobserved(work: () => void): void;
  stop(): void;
}

/** More rows than this added in one record may be looked for with one query of their parent (see mostlyNew). */
const MANY_ADDED = 32;

const WATCH: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] };

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
 * `ownHost`: our own UI's host element, never looked into. `onRehref` is called at once
 * for an anchor whose href changed: its badge, if any, no longer fits.
 */
export function watchLinks(
  root: ParentNode & Node,
  selector: string,
  ownHost: Element | undefined,
  onRehref: (anchor: HTMLAnchorElement) => void,
  onChange: OnLinkChanges,
): LinkWatcher {
  const isOwn = (node: Node) =>
    (node as Element).hasAttribute?.('data-nsl-badge') ||
    (ownHost !== undefined && (node === ownHost || ownHost.contains(node)));

  const collect = (element: Element, into: HTMLAnchorElement[]) => {
    if (element.matches(selector)) into.push(element as HTMLAnchorElement);
    if (element.firstElementChild)
      for (const anchor of element.querySelectorAll<HTMLAnchorElement>(selector)) into.push(anchor);
  };

  /** Every candidate under `element`, none of our own: the anchors already badged are skipped later. */
  const collectUnder = (element: Element, into: HTMLAnchorElement[]) => {
    const ownInside = ownHost !== undefined && element.contains(ownHost);
    for (const anchor of element.querySelectorAll<HTMLAnchorElement>(selector)) {
      if (!ownInside || !isOwn(anchor)) into.push(anchor);
    }
  };

  const onMutations = (records: MutationRecord[]) => {
    const anchors: HTMLAnchorElement[] = [];
    let removed = false;
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'attributes') {
        onRehref(record.target as HTMLAnchorElement);
        anchors.push(record.target as HTMLAnchorElement);
        continue;
      }
      if (record.removedNodes.length) removed = true;
      if (mostlyNew(record)) collectUnder(record.target as Element, anchors);
      else
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !isOwn(node)) collect(node as Element, anchors);
        }
    }
    onChange(anchors, removed);
  };

  const observer = new MutationObserver(onMutations);
  observer.observe(root, WATCH);
  return {
    present() {
      const found: HTMLAnchorElement[] = [];
      if (root.nodeType === Node.ELEMENT_NODE) collect(root as Element, found);
      else for (const anchor of root.querySelectorAll<HTMLAnchorElement>(selector)) found.push(anchor);
      return found.filter((anchor) => !isOwn(anchor));
    },
    // A thousand records of our own badges cost more to read and skip than the badges cost to make.
    unobserved(work) {
      const before = observer.takeRecords();
      observer.disconnect();
      try {
        work();
      } finally {
        observer.observe(root, WATCH);
      }
      if (before.length) onMutations(before);
    },
    stop: () => observer.disconnect(),
  };
}
