/**
 * A seeded pseudo-random generator (mulberry32): the fuzz tests draw thousands of cases,
 * and a failure must be reproducible from its seed and case number alone.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(values: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(values: readonly T[]): T => {
      if (values.length === 0) throw new Error('pick from an empty list');
      return values[int(values.length)] as T;
    },
    chance: (probability) => next() < probability,
  };
}
