/** A metric's recorded values on its card: the latest, how many, and the recent trend. */
import { formatNumber } from '../../lib/domain/format';
import type { Metric } from '../../lib/domain/types';
import { valueSummaries } from '../../lib/state/workspace/tree';
import { Sparkline } from '../common/Sparkline';
import { ValueFileInput, ValueImportStatus } from './ValueImport';

export function MetricValues({ metric }: { metric: Metric }) {
  const summary = valueSummaries.value.get(metric.id);
  const latest = summary?.recent.at(-1);
  if (!summary || !latest) return null;
  const recent = summary.recent;
  return (
    <p class="metric-values small">
      <span class="metric-latest">
        {formatNumber(latest.value)}
        {metric.unit ? ` ${metric.unit}` : ''} on {latest.at}
      </span>{' '}
      <span class="muted metric-count">
        · {summary.count} {summary.count === 1 ? 'value' : 'values'}
      </span>
      {recent.length >= 2 ? (
        <Sparkline
          values={recent.map((o) => o.value)}
          target={metric.target}
          width={96}
          height={24}
          label={`${metric.name}, last ${recent.length} values: ${recent.map((o) => formatNumber(o.value)).join(', ')}`}
        />
      ) : null}
    </p>
  );
}

/** In the card's editor: values from a file, for this metric. */
export function MetricValueImport({ metric }: { metric: Metric }) {
  return (
    <div class="metric-value-import">
      <ValueFileInput origin={metric.id} label={`Import values of ${metric.name || 'this metric'} (CSV)`} />
      <ValueImportStatus origin={metric.id} />
    </div>
  );
}
