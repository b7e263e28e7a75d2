/**
 * Format version 2 (shared-parts.ts) over random runs (simulation.ts): a state written as
 * an index and parts and read back is the same state, and replicas that read each other's
 * parts in any order, some only partly and some twice, end byte-identical.
 */
import { describe, expect, it } from 'vitest';
import { merge } from '../../../lib/domain/sharing/merge';
import { readSharedFile, toSharedFile } from '../../../lib/domain/sharing/shared-file';
import {
  combineParts,
  parseSharedPart,
  parseSharedRoot,
  partOf,
  toSharedParts,
} from '../../../lib/domain/sharing/shared-parts';
import type { SharedState } from '../../../lib/domain/sharing/state';
import { pick } from './helpers';
import { simulate } from './simulation';

const CASES = 100;
const STEPS = 60;
// Fewer parts than records, so most parts hold several.
const COUNT = 8;
const seeds = Array.from({ length: CASES }, (_, i) => 5000 + i);

/** The parts `which` of `state`'s files, checked as a reader checks them, as a state. */
function readParts(state: SharedState, which: readonly number[]): SharedState {
  const texts = toSharedParts(state, 'tree.json', COUNT);
  const root = parseSharedRoot(texts.index, 'tree.json');
  if (!root.ok || !root.index) throw new Error(root.ok ? 'not an index' : root.message);
  const { index } = root;
  const bodies = which.map((part) => {
    const checked = parseSharedPart(texts.parts[part]!, index, part);
    if (!checked.ok) throw new Error(`${checked.path}: ${checked.message}`);
    return checked.body;
  });
  const combined = combineParts(index, bodies);
  if (!combined.ok) throw new Error(combined.message);
  return readSharedFile(combined.body);
}

const ALL = Array.from({ length: COUNT }, (_, part) => part);

describe('a shared tree in parts', { timeout: 60_000 }, () => {
  it(`written as an index and parts and read back, is the same state (${CASES} runs)`, () => {
    for (const seed of seeds) {
      const { replicas, next } = simulate(seed, STEPS);
      const state = pick(next, Object.values(replicas)).state;
      expect(toSharedFile(readParts(state, ALL)), `seed ${seed}`).toBe(toSharedFile(state));
    }
  });

  it(`replicas reading parts in random orders, partly and repeatedly, end byte-identical (${CASES} runs)`, () => {
    for (const seed of seeds) {
      const { replicas, next } = simulate(seed, STEPS);
      const states = Object.values(replicas).map((r) => r.state);
      const expected = toSharedFile(states.reduce(merge));
      for (const own of states) {
        let current = own;
        // Pulls that read only some parts (a 304 for the rest), from anyone, some twice.
        for (let pull = 0; pull < 6; pull++) {
          const source = pick(next, states);
          const some = ALL.filter(() => next() < 0.4);
          current = merge(current, readParts(source, some));
        }
        // Then every part of everyone, each source read part by part in a random order.
        for (const source of [...states].sort(() => next() - 0.5)) {
          for (const part of [...ALL].sort(() => next() - 0.5)) current = merge(current, readParts(source, [part]));
        }
        expect(toSharedFile(current), `seed ${seed}`).toBe(expected);
      }
    }
  });

  it('puts a record in the part its id hashes to, the same on every call', () => {
    expect(partOf('item-101', 32)).toBe(partOf('item-101', 32));
    const spread = new Set(Array.from({ length: 1000 }, (_, n) => partOf(`item-${n}`, 32)));
    expect(spread.size).toBe(32);
  });
});

describe('checking an index and its parts like an import', () => {
  const state = simulate(7, 20).replicas.ana.state;
  const texts = toSharedParts(state, 'tree.json', COUNT);
  const root = parseSharedRoot(texts.index, 'tree.json');
  if (!root.ok || !root.index) throw new Error('the index does not read');
  const { index } = root;
  const busy = ALL.find((part) => JSON.parse(texts.parts[part]!).items.length > 0)!;
  const part = () => JSON.parse(texts.parts[busy]!) as Record<string, unknown> & { items: { id: string }[] };

  it.each<[string, () => string, RegExp]>([
    ['text that is not JSON', () => '{"app":', /not valid JSON/],
    ['a part of a newer format', () => JSON.stringify({ ...part(), formatVersion: 3 }), /newer version/],
    ['a part of another tree', () => JSON.stringify({ ...part(), tree: 'other' }), /must be the index's tree/],
    ['a part that says it is another', () => JSON.stringify({ ...part(), part: busy + 1 }), /^must be \d+$/],
    ['a field a part does not have', () => JSON.stringify({ ...part(), people: [] }), /is not a known field/],
    ['a part over 4 MiB', () => `${texts.parts[busy]!}${' '.repeat(4 * 1024 * 1024)}`, /larger than 4 MiB/],
    [
      'a stamp naming someone the index does not list',
      () => {
        const broken = part();
        (broken.items[0] as unknown as { created: unknown }).created = [1, 0, 'stranger'];
        return JSON.stringify(broken);
      },
      /names replica "stranger"/,
    ],
  ])('refuses %s, naming the part', (_what, text, message) => {
    const refused = parseSharedPart(text(), index, busy);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.path.startsWith(index.parts[busy]!)).toBe(true);
    expect(refused.message).toMatch(message);
  });

  it('refuses an index naming a part outside its folder', () => {
    const hostile = JSON.parse(texts.index);
    hostile.parts[0] = 'https://elsewhere.example/x.json';
    const refused = parseSharedRoot(JSON.stringify(hostile), 'tree.json');
    expect(refused).toMatchObject({ ok: false, path: 'tree.json parts[0]' });
  });
});
