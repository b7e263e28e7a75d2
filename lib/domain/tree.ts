/**
 * Reading a metric tree: the NSM, the input metrics under it, the team metrics under
 * those, and the way up from any metric to the North Star.
 */
import type { Id, Metric } from './types';

export function nsmsOf(metrics: readonly Metric[]): Metric[] {
  return metrics.filter((m) => m.role === 'nsm');
}

/** The tree's North Star, or null when there is none or (wrongly) several. */
export function nsmOf(metrics: readonly Metric[]): Metric | null {
  const nsms = nsmsOf(metrics);
  return nsms.length === 1 ? (nsms[0] ?? null) : null;
}

export function inputMetricsOf(metrics: readonly Metric[]): Metric[] {
  return metrics.filter((m) => m.role === 'input');
}

export function childrenOf(metrics: readonly Metric[], parentId: Id): Metric[] {
  return metrics.filter((m) => m.parentId === parentId);
}

export function metricById(metrics: readonly Metric[]): Map<Id, Metric> {
  return new Map(metrics.map((m) => [m.id, m]));
}

/**
 * The metric itself, then its parent, and so on up to the NSM (e.g. team, input, NSM).
 * Stops early where a parent is missing; a cycle in broken data cannot loop forever.
 */
export function pathToNsm(metrics: readonly Metric[], metricId: Id): Metric[] {
  const byId = metricById(metrics);
  const path: Metric[] = [];
  const seen = new Set<Id>();
  let current = byId.get(metricId);
  while (current && !seen.has(current.id)) {
    path.push(current);
    seen.add(current.id);
    if (current.role === 'nsm' || current.parentId === null) break;
    current = byId.get(current.parentId);
  }
  return path;
}

/**
 * Where an item tagged with `metricId` lands in the tree: the metric it names (an input
 * metric, or a team metric under one), the input metric that carries it to the NSM, and
 * its leverage on the NSM (a team metric's own leverage times its input metric's).
 * Null when the tag leads to no input metric: the item serves no path to the NSM.
 */
export interface InputLink {
  metric: Metric;
  input: Metric;
  leverage: number;
}

export function resolveInputLink(byId: ReadonlyMap<Id, Metric>, metricId: Id | null): InputLink | null {
  if (metricId === null) return null;
  const metric = byId.get(metricId);
  if (!metric) return null;
  if (metric.role === 'input') return { metric, input: metric, leverage: metric.leverage };
  if (metric.role !== 'team' || metric.parentId === null) return null;
  const input = byId.get(metric.parentId);
  if (input?.role !== 'input') return null;
  return { metric, input, leverage: metric.leverage * input.leverage };
}

/** A name short enough for a badge: whitespace collapsed, cut with an ellipsis past `max` characters. */
export function shortName(metric: Pick<Metric, 'name'>, max = 18): string {
  const name = metric.name.trim().replace(/\s+/g, ' ');
  // Characters, not UTF-16 units, so an emoji is never cut in half.
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const limit = Math.max(1, Math.floor(max));
  return `${chars
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}
