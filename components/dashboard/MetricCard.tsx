/**
 * One metric of the tree: what it is at a glance, the framework checks that concern it
 * beside it, and its fields when opened. Fields save as the user types; the checks
 * re-run on the typed text, so fixing a cause clears its finding at once.
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { metricFieldText, type MetricTextField } from '../../lib/domain/metric-text';
import { NSM_CATEGORIES, PERIODS, type Metric } from '../../lib/domain/types';
import { request } from '../../lib/messaging/client';
import { metricStatusById } from '../../lib/state/workspace/loop';
import { findingsByMetric, metricEdits } from '../../lib/state/workspace/tree';
import { SelectField, TextField } from '../common/Field';
import { FindingNote } from '../common/FindingNote';
import { CATEGORY_LABELS, PERIOD_LABELS, ROLE_LABELS } from '../common/labels';
import { MetricStatusLine } from './MetricStatus';
import { MetricValueImport, MetricValues } from './MetricValues';
import { metricHref } from './route';

/** Cards the user opened; a new metric opens itself so its name can be typed at once. */
export const openCards = signal<ReadonlySet<string>>(new Set());

export function toggleCard(id: string, open?: boolean): void {
  const next = new Set(openCards.value);
  if (open ?? !next.has(id)) next.add(id);
  else next.delete(id);
  openCards.value = next;
}

const FIELD_HINTS: Partial<Record<MetricTextField, string>> = {
  leverage: 'How strongly it moves the North Star: 1 is normal, 2 twice as much',
  sourceUrls: 'Charts or dashboards that show it, one address per line',
  ownerTeam: 'The team accountable for moving it',
};
const FIELD_LABELS: Record<MetricTextField, string> = {
  name: 'Name',
  definition: 'Definition',
  unit: 'Unit',
  ownerTeam: 'Owner team',
  leverage: 'Leverage on the North Star',
  target: 'Target',
  sourceUrls: 'Source URLs',
};

const FIELDS_BY_ROLE: Record<Metric['role'], MetricTextField[]> = {
  nsm: ['name', 'definition', 'unit', 'target', 'sourceUrls'],
  input: ['name', 'ownerTeam', 'leverage', 'definition', 'target', 'sourceUrls'],
  team: ['name', 'ownerTeam', 'leverage', 'definition', 'target'],
  output: ['name', 'definition', 'unit', 'sourceUrls'],
  health: ['name', 'definition', 'unit', 'sourceUrls'],
};

function MetricTextInput({ metric, field }: { metric: Metric; field: MetricTextField }) {
  const id = `metric-${metric.id}-${field}`;
  return (
    <TextField
      id={id}
      class={`f-${field}`}
      label={FIELD_LABELS[field]}
      hint={FIELD_HINTS[field]}
      error={metricEdits.errorOf(metric.id, field)}
      value={metricEdits.draftOf(metric.id, field) ?? metricFieldText(metric, field)}
      multiline={field === 'definition' || field === 'sourceUrls'}
      inputMode={field === 'leverage' || field === 'target' ? 'decimal' : undefined}
      onInput={(text) => metricEdits.edit(metric.id, field, text)}
      onCommit={() => void metricEdits.flush(metric.id)}
    />
  );
}

const failure = signal<string | null>(null);

async function saveChoice(
  metric: Metric,
  patch: { period?: Metric['period']; category?: Metric['category'] },
): Promise<void> {
  try {
    failure.value = null;
    await request({ type: 'metric.update', id: metric.id, patch });
  } catch (e) {
    failure.value = e instanceof Error ? e.message : String(e);
  }
}

export function MetricFields({ metric }: { metric: Metric }) {
  return (
    <div class="metric-fields">
      {FIELDS_BY_ROLE[metric.role].map((field) => (
        <MetricTextInput key={field} metric={metric} field={field} />
      ))}
      {metric.role === 'nsm' || metric.role === 'input' ? (
        <SelectField
          id={`metric-${metric.id}-period`}
          label="Period"
          hint={metric.role === 'nsm' ? 'A North Star is counted per period' : undefined}
          value={metric.period ?? ''}
          options={[
            { value: '', label: 'Not time-bound' },
            ...PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] })),
          ]}
          onChange={(value) => void saveChoice(metric, { period: (value || null) as Metric['period'] })}
        />
      ) : null}
      {metric.role === 'nsm' ? (
        <SelectField
          id={`metric-${metric.id}-category`}
          label="Category"
          value={metric.category ?? ''}
          options={[
            { value: '', label: 'Not chosen' },
            ...NSM_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
          ]}
          onChange={(value) => void saveChoice(metric, { category: (value || null) as Metric['category'] })}
        />
      ) : null}
      {failure.value ? <p class="field-error">{failure.value}</p> : null}
    </div>
  );
}

interface CardProps {
  metric: Metric;
  actions?: ComponentChildren;
}

export function MetricCard({ metric, actions }: CardProps) {
  const open = openCards.value.has(metric.id);
  const status = metricStatusById.value.get(metric.id)?.status;
  const found = findingsByMetric.value.get(metric.id) ?? [];
  const facts = [
    metric.ownerTeam
      ? `Owned by ${metric.ownerTeam}`
      : metric.role === 'input' || metric.role === 'team'
        ? 'No owner yet'
        : null,
    metric.period ? PERIOD_LABELS[metric.period] : null,
    metric.role === 'input' || metric.role === 'team' ? `leverage ×${metric.leverage}` : null,
    metric.category ? CATEGORY_LABELS[metric.category] : null,
  ].filter(Boolean);
  return (
    <article
      class={[`metric-card role-${metric.role}`, found.length ? 'has-findings' : '', status ? `rag-card-${status}` : '']
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={`metric-${metric.id}-title`}
      data-metric-id={metric.id}
    >
      <div class="metric-main">
        <header class="metric-head">
          <span class={`role-tag role-${metric.role}`}>{ROLE_LABELS[metric.role]}</span>
          <h3 id={`metric-${metric.id}-title`} class="metric-name">
            <a href={metricHref(metric.id)}>{metric.name || 'Unnamed metric'}</a>
          </h3>
          <button
            type="button"
            class="btn quiet small"
            aria-expanded={open}
            aria-controls={`metric-${metric.id}-editor`}
            onClick={() => toggleCard(metric.id)}
          >
            {open ? 'Done' : 'Edit'}
            <span class="visually-hidden"> {metric.name}</span>
          </button>
        </header>
        {facts.length ? <p class="metric-facts muted small">{facts.join(' · ')}</p> : null}
        <MetricValues metric={metric} />
        <MetricStatusLine metric={metric} />
        {!open && metric.definition ? <p class="metric-definition small">{metric.definition}</p> : null}
      </div>
      {found.length ? (
        <aside class="metric-findings" aria-label={`Framework checks for ${metric.name}`}>
          {found.map((f) => (
            <FindingNote key={f.id + f.message} finding={f} />
          ))}
        </aside>
      ) : null}
      {open ? (
        <div id={`metric-${metric.id}-editor`} class="metric-editor">
          <MetricFields metric={metric} />
          <MetricValueImport metric={metric} />
          <div class="metric-editor-actions">{actions}</div>
        </div>
      ) : null}
    </article>
  );
}
