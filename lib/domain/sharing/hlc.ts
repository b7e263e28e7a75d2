/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): a stamp is
 * (wall-clock milliseconds, counter, replica id), ordered in that order. Every change in a
 * shared tree carries one; the newest stamp of a field is its value on every replica.
 *
 * What an HLC guarantees: a stamp made after a replica has seen another stamp is larger
 * than it (causality is never inverted, whatever the wall clocks say), stamps stay within
 * the largest clock offset of physical time, and all stamps are totally ordered, so every
 * replica picks the same winner. What it cannot do: between two replicas that have not
 * yet seen each other's changes, order follows the wall clocks, so a replica whose clock
 * runs ahead wins such races for as long as it is ahead. It never wins forever: as soon
 * as its stamps arrive, the receiver's clock moves past them and that replica's next
 * edits win. To keep "as long as it is ahead" short, a file with stamps more than
 * MAX_CLOCK_AHEAD_MS ahead of the reader's clock is refused (see sync.ts).
 */

/** [wall-clock ms, counter, replica id]: the file stores a stamp as this JSON array. */
export type Hlc = readonly [wall: number, counter: number, replica: string];

/**
 * A day. A laptop with a wrong time zone setting is off by whole hours (at most 14);
 * a clock a day or more ahead is broken, and letting its stamps in would make every
 * other replica's edits lose to it for that long.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Counters stay small integers; past this the clock borrows a millisecond instead. */
export const MAX_COUNTER = 0x7fff_ffff;

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  // Code-unit order, not localeCompare: the result must not depend on the browser's locale.
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return 0;
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b;
}

/** The larger of two optional stamps; null is older than any stamp. */
export function maxOptionalHlc(a: Hlc | null, b: Hlc | null): Hlc | null {
  if (a === null) return b;
  if (b === null) return a;
  return maxHlc(a, b);
}

/** A replica's clock before its first event. */
export function initialHlc(replica: string): Hlc {
  return [0, 0, replica];
}

/** The stamp of a local event at physical time `now`. */
export function tick(local: Hlc, now: number): Hlc {
  const wall = Math.max(local[0], Math.floor(now));
  return wall === local[0] ? bump(wall, local[1], local[2]) : [wall, 0, local[2]];
}

/** The local clock after seeing `remote` at physical time `now`; larger than both. */
export function receive(local: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(local[0], remote[0], Math.floor(now));
  if (wall === local[0] && wall === remote[0]) return bump(wall, Math.max(local[1], remote[1]), local[2]);
  if (wall === local[0]) return bump(wall, local[1], local[2]);
  if (wall === remote[0]) return bump(wall, remote[1], local[2]);
  return [wall, 0, local[2]];
}

function bump(wall: number, counter: number, replica: string): Hlc {
  return counter >= MAX_COUNTER ? [wall + 1, 0, replica] : [wall, counter + 1, replica];
}
