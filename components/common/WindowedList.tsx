/**
 * A long list that puts only the rows near the screen into the DOM: a backlog of 100,000
 * items drawn whole is a long task of seconds on every filter, sort or keystroke. The
 * window scrolls as usual; the list's padding stands in for the rows above and below the
 * ones drawn, at the height measured of those drawn, so the scroll bar covers every row.
 *
 * For assistive technology each row says where it sits in the whole list (aria-posinset
 * of aria-setsize), as the list pattern asks when not all of its items are in the DOM.
 * The row holding the focus stays drawn when the rows around it are recycled, wherever
 * the list is scrolled, so typing in it or tabbing on from it goes on where the user was;
 * tabbing onto the next row scrolls it into view, which draws the rows after it.
 */
import { useSignal } from '@preact/signals';
import { Component, type JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Rows drawn beyond each edge of the screen: enough that Tab always finds the next row drawn. */
const OVERSCAN = 8;
/** Before any row is measured: about one row of the backlog. */
const FIRST_GUESS_PX = 64;

interface Props<T> {
  items: readonly T[];
  /** The row's item id, as its `data-item-id` says: how the row holding the focus is found. */
  keyOf(item: T): string;
  /** One row, keyed by its item id: an `<li>` that spreads `place` onto itself. */
  children(item: T, place: RowPlace): JSX.Element;
  tag: 'ol' | 'ul';
  class: string;
  'aria-labelledby'?: string;
}

/** Where a drawn row sits in the whole list, as its `<li>` tells the browser. */
export interface RowPlace {
  'aria-posinset': number;
  'aria-setsize': number;
  style: { marginTop: string } | undefined;
}

interface Range {
  first: number;
  end: number;
}

export function WindowedList<T>({ items, keyOf, children, tag: Tag, ...attributes }: Props<T>) {
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  const rowPx = useSignal(FIRST_GUESS_PX);
  const range = useSignal<Range>({ first: 0, end: Math.ceil(window.innerHeight / FIRST_GUESS_PX) + OVERSCAN });
  const focusedKey = useSignal<string | null>(null);
  const placeSoon = useRef<() => void>(() => undefined);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const top = element.getBoundingClientRect().top;
      const px = rowPx.value;
      const first = Math.max(0, Math.floor(-top / px) - OVERSCAN);
      const end = Math.max(first, Math.ceil((window.innerHeight - top) / px) + OVERSCAN);
      if (first !== range.value.first || end !== range.value.end) range.value = { first, end };
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    placeSoon.current = soon;
    const remeasure = () => {
      rowPx.value = measuredRowPx(element) ?? rowPx.value;
      soon();
    };
    remeasure();
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', remeasure);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', remeasure);
    };
  }, []);
  // A filter here or in the content above moves the list without any scroll to say so.
  useLayoutEffect(() => placeSoon.current());

  const px = rowPx.value;
  const count = items.length;
  const first = Math.min(range.value.first, count);
  const end = Math.min(range.value.end, count);
  const shown: number[] = [];
  const focused = focusedKey.value === null ? -1 : items.findIndex((item) => keyOf(item) === focusedKey.value);
  if (focused >= 0 && focused < first) shown.push(focused);
  for (let i = first; i < end; i++) shown.push(i);
  if (focused >= end) shown.push(focused);

  let before = -1;
  const rows = shown.map((index) => {
    const gap = index - before - 1;
    before = index;
    const item = items[index] as T;
    const place = {
      'aria-posinset': index + 1,
      'aria-setsize': count,
      style: gap > 0 && index !== shown[0] ? { marginTop: `${gap * px}px` } : undefined,
    };
    return <Row key={keyOf(item)} item={item} place={place} draw={children} />;
  });
  const above = shown.length ? (shown[0] as number) * px : 0;
  const below = shown.length ? (count - 1 - before) * px : count * px;

  return (
    <Tag
      {...attributes}
      ref={list}
      style={{ paddingTop: `${above}px`, paddingBottom: `${below}px` }}
      onFocusIn={(e) => {
        const row = (e.target as Element).closest<HTMLElement>('[data-item-id]');
        focusedKey.value = row?.dataset.itemId ?? null;
      }}
      onFocusOut={(e) => {
        if (!list.current?.contains(e.relatedTarget as Node | null)) focusedKey.value = null;
      }}
    >
      {rows}
    </Tag>
  );
}

interface RowProps<T> {
  item: T;
  place: RowPlace;
  draw(item: T, place: RowPlace): JSX.Element;
}

/**
 * A drawn row, rendered again only when its item, its place or the list's drawing changes:
 * a scroll step renders the rows coming into view, not every row of the window again. The
 * row's own component still re-renders on the signals it reads.
 */
class Row<T> extends Component<RowProps<T>> {
  override shouldComponentUpdate(next: RowProps<T>): boolean {
    const { item, place, draw } = this.props;
    return next.item !== item || next.draw !== draw || !samePlace(next.place, place);
  }

  override render() {
    return this.props.draw(this.props.item, this.props.place);
  }
}

function samePlace(a: RowPlace, b: RowPlace): boolean {
  return (
    a['aria-posinset'] === b['aria-posinset'] &&
    a['aria-setsize'] === b['aria-setsize'] &&
    a.style?.marginTop === b.style?.marginTop
  );
}

/** The mean height of the rows drawn, or null while none is. */
function measuredRowPx(element: HTMLElement): number | null {
  const rows = element.children;
  if (!rows.length) return null;
  let total = 0;
  for (const row of rows) total += (row as HTMLElement).offsetHeight;
  return total / rows.length;
}
