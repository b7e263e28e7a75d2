/** Records a metric's value by hand, for values not read from an analytics page. */
import { signal } from '@preact/signals';
import { parseNumberText } from '../../lib/domain/number-text';
import { request } from '../../lib/messaging/client';
import { treeMetrics } from '../../lib/state/workspace/tree';
import { ROLE_LABELS } from '../common/labels';

const metricId = signal('');
const at = signal(new Date().toISOString().slice(0, 10));
const value = signal('');
const message = signal<{ ok: boolean; text: string } | null>(null);

async function add(event: Event): Promise<void> {
  event.preventDefault();
  const chosen = metricId.value || treeMetrics.value[0]?.id;
  const number = parseNumberText(value.value);
  if (!chosen) return;
  if (number === null) {
    message.value = { ok: false, text: 'Type the value as a number, e.g. 1,250 or 1.2k' };
    return;
  }
  try {
    await request({ type: 'observation.add', metricId: chosen, at: at.value, value: number });
    message.value = { ok: true, text: 'Value recorded.' };
    value.value = '';
  } catch (e) {
    message.value = { ok: false, text: e instanceof Error ? e.message : String(e) };
  }
}

export function ObservationForm() {
  if (treeMetrics.value.length === 0) return null;
  return (
    <section class="card data-card" aria-labelledby="obs-heading">
      <h3 id="obs-heading">Record a value</h3>
      <form class="obs-form" onSubmit={(e) => void add(e)}>
        <div class="field grow">
          <label for="obs-metric">Metric</label>
          <select
            id="obs-metric"
            value={metricId.value || treeMetrics.value[0]?.id}
            onChange={(e) => (metricId.value = e.currentTarget.value)}
          >
            {treeMetrics.value.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({ROLE_LABELS[m.role].toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="obs-date">Date</label>
          <input id="obs-date" type="date" value={at.value} onInput={(e) => (at.value = e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="obs-value">Value</label>
          <input
            id="obs-value"
            type="text"
            inputMode="decimal"
            value={value.value}
            onInput={(e) => (value.value = e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn">
          Record
        </button>
      </form>
      {message.value ? (
        <p class={`small ${message.value.ok ? 'ok-text' : 'field-error'}`}>{message.value.text}</p>
      ) : null}
    </section>
  );
}
