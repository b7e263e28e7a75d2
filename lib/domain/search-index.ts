/**
 * The backlog's search box over a list of items: every item's search text (its title and
 * its tickets' keys, lowercased) joined into one string in the list's order, with where each
 * item's text starts. A keystroke is then the engine's substring search over that one string
 * and a walk along the starts, instead of a lookup and a search per item: at 100,000 items
 * the per-item way cost 0.3-0.9 s per keystroke on the shared machine, most of it the
 * garbage collector tracing the texts kept per item (docs/benchmarks.md, round 12).
 */
import type { Item } from './types';

export interface SearchIndex {
  text: string;
  /** Where each item's text starts in `text`; one entry more, the end. */
  starts: Int32Array;
}

/** What the search box is matched against: the title and the tickets' keys, apart, lowercased. */
export function searchTextOf(item: Item): string {
  let text = item.title;
  for (const link of item.links) text += `\u0000${link.key}`;
  return text.toLowerCase();
}

/** Between two items' texts: a query (typed text) never holds it, so no match spans two items. */
const BETWEEN = '\u0001';

export function searchIndex(items: readonly Item[]): SearchIndex {
  const texts = items.map(searchTextOf);
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  texts.forEach((text, i) => {
    starts[i] = at;
    at += text.length + BETWEEN.length;
  });
  starts[texts.length] = at;
  return { text: texts.join(BETWEEN) + BETWEEN, starts };
}

/** The places (in the list's order) of the items whose text holds `query` (already trimmed and lowercased). */
export function matchingPlaces(index: SearchIndex, query: string): number[] {
  const { text, starts } = index;
  const places: number[] = [];
  if (query.includes(BETWEEN)) return places;
  const count = starts.length - 1;
  let place = 0;
  let from = text.indexOf(query);
  while (from >= 0 && place < count) {
    while ((starts[place + 1] as number) <= from) place += 1;
    places.push(place);
    from = text.indexOf(query, starts[place + 1] as number);
    place += 1;
  }
  return places;
}
