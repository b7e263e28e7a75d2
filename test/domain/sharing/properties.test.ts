/**
 * Convergence properties over random runs (simulation.ts). Each case is a seed: a failure
 * message names it, and `simulate(seed, STEPS)` replays it.
 */
import { describe, expect, it } from 'vitest';
import { merge } from '../../../lib/domain/sharing/merge';
import { parseSharedFile, readSharedFile, toSharedFile } from '../../../lib/domain/sharing/shared-file';
import type { SharedState } from '../../../lib/domain/sharing/state';
import { sharedView } from '../../../lib/domain/sharing/view';
import { EMPTY_SETTINGS, NO_LOOP_RECORDS } from '../../../lib/domain/types';
import { findIntegrityProblem } from '../../../lib/domain/workspace-file';
import { pick } from './helpers';
import { simulate } from './simulation';

const CASES = 300;
const STEPS = 60;
const seeds = Array.from({ length: CASES }, (_, i) => 1000 + i);

function text(state: SharedState): string {
  return toSharedFile(state);
}

/** Merges `states` in a random grouping and order, some of them twice. */
function randomFold(next: () => number, states: readonly SharedState[]): SharedState {
  const pool = [...states, ...states.filter(() => next() < 0.5)];
  while (pool.length > 1) {
    const a = pool.splice(Math.floor(next() * pool.length), 1)[0]!;
    const b = pool.splice(Math.floor(next() * pool.length), 1)[0]!;
    pool.push(next() < 0.5 ? merge(a, b) : merge(b, a));
  }
  return pool[0]!;
}

// Hundreds of simulated runs each: CPU-bound work that takes seconds alone and went past
// vitest's default 5 s on this 2-core machine under other builds' load. A time limit here
// would test the machine, not the merge.
describe('three replicas with skewed clocks, random edits and pulls', { timeout: 60_000 }, () => {
  it(`end byte-identical whatever the order, grouping and repetition of merges (${CASES} runs)`, () => {
    for (const seed of seeds) {
      const { replicas, next } = simulate(seed, STEPS);
      const states = Object.values(replicas).map((r) => r.state);
      const expected = text(randomFold(next, states));
      for (let order = 0; order < 4; order++) {
        expect(text(randomFold(next, states)), `seed ${seed}`).toBe(expected);
      }
      // A chain: each replica pulls the next, around twice, as polling would.
      const chain = [...states];
      for (let round = 0; round < 6; round++)
        chain[(round + 1) % 3] = merge(chain[(round + 1) % 3]!, chain[round % 3]!);
      for (const state of chain) expect(text(state), `seed ${seed}`).toBe(expected);
    }
  });

  it(`merge is commutative, associative and idempotent on the replicas' states (${CASES} runs)`, () => {
    for (const seed of seeds) {
      const { replicas } = simulate(seed, STEPS);
      const [a, b, c] = [replicas.ana.state, replicas.ben.state, replicas.cleo.state];
      expect(text(merge(a, b)), `seed ${seed}`).toBe(text(merge(b, a)));
      expect(text(merge(merge(a, b), c)), `seed ${seed}`).toBe(text(merge(a, merge(b, c))));
      expect(text(merge(a, a)), `seed ${seed}`).toBe(text(a));
      expect(text(merge(a, merge(a, b))), `seed ${seed}`).toBe(text(merge(a, b)));
    }
  });

  it(`a state survives the file unchanged: written, checked and read back (${CASES / 3} runs)`, () => {
    for (const seed of seeds.slice(0, CASES / 3)) {
      const { replicas, next } = simulate(seed, STEPS);
      const state = pick(next, Object.values(replicas)).state;
      const parsed = parseSharedFile(text(state));
      if (!parsed.ok) throw new Error(`seed ${seed}: ${parsed.path}: ${parsed.message}`);
      expect(text(readSharedFile(parsed.file)), `seed ${seed}`).toBe(text(state));
    }
  });

  it(`every replica's view, and the merged one, passes the import's reference checks (${CASES} runs)`, () => {
    for (const seed of seeds) {
      const { replicas } = simulate(seed, STEPS);
      const states = Object.values(replicas).map((r) => r.state);
      for (const state of [...states, states.reduce(merge)]) {
        const view = sharedView(state);
        const workspace = { trees: [view.tree], metrics: view.metrics, items: view.items };
        const problem = findIntegrityProblem({
          ...workspace,
          observations: [],
          reviews: [],
          ...NO_LOOP_RECORDS,
          history: [],
          settings: EMPTY_SETTINGS,
        });
        expect(problem, `seed ${seed}`).toBeNull();
      }
    }
  });
});
