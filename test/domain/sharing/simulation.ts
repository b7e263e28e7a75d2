/**
 * Random edit sequences on three replicas with skewed clocks: Ana's clock runs three
 * hours ahead, Ben's two hours behind, Cleo's is right. Between edits, random replicas
 * pull each other's state. Everything comes from a seed, so a failure names its case.
 */
import type { LocalChange } from '../../../lib/domain/sharing/edits';
import type { Replica } from '../../../lib/domain/sharing/sync';
import { sharedView } from '../../../lib/domain/sharing/view';
import { ITEM_STATUSES, type Item, type Metric } from '../../../lib/domain/types';
import { leadsBackTo } from '../../../lib/domain/workspace-file';
import { item, metric } from '../builders';
import { edit, HOUR, MINUTE, pick, pull, random, T, team } from './helpers';

export const SKEW = { ana: 3 * HOUR, ben: -2 * HOUR, cleo: 0 } as const;
type Name = keyof typeof SKEW;
const NAMES = Object.keys(SKEW) as Name[];

export interface Run {
  replicas: Record<Name, Replica>;
  /** Physical time at the end of the run. */
  now: number;
  next: () => number;
}

export function simulate(seed: number, steps: number): Run {
  const next = random(seed);
  const replicas: Record<Name, Replica> = team();
  let now = T;
  let created = 0;
  for (let step = 0; step < steps; step++) {
    now += Math.floor(next() * 5 * MINUTE);
    const name = pick(next, NAMES);
    const local = replicas[name];
    const clock = now + SKEW[name];
    if (next() < 0.25) {
      const other = pick(next, NAMES);
      replicas[name] = pull(local, replicas[other], clock);
      continue;
    }
    const change = randomChange(next, local, `${name}-${created++}`);
    if (change) replicas[name] = edit(local, clock, change);
  }
  return { replicas, now, next };
}

function randomChange(next: () => number, replica: Replica, newId: string): LocalChange | null {
  const view = sharedView(replica.state);
  const inputs = view.metrics.filter((m) => m.role === 'input' || m.role === 'team');
  const roll = next();
  if (roll < 0.08) return { kind: 'put-item', item: item({ id: newId, title: newId, inputMetricId: null }) };
  if (roll < 0.12) return { kind: 'put-metric', metric: metric({ id: newId, role: 'input', parentId: 'nsm' }) };
  if (roll < 0.17 && view.items.length > 0) return { kind: 'delete-item', id: pick(next, view.items).id };
  if (roll < 0.2 && inputs.length > 0) return { kind: 'delete-metric', id: pick(next, inputs).id };
  if (roll < 0.35 && view.metrics.length > 0) {
    return { kind: 'put-metric', metric: changeMetric(next, pick(next, view.metrics), view.metrics) };
  }
  if (roll < 0.38) return { kind: 'put-tree', tree: { name: `Tree ${Math.floor(next() * 5)}`, game: null } };
  if (view.items.length === 0) return null;
  return { kind: 'put-item', item: changeItem(next, pick(next, view.items), inputs) };
}

function changeItem(next: () => number, current: Item, inputs: readonly Metric[]): Item {
  const value = Math.floor(next() * 10);
  switch (pick(next, ['title', 'rice', 'status', 'notes', 'metric', 'links'] as const)) {
    case 'title':
      return { ...current, title: `title ${value}` };
    case 'rice': {
      const field = pick(next, ['reach', 'impact', 'confidence', 'effort'] as const);
      return { ...current, rice: { ...current.rice, [field]: value === 0 ? null : value } };
    }
    case 'status':
      return { ...current, status: pick(next, ITEM_STATUSES) };
    case 'notes':
      return { ...current, notes: `note ${value}` };
    case 'metric':
      return { ...current, inputMetricId: inputs.length > 0 && value > 1 ? pick(next, inputs).id : null };
    case 'links': {
      const link = {
        site: 'jira',
        key: `K-${value % 4}`,
        url: `https://acme.atlassian.net/browse/K-${value}`,
      } as const;
      const others = current.links.filter((l) => l.key !== link.key);
      return { ...current, links: next() < 0.3 ? others : [...others, link] };
    }
  }
}

function changeMetric(next: () => number, current: Metric, metrics: readonly Metric[]): Metric {
  if (current.role === 'nsm') return { ...current, name: `NSM ${Math.floor(next() * 5)}` };
  switch (pick(next, ['name', 'role', 'parent', 'leverage', 'urls'] as const)) {
    case 'name':
      return { ...current, name: `metric ${Math.floor(next() * 10)}` };
    case 'role':
      return { ...current, role: pick(next, ['input', 'team', 'output'] as const) };
    case 'parent': {
      // Locally, the storage layer refuses a loop; concurrent moves can still make one.
      const byId = new Map(metrics.map((m) => [m.id, m]));
      const candidates = metrics.filter((m) => m.id !== current.id && !leadsBackTo(current.id, m, byId));
      return candidates.length > 0 ? { ...current, parentId: pick(next, candidates).id } : current;
    }
    case 'leverage':
      return { ...current, leverage: Math.floor(next() * 30) / 10 };
    case 'urls': {
      const url = `https://app.amplitude.com/chart/${Math.floor(next() * 3)}`;
      const has = current.sourceUrls.includes(url);
      return {
        ...current,
        sourceUrls: has ? current.sourceUrls.filter((u) => u !== url) : [...current.sourceUrls, url],
      };
    }
  }
}
