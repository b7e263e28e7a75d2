/** The expanded panel on a chart or dashboard: which metric it measures, its recent values, recording a new one. */
import { useSignal } from '@preact/signals';
import { formatNumber } from '../../lib/domain/format';
import { parseNumberText } from '../../lib/domain/number-text';
import { chartMetric, chartObservations, pageMetrics } from '../../lib/state/page/page';
import { linkChartToMetric, recordValue } from '../../lib/state/page/page-actions';
import { pageSelection } from '../../lib/state/page/selection';
import { ROLE_LABELS } from '../common/labels';
import { MetricPicker } from './MetricPicker';
import { PinnedNumber } from './PinnedNumber';
import { Sparkline } from '../common/Sparkline';

export function AnalyticsPanel() {
  const metric = chartMetric.value;
  if (!metric) {
    return (
      <div class="analytics">
        <p>This chart is not linked to a metric of your tree yet.</p>
        <MetricPicker
          id="nsl-chart-metric"
          label="It measures"
          metrics={pageMetrics.value}
          selectedId={null}
          describe={(m) => ROLE_LABELS[m.role]}
          onPick={(id) => id && void linkChartToMetric(id)}
        />
      </div>
    );
  }
  const observations = chartObservations.value;
  const latest = observations[observations.length - 1];
  return (
    <div class="analytics">
      <p class="path-line" data-testid="chart-metric">
        Measures{' '}
        <span class={`chip${metric.role === 'nsm' ? ' chip-nsm' : ''}`}>
          {metric.role === 'nsm' && '★ '}
          {metric.name}
        </span>
        <span class="muted">{ROLE_LABELS[metric.role]}</span>
      </p>
      <div class="latest">
        <span class="score-value">{latest ? formatNumber(latest.value) : '—'}</span>
        <span class="score-label">
          {latest ? `latest, ${latest.at}` : 'no value yet'}
          {metric.target !== null && ` · target ${formatNumber(metric.target)}`}
        </span>
      </div>
      {observations.length === 0 ? (
        <p class="muted">No values recorded yet.</p>
      ) : (
        <Sparkline
          values={observations.slice(-24).map((o) => o.value)}
          target={metric.target}
          width={280}
          height={56}
          label={`Recent values of ${metric.name}`}
        />
      )}
      <PinnedNumber />
      <RecordValue />
    </div>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function RecordValue() {
  const valueText = useSignal('');
  const date = useSignal(today());
  const problem = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const selected = pageSelection.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    done.value = null;
    const value = parseNumberText(valueText.value);
    if (value === null) {
      problem.value = 'Type the value as a number, e.g. 1,234 or 12.5k';
      return;
    }
    try {
      await recordValue(value, date.value, '');
      problem.value = null;
      done.value = `Recorded ${formatNumber(value)} for ${date.value}`;
      valueText.value = '';
    } catch (failure) {
      problem.value = failure instanceof Error ? failure.message : String(failure);
    }
  };

  return (
    <form class="record" onSubmit={submit} aria-label="Record a value">
      <div class="record-row">
        <div class="stack">
          <label for="nsl-value">Value</label>
          <input
            id="nsl-value"
            inputMode="decimal"
            autoComplete="off"
            value={valueText.value}
            aria-invalid={Boolean(problem.value)}
            onInput={(e) => (valueText.value = e.currentTarget.value)}
          />
        </div>
        <div class="stack">
          <label for="nsl-date">Date</label>
          <input id="nsl-date" type="date" value={date.value} onInput={(e) => (date.value = e.currentTarget.value)} />
        </div>
      </div>
      <div class="record-actions">
        {selected !== null && (
          <button type="button" onClick={() => (valueText.value = String(selected))}>
            Use selection ({formatNumber(selected)})
          </button>
        )}
        <button type="submit" class="primary">
          Record
        </button>
      </div>
      {problem.value && (
        <p class="field-error" role="alert">
          {problem.value}
        </p>
      )}
      {done.value && (
        <p class="muted" role="status">
          {done.value}
        </p>
      )}
    </form>
  );
}
