/**
 * "Pin this number": how the headline number of a chart page is found again on later
 * visits. The page is read as its text pieces in document order (the text nodes, see
 * lib/state/page/page-text.ts); a pin remembers the words beside the number (its label),
 * which side they are on, the number's shape (currency sign, percent) and, when several
 * numbers of that shape follow the same label, which one. No class names or element paths:
 * those change with every re-render and redesign, the label and the shape rarely do.
 */
import { parseNumberText } from './number-text';
import { sameSourceUrl } from './source-url';

/** What a number looks like, beyond its digits: what stays when the value changes. */
export interface NumberShape {
  /** What precedes the digits: a currency sign, or nothing. */
  prefix: string;
  percent: boolean;
}

/** How to find a metric's number again on one of its chart pages. */
export interface NumberPin {
  /** The chart page (one of the metric's sourceUrls). */
  sourceUrl: string;
  /** The words nearest the number, as the page wrote them (spaces collapsed). */
  label: string;
  /** The label follows the number ("51,870 / weekly active users") instead of preceding it. */
  labelAfter: boolean;
  shape: NumberShape;
  /** Which number of this shape, counted from the label (0: the nearest). */
  rank: number;
  /**
   * How many pieces from the label the number was (1: right beside it). Where the label
   * names more than one number (a card's headline and a table's column), the one at the
   * same distance is taken.
   */
  gap: number;
  /** Record the number on each visit without the panel being opened. */
  autoRecord: boolean;
}

export type PinDescription = Omit<NumberPin, 'sourceUrl' | 'autoRecord'>;

export interface FoundNumber {
  /** Index of the text piece the number is. */
  index: number;
  text: string;
  value: number;
}

/** How many text pieces a label may be from its number: a card's title, its number, a delta and a caption. */
export const LABEL_REACH = 8;
const LABEL_MAX = 120;

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words, not a number, a date or a delta: "Weekly active users", "Nutzer pro Woche". */
function isLabel(text: string): boolean {
  const t = collapseSpaces(text);
  return t.length >= 2 && t.length <= LABEL_MAX && /\p{L}/u.test(t) && !/\d/.test(t);
}

function sameLabel(a: string, b: string): boolean {
  return collapseSpaces(a).toLocaleLowerCase() === collapseSpaces(b).toLocaleLowerCase();
}

/** The shape of `text` when it is one readable number; null when it is not. */
export function numberShape(text: string): NumberShape | null {
  const t = collapseSpaces(text);
  if (parseNumberText(t) === null) return null;
  const prefix = /^[^\d\-+.\u2212]*/.exec(t)?.[0].replace(/\s/g, '') ?? '';
  return { prefix, percent: t.endsWith('%') };
}

function hasShape(text: string, shape: NumberShape): boolean {
  const found = numberShape(text);
  return found !== null && found.prefix === shape.prefix && found.percent === shape.percent;
}

/**
 * How to find the number at `clicked` again: the nearest label before it (or, failing
 * that, after it) within LABEL_REACH pieces, and its rank among the same-shaped numbers in
 * between. Null when the piece is not a number or no words are near it.
 */
export function describePin(texts: readonly string[], clicked: number): PinDescription | null {
  const text = texts[clicked];
  const shape = text === undefined ? null : numberShape(text);
  if (!shape) return null;
  for (const labelAfter of [false, true]) {
    const step = labelAfter ? 1 : -1;
    let rank = 0;
    for (let i = clicked + step, gap = 1; i >= 0 && i < texts.length && gap <= LABEL_REACH; i += step, gap++) {
      const piece = texts[i]!;
      if (isLabel(piece)) return { label: collapseSpaces(piece), labelAfter, shape, rank, gap };
      if (hasShape(piece, shape)) rank++;
    }
  }
  return null;
}

/**
 * The pinned number on a page read as `texts`: after (or before) a piece that reads as the
 * pin's label, the rank-th number of its shape, with no other words in between; of several
 * such, the one as far from its label as the pinned one was, then the nearest. Null when
 * the label or the number is not there: then nothing is recorded, rather than a neighbour.
 */
export function findPinned(pin: PinDescription, texts: readonly string[]): FoundNumber | null {
  let best: { found: FoundNumber; off: number } | null = null;
  for (let at = 0; at < texts.length; at++) {
    if (!sameLabel(texts[at]!, pin.label)) continue;
    const found = numberAfterLabel(pin, texts, at);
    if (!found) continue;
    const off = Math.abs(Math.abs(found.index - at) - pin.gap);
    if (!best || off < best.off) best = { found, off };
  }
  return best?.found ?? null;
}

function numberAfterLabel(pin: PinDescription, texts: readonly string[], label: number): FoundNumber | null {
  const step = pin.labelAfter ? -1 : 1;
  let rank = 0;
  for (let i = label + step, gap = 1; i >= 0 && i < texts.length && gap <= LABEL_REACH; i += step, gap++) {
    const piece = texts[i]!;
    if (isLabel(piece)) return null;
    if (!hasShape(piece, pin.shape)) continue;
    if (rank === pin.rank) return { index: i, text: collapseSpaces(piece), value: parseNumberText(piece)! };
    rank++;
  }
  return null;
}

/** The metric's pin for this chart page, if any (addresses compared as chart addresses). */
export function pinFor(pins: readonly NumberPin[] | undefined, url: string): NumberPin | null {
  return pins?.find((p) => sameSourceUrl(p.sourceUrl, url)) ?? null;
}

/** The metric's pins with this chart's replaced by `pin`, or removed when `pin` is null. */
export function withPin(pins: readonly NumberPin[] | undefined, url: string, pin: NumberPin | null): NumberPin[] {
  const others = (pins ?? []).filter((p) => !sameSourceUrl(p.sourceUrl, url));
  return pin ? [...others, pin] : others;
}
