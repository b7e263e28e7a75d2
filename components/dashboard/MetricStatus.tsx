/**
 * A metric's values on the tree: its status against its target (a word and a symbol as
 * well as a colour, so the status never rests on colour alone), the change against the
 * previous period and the target. Read from `metricStatusById`.
 */
import { formatChange, formatValue } from '../../lib/domain/format';
import type { RagStatus } from '../../lib/domain/metric-status';
import type { Metric } from '../../lib/domain/types';
import { metricStatusById } from '../../lib/state/workspace/loop';

export const RAG_LABELS: Record<RagStatus, string> = { green: 'On target', amber: 'Near target', red: 'Off target' };
const RAG_SYMBOLS: Record<RagStatus, string> = { green: '✓', amber: '!', red: '✕' };

export function StatusBadge({ status }: { status: RagStatus | null }) {
  if (!status) return null;
  return (
    <span class={`rag rag-${status}`}>
      <span aria-hidden="true" class="rag-symbol">
        {RAG_SYMBOLS[status]}
      </span>
      {RAG_LABELS[status]}
    </span>
  );
}

/** "▲ +1,200 (+3%) vs 2025-W47", or why there is no change to show. */
export function changeText(metric: Metric): string | null {
  const s = metricStatusById.value.get(metric.id);
  if (!s?.latest) return null;
  if (s.change === null || !s.previous) return s.changeNote;
  const arrow = s.change > 0 ? '▲' : s.change < 0 ? '▼' : '=';
  return `${arrow} ${formatChange(s.change, s.changeFraction, metric.unit)} vs ${s.previous.key}`;
}

export function MetricStatusLine({ metric }: { metric: Metric }) {
  const s = metricStatusById.value.get(metric.id);
  if (!s) return null;
  const change = changeText(metric);
  return (
    <p class="metric-status small" data-status={s.status ?? 'none'}>
      <StatusBadge status={s.status} />
      {s.latest ? <span class="metric-change">{change}</span> : null}
      <span class="metric-target muted">
        {s.target === null ? 'No target set' : `Target ${formatValue(s.target, metric.unit)}`}
      </span>
    </p>
  );
}
