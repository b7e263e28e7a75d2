/**
 * The metric page's target and thresholds: the target (stored on the metric), which way
 * is better and the amber band (stored as the metric's thresholds). Typed numbers are
 * checked as they are typed; an impossible one stays in its field with the reason and
 * nothing is stored until it is fixed.
 */
import { signal } from '@preact/signals';
import { metricFieldText } from '../../lib/domain/metric-text';
import { amberWithinText, thresholdSentence } from '../../lib/domain/threshold-text';
import type { Direction } from '../../lib/domain/loop-types';
import type { Metric } from '../../lib/domain/types';
import { clearThresholds, setDirection, shownThresholds, thresholdEdits } from '../../lib/state/workspace/metric-page';
import { metricEdits } from '../../lib/state/workspace/tree';
import { SelectField, TextField } from '../common/Field';

const failure = signal<string | null>(null);

async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    failure.value = null;
    await work();
  } catch (e) {
    failure.value = e instanceof Error ? e.message : String(e);
  }
}

export function MetricThresholds({ metric }: { metric: Metric }) {
  const shown = shownThresholds.value;
  if (!shown) return null;
  const { rule, own } = shown;
  const saveFailure = thresholdEdits.failures.value.get(metric.id) ?? failure.value;
  return (
    <section class="card metric-thresholds" aria-labelledby="thresholds-heading">
      <h3 id="thresholds-heading">Target and thresholds</h3>
      <div class="threshold-fields">
        <TextField
          id="metric-page-target"
          label="Target"
          hint={metric.unit ? `In ${metric.unit}; empty for no target` : 'Empty for no target'}
          error={metricEdits.errorOf(metric.id, 'target')}
          value={metricEdits.draftOf(metric.id, 'target') ?? metricFieldText(metric, 'target')}
          inputMode="decimal"
          onInput={(text) => metricEdits.edit(metric.id, 'target', text)}
          onCommit={() => void metricEdits.flush(metric.id)}
        />
        <SelectField
          id="metric-page-direction"
          label="Better when it goes"
          value={rule.direction}
          options={[
            { value: 'up', label: 'Up (green at or above the target)' },
            { value: 'down', label: 'Down (green at or below the target)' },
          ]}
          onChange={(value) => void attempt(() => setDirection(metric.id, value as Direction))}
        />
        <TextField
          id="metric-page-amber"
          label="Amber band (% of the target)"
          hint="Amber while this close to the target, red beyond it"
          error={thresholdEdits.errorOf(metric.id, 'amberWithin')}
          value={thresholdEdits.draftOf(metric.id, 'amberWithin') ?? amberWithinText(rule.amberWithin)}
          inputMode="decimal"
          onInput={(text) => thresholdEdits.edit(metric.id, 'amberWithin', text)}
          onCommit={() => void thresholdEdits.flush(metric.id)}
        />
      </div>
      <p class="small threshold-rule">
        {thresholdSentence(metric.target, rule)}
        {own ? '' : ' (The default rule: set your own above.)'}
      </p>
      {own ? (
        <button type="button" class="btn quiet small" onClick={() => void attempt(() => clearThresholds(metric.id))}>
          Back to the default rule
        </button>
      ) : null}
      {saveFailure ? (
        <p class="notice error" role="alert">
          {saveFailure}
        </p>
      ) : null}
    </section>
  );
}
