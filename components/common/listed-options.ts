/**
 * The options a select in a row of a long list lists: only its chosen one until the user
 * reaches the row (a focus or a pointer press inside it), then every one. A backlog row's
 * three selects with all their options (every taggable metric: 100 of them at 100,000
 * items) were about half of what a row costs to draw (docs/benchmarks.md, round 11), and a
 * scroll draws a screen of new rows per frame. The select is there all along, labelled and
 * showing its value, so Tab reaches it and a screen reader reads it as before; the options
 * come in the same task as the focus or press, before a key or the popup can use them.
 */
export function listedOptions<T>(all: readonly T[], reached: boolean, isChosen: (option: T) => boolean): readonly T[] {
  if (reached) return all;
  const chosen = all.find(isChosen);
  return chosen === undefined ? [] : [chosen];
}
