/** Replicas, edits and a seeded random source for the sharing tests. */
import { applyChanges, type LocalChange } from '../../../lib/domain/sharing/edits';
import { receive } from '../../../lib/domain/sharing/hlc';
import { merge } from '../../../lib/domain/sharing/merge';
import { type Replica, startSharing } from '../../../lib/domain/sharing/sync';
import type { Item, Metric, Tree } from '../../../lib/domain/types';
import { item, metric } from '../builders';

export const T = 1_700_000_000_000;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: a tiny seeded generator, so a failing case is rerun from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

export const TREE: Tree = { id: 't1', name: 'Acme', game: 'productivity', createdAt: T, updatedAt: T };

export function startingRecords(): { tree: Tree; metrics: Metric[]; items: Item[] } {
  return {
    tree: TREE,
    metrics: [
      metric({ id: 'nsm', role: 'nsm', name: 'Weekly active teams' }),
      metric({ id: 'in1', role: 'input', parentId: 'nsm', name: 'Teams inviting' }),
      metric({ id: 'in2', role: 'input', parentId: 'nsm', name: 'Reports shared' }),
    ],
    items: [
      item({ id: 'i1', title: 'Invite from share dialog', inputMetricId: 'in1' }),
      item({ id: 'i2', title: 'Weekly digest', inputMetricId: 'in2' }),
    ],
  };
}

/** Ana starts sharing at T; Ben and Cleo take copies of her state, as joining the file would give them. */
export function team(): { ana: Replica; ben: Replica; cleo: Replica } {
  const ana = startSharing(startingRecords(), 'ana', 'Ana', T);
  return { ana, ben: join(ana, 'ben', 'Ben', T), cleo: join(ana, 'cleo', 'Cleo', T) };
}

export function join(from: Replica, replicaId: string, name: string, now: number): Replica {
  return edit({ clock: receive([0, 0, replicaId], from.clock, now), state: from.state }, now, {
    kind: 'set-name',
    name,
  });
}

export function edit(replica: Replica, now: number, ...changes: LocalChange[]): Replica {
  const result = applyChanges(replica.state, replica.clock, changes, now);
  if (!result.ok) throw new Error(`change ${result.index} refused: ${result.message}`);
  return { clock: result.clock, state: result.state };
}

/** `a` after pulling `b`'s state directly (what pulling a file `b` published amounts to). */
export function pull(a: Replica, b: Replica, now: number): Replica {
  return { clock: receive(a.clock, b.clock, now), state: merge(a.state, b.state) };
}
