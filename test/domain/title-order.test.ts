import { describe, expect, it } from 'vitest';
import { sortByTitle } from '../../lib/domain/title-order';

/** A small deterministic generator, so a failure names titles that can be reproduced. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

// biome-ignore format: one piece per kind of character the collator treats apart
const PIECES = ['a', 'A', 'b', 'Z', 'z', ' ', '  ', '0', '00', '7', '9', '10', '010', '123456789', '1234567890',
  'é', 'É', '-', '.', 'ß', 'Ω', 'idea', 'Idea', '_', "'"];

function titles(count: number, seed: number): string[] {
  const next = generator(seed);
  const out = ['', 'Idea 9', 'Idea 10', 'idea 10', 'Idea 010', 'Backlog idea 100', 'Backlog idea 99', 'résumé'];
  for (let i = 0; i < count; i++) {
    let title = '';
    const parts = 1 + next(5);
    for (let p = 0; p < parts; p++) title += PIECES[next(PIECES.length)];
    out.push(title);
  }
  return out;
}

describe('sorting by title', () => {
  it('orders titles exactly as the collator does: numbers by value, case and accents aside', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (const seed of [1, 42, 2026]) {
      const all = titles(2_000, seed);
      expect(sortByTitle(all, (t) => t)).toEqual(all.slice().sort(collator.compare));
    }
  });

  it('puts Idea 9 before Idea 10, and keeps equal titles in their order', () => {
    const rows = [{ t: 'Idea 10' }, { t: 'Idea 9', n: 1 }, { t: 'idea 9', n: 2 }, { t: 'Idea 1' }];
    expect(sortByTitle(rows, (r) => r.t)).toEqual([
      { t: 'Idea 1' },
      { t: 'Idea 9', n: 1 },
      { t: 'idea 9', n: 2 },
      { t: 'Idea 10' },
    ]);
  });
});
