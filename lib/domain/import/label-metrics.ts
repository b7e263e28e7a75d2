/**
 * The default way an imported ticket finds its input metric: a label equal to the metric's
 * name or its badge name (shortName), ignoring case, or a label "nsm:<name>" that says so
 * on purpose. Spaces, "-" and "_" count as the same, since Jira labels cannot hold spaces.
 * Only input and team metrics can be tagged (see resolveInputLink in ../tree).
 */
import { shortName } from '../tree';
import type { Id, Metric } from '../types';

export type LabelMatch =
  | { kind: 'none' }
  | { kind: 'one'; metricId: Id; label: string }
  /** Labels point at different metrics: the person chooses, nothing is guessed. */
  | { kind: 'several'; metricIds: Id[] };

const PREFIX = /^nsm:\s*/i;

function normal(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

export function metricForLabels(labels: readonly string[], metrics: readonly Metric[]): LabelMatch {
  const taggable = metrics.filter((m) => m.role === 'input' || m.role === 'team');
  const byName = new Map<string, Id[]>();
  for (const metric of taggable) {
    for (const name of new Set([normal(metric.name), normal(shortName(metric))])) {
      byName.set(name, [...(byName.get(name) ?? []), metric.id]);
    }
  }
  const find = (wanted: readonly string[]) => {
    const found = new Map<Id, string>();
    for (const label of wanted)
      for (const id of byName.get(normal(label.replace(PREFIX, ''))) ?? []) found.set(id, label);
    return found;
  };
  // An explicit "nsm:" label wins over a label that merely shares a metric's name.
  const explicit = find(labels.filter((label) => PREFIX.test(label)));
  const found = explicit.size > 0 ? explicit : find(labels.filter((label) => !PREFIX.test(label)));
  if (found.size === 0) return { kind: 'none' };
  if (found.size > 1) return { kind: 'several', metricIds: [...found.keys()] };
  const [[metricId, label]] = [...found.entries()] as [[Id, string]];
  return { kind: 'one', metricId, label };
}
