/**
 * Experiments: create one (a hypothesis on an input metric, optionally the item it
 * tests), record when it ended and its results, delete it. A refused field keeps what was
 * typed, with the reason beside it; nothing is stored until every field is possible.
 */
import { signal } from '@preact/signals';
import { EXPERIMENT_RESULTS, type Experiment, type ExperimentResult } from '../../lib/domain/loop-types';
import { shortDate } from '../../lib/domain/period';
import { RequestError, request } from '../../lib/messaging/client';
import { experiments, today } from '../../lib/state/workspace/loop';
import { items, tree, treeMetrics } from '../../lib/state/workspace/tree';

const RESULT_TEXT: Record<ExperimentResult, string> = { yes: 'yes', no: 'no', unclear: 'unclear' };

const draft = signal({ title: '', hypothesis: '', inputMetricId: '', itemId: '', startedAt: '' });
const createErrors = signal<Record<string, string>>({});
/** Per experiment: what is typed in its end date, and the last refusal. */
const endDrafts = signal<Record<string, string>>({});
const rowErrors = signal<Record<string, string>>({});

function fieldOf(failure: unknown): [string, string] {
  const message = failure instanceof Error ? failure.message : String(failure);
  const path = failure instanceof RequestError && failure.path ? failure.path : 'form';
  return [path.replace(/^(fields|patch)\./, ''), message];
}

async function create(event: Event): Promise<void> {
  event.preventDefault();
  const treeId = tree.value?.id;
  const d = draft.value;
  if (!treeId) return;
  if (d.inputMetricId === '') {
    createErrors.value = { inputMetricId: 'Choose the input metric the experiment should move' };
    return;
  }
  try {
    await request({
      type: 'experiment.create',
      treeId,
      title: d.title,
      hypothesis: d.hypothesis,
      inputMetricId: d.inputMetricId,
      startedAt: d.startedAt || today.value,
      fields: { itemId: d.itemId || null },
    });
    draft.value = { ...d, title: '', hypothesis: '', itemId: '', startedAt: '' };
    createErrors.value = {};
  } catch (failure) {
    const [field, message] = fieldOf(failure);
    createErrors.value = { [field]: message };
  }
}

async function update(e: Experiment, patch: Partial<Experiment>): Promise<void> {
  try {
    await request({ type: 'experiment.update', id: e.id, patch });
    rowErrors.value = { ...rowErrors.value, [e.id]: '' };
  } catch (failure) {
    rowErrors.value = { ...rowErrors.value, [e.id]: fieldOf(failure)[1] };
  }
}

function Field(props: { id: string; label: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function NewExperiment() {
  const d = draft.value;
  const errors = createErrors.value;
  const set = (field: keyof typeof d) => (e: { currentTarget: { value: string } }) => {
    draft.value = { ...draft.value, [field]: e.currentTarget.value };
  };
  const inputs = treeMetrics.value.filter((m) => m.role === 'input');
  return (
    <form class="experiment-form" onSubmit={(e) => void create(e)} aria-label="New experiment">
      <Field id="exp-title" label="Experiment" error={errors.title}>
        <input id="exp-title" value={d.title} onInput={set('title')} placeholder="Show prices with fees" />
      </Field>
      <Field id="exp-hypothesis" label="Hypothesis" error={errors.hypothesis}>
        <input
          id="exp-hypothesis"
          value={d.hypothesis}
          onInput={set('hypothesis')}
          placeholder="Moves search-to-book conversion by +2 pts"
        />
      </Field>
      <Field id="exp-metric" label="Input metric" error={errors.inputMetricId}>
        <select id="exp-metric" value={d.inputMetricId} onChange={set('inputMetricId')}>
          <option value="">Choose…</option>
          {inputs.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="exp-item" label="Item it tests (optional)" error={errors.itemId}>
        <select id="exp-item" value={d.itemId} onChange={set('itemId')}>
          <option value="">None</option>
          {items.value.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id="exp-start" label="Started (YYYY-MM-DD)" error={errors.startedAt}>
        <input id="exp-start" value={d.startedAt} onInput={set('startedAt')} placeholder={today.value} />
      </Field>
      <div class="actions">
        <button type="submit" class="btn primary">
          Add experiment
        </button>
        {errors.form ? <span class="field-error">{errors.form}</span> : null}
      </div>
    </form>
  );
}

function ResultSelect(props: { e: Experiment; field: 'movedInput' | 'movedNsm'; label: string }) {
  const id = `${props.field}-${props.e.id}`;
  return (
    <span class="result-field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.e[props.field] ?? ''}
        onChange={(ev) => {
          const value = ev.currentTarget.value;
          void update(props.e, { [props.field]: value === '' ? null : (value as ExperimentResult) });
        }}
      >
        <option value="">not yet</option>
        {EXPERIMENT_RESULTS.map((r) => (
          <option key={r} value={r}>
            {RESULT_TEXT[r]}
          </option>
        ))}
      </select>
    </span>
  );
}

function ExperimentRow({ e }: { e: Experiment }) {
  const metric = treeMetrics.value.find((m) => m.id === e.inputMetricId);
  const endId = `ended-${e.id}`;
  const typed = endDrafts.value[e.id];
  return (
    <li class="experiment">
      <div class="experiment-head">
        <strong>{e.title}</strong>
        <span class="muted small">
          {metric?.name ?? 'metric'} · started {shortDate(e.startedAt, true)}
          {e.endedAt ? ` · ended ${shortDate(e.endedAt, true)}` : ' · running'}
        </span>
      </div>
      {e.hypothesis ? <p class="hypothesis">Hypothesis: {e.hypothesis}</p> : null}
      <div class="experiment-fields">
        <span class="result-field">
          <label for={endId}>Ended</label>
          <input
            id={endId}
            size={10}
            value={typed ?? e.endedAt ?? ''}
            placeholder="YYYY-MM-DD"
            onInput={(ev) => (endDrafts.value = { ...endDrafts.value, [e.id]: ev.currentTarget.value })}
            onChange={(ev) => void update(e, { endedAt: ev.currentTarget.value.trim() || null })}
          />
        </span>
        <ResultSelect e={e} field="movedInput" label="Moved the input" />
        <ResultSelect e={e} field="movedNsm" label="Moved the North Star" />
        <button
          type="button"
          class="btn small danger"
          onClick={() => void request({ type: 'experiment.delete', id: e.id })}
        >
          Delete
        </button>
      </div>
      {rowErrors.value[e.id] ? <p class="field-error">{rowErrors.value[e.id]}</p> : null}
    </li>
  );
}

export function ExperimentList() {
  return (
    <section class="card data-card" aria-labelledby="experiments-heading">
      <h3 id="experiments-heading">Experiments</h3>
      <NewExperiment />
      {experiments.value.length === 0 ? (
        <p class="muted">No experiment yet.</p>
      ) : (
        <ul class="experiment-list">
          {experiments.value.map((e) => (
            <ExperimentRow key={e.id} e={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
