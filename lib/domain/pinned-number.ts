/**
 * "Pin this number": how the headline number of a chart page is found again on later
 * visits. The page is read as its text pieces in document order (the text nodes, see
 * lib/state/page/page-text.ts); a pin remembers the words beside the number (its label),
 * which side they are on, the number's shape (currency sign, percent) and how many
 * numbers from the label it is. No class names or element paths:
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
  /**
   * Which number, counted from the label (1: the first number beside it). Numbers of
   * any shape count, dates too: where the label also heads a table column, its first cell
   * comes after a date, so it is not taken for the card's number.
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

/**
 * The pieces from `from` outwards (forwards, or backwards when `backwards`) up to the next
 * label, at most LABEL_REACH of them, each with how many numbers were seen so far.
 */
function* numbersFrom(texts: readonly string[], from: number, backwards: boolean) {
  const step = backwards ? -1 : 1;
  let count = 0;
  for (let i = from + step, seen = 0; i >= 0 && i < texts.length && seen < LABEL_REACH; i += step, seen++) {
    const piece = texts[i]!;
    if (isLabel(piece)) return;
    const shape = numberShape(piece);
    if (shape) yield { index: i, shape, count: ++count };
  }
}

/**
 * How to find the number at `clicked` again: the nearest label before it (or, failing
 * that, after it) within LABEL_REACH pieces, and how many numbers from that label it is.
 * Null when the piece is not a number or no words are near it.
 */
export function describePin(texts: readonly string[], clicked: number): PinDescription | null {
  const text = texts[clicked];
  const shape = text === undefined ? null : numberShape(text);
  if (!shape) return null;
  for (const labelAfter of [false, true]) {
    const between = [...numbersFrom(texts, clicked, !labelAfter)].length;
    const step = labelAfter ? 1 : -1;
    let label = clicked + step;
    while (label >= 0 && label < texts.length && !isLabel(texts[label]!)) label += step;
    if (label < 0 || label >= texts.length || Math.abs(label - clicked) > LABEL_REACH) continue;
    return { label: collapseSpaces(texts[label]!), labelAfter, shape, gap: between + 1 };
  }
  return null;
}

/**
 * The pinned number on a page read as `texts`: after (or before) a piece that reads as the
 * pin's label, the gap-th number, with no other words in between, if it has the pinned
 * shape. Null when the label or the number is not there: then nothing is recorded, rather
 * than a neighbour or a table cell under the same label.
 */
export function findPinned(pin: PinDescription, texts: readonly string[]): FoundNumber | null {
  for (let at = 0; at < texts.length; at++) {
    if (!sameLabel(texts[at]!, pin.label)) continue;
    for (const { index, shape, count } of numbersFrom(texts, at, pin.labelAfter)) {
      if (count < pin.gap) continue;
      if (shape.prefix === pin.shape.prefix && shape.percent === pin.shape.percent) {
        return { index, text: collapseSpaces(texts[index]!), value: parseNumberText(texts[index]!)! };
      }
      break;
    }
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
