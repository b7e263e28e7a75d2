/**
 * The guided start: pick one of the framework's well-known North Stars (or start blank),
 * then name the input metrics and their owners while the framework checks coach.
 */
import { ShareSettings } from './ShareSettings';
import { signal } from '@preact/signals';
import { TEMPLATES, type TreeTemplate } from '../../lib/domain/templates';
import { request } from '../../lib/messaging/client';
import { createTreeFrom, onboardingStep } from '../../lib/state/workspace/onboarding';
import { findings, inputMetrics, metricEdits, treeNsm, tree, trees } from '../../lib/state/workspace/tree';
import { metricFieldText } from '../../lib/domain/metric-text';
import type { Metric } from '../../lib/domain/types';
import { FindingNote } from '../common/FindingNote';
import { TextField } from '../common/Field';
import { CATEGORY_LABELS, PERIOD_LABELS } from '../common/labels';

const chosen = signal<string>(TEMPLATES[0]!.id);
const treeName = signal('');
const busy = signal(false);
const error = signal<string | null>(null);

function templateOf(id: string): TreeTemplate | null {
  return TEMPLATES.find((t) => t.id === id) ?? null;
}

async function start(event: Event): Promise<void> {
  event.preventDefault();
  const template = templateOf(chosen.value);
  busy.value = true;
  error.value = null;
  try {
    // The guided start stays open while the tree is created, then moves on to naming.
    onboardingStep.value = 'pick';
    await createTreeFrom(template, treeName.value.trim() || (template ? template.nsm.name : 'My product'));
    onboardingStep.value = 'name';
    treeName.value = '';
  } catch (e) {
    error.value = e instanceof Error ? e.message : String(e);
  } finally {
    busy.value = false;
  }
}

function TemplateChoice({ id, title, detail, meta }: { id: string; title: string; detail: string; meta?: string }) {
  const selected = chosen.value === id;
  return (
    <label class={`template-card${selected ? ' selected' : ''}`}>
      <input type="radio" name="template" value={id} checked={selected} onChange={() => (chosen.value = id)} />
      <span class="template-title">{title}</span>
      <span class="template-detail">{detail}</span>
      {meta ? <span class="template-meta">{meta}</span> : null}
    </label>
  );
}

function PickStep() {
  const hasTrees = trees.value.length > 0;
  return (
    <form class="onboarding card" onSubmit={(e) => void start(e)} aria-labelledby="onboarding-heading">
      <p class="eyebrow">{hasTrees ? 'New tree' : 'Welcome to North Star Lens'}</p>
      <h1 id="onboarding-heading">Start from a North Star that works</h1>
      <p class="lead muted">
        Pick the example closest to your product, then make it yours. Each comes with a North Star, its category and
        game, and input metrics owned by teams.
      </p>
      <fieldset class="template-grid">
        <legend class="visually-hidden">Starting point</legend>
        {TEMPLATES.map((t) => (
          <TemplateChoice
            key={t.id}
            id={t.id}
            title={t.nsm.name}
            detail={t.productKind}
            meta={`${CATEGORY_LABELS[t.nsm.category]} · ${t.game} game · ${t.inputs.length} inputs`}
          />
        ))}
        <TemplateChoice id="blank" title="Start blank" detail="Name your own North Star and inputs" />
      </fieldset>
      <div class="onboarding-foot">
        <div class="field">
          <label for="onboarding-tree-name">Name this tree</label>
          <input
            id="onboarding-tree-name"
            type="text"
            placeholder={templateOf(chosen.value)?.nsm.name ?? 'My product'}
            value={treeName.value}
            onInput={(e) => (treeName.value = e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn primary" disabled={busy.value}>
          {busy.value ? 'Creating…' : 'Create the tree'}
        </button>
        {hasTrees ? (
          <button type="button" class="btn quiet" onClick={() => (onboardingStep.value = null)}>
            Cancel
          </button>
        ) : null}
      </div>
      {error.value ? (
        <p class="notice error" role="alert">
          {error.value}
        </p>
      ) : null}
    </form>
  );
}

function NameField({ metric, field, label }: { metric: Metric; field: 'name' | 'ownerTeam'; label: string }) {
  return (
    <TextField
      id={`onboarding-${metric.id}-${field}`}
      label={label}
      error={metricEdits.errorOf(metric.id, field)}
      value={metricEdits.draftOf(metric.id, field) ?? metricFieldText(metric, field)}
      onInput={(text) => metricEdits.edit(metric.id, field, text)}
      onCommit={() => void metricEdits.flush(metric.id)}
    />
  );
}

async function addInput(): Promise<void> {
  const current = tree.value;
  const north = treeNsm.value;
  if (!current) return;
  const created = await request({
    type: 'metric.create',
    treeId: current.id,
    role: 'input',
    name: '',
    fields: { parentId: north?.id ?? null, period: north?.period ?? null },
  });
  requestAnimationFrame(() => document.getElementById(`onboarding-${created.id}-name`)?.focus());
}

function NameStep() {
  const north = treeNsm.value;
  const inputs = inputMetrics.value;
  return (
    <section class="onboarding card" aria-labelledby="name-heading">
      <p class="eyebrow">Step 2 of 2</p>
      <h1 id="name-heading">Name your input metrics and who owns them</h1>
      <p class="lead muted">
        Three to five input metrics, each owned by a team, and at least three teams in all. The checks on the right
        update as you type.
      </p>
      <div class="onboarding-columns">
        <div class="onboarding-fields">
          {north ? (
            <fieldset class="nsm-fieldset">
              <legend>
                North Star {north.period ? <span class="muted">({PERIOD_LABELS[north.period]})</span> : null}
              </legend>
              <NameField metric={north} field="name" label="North Star metric" />
            </fieldset>
          ) : null}
          <fieldset>
            <legend>Input metrics</legend>
            <ol class="onboarding-inputs">
              {inputs.map((m, i) => (
                <li key={m.id} class="onboarding-input">
                  <NameField metric={m} field="name" label={`Input metric ${i + 1}`} />
                  <NameField metric={m} field="ownerTeam" label="Owner team" />
                </li>
              ))}
            </ol>
            <button type="button" class="btn small" onClick={() => void addInput()} disabled={inputs.length >= 5}>
              + Add an input metric
            </button>
          </fieldset>
        </div>
        <aside class="onboarding-checks" aria-labelledby="coach-heading" aria-live="polite">
          <h2 id="coach-heading">Framework checks</h2>
          {findings.value.filter((f) => f.id !== 'validation-overdue' && f.id !== 'no-health-metric').length === 0 ? (
            <p class="notice ok">This tree follows the framework. You can refine it any time.</p>
          ) : null}
          {findings.value.map((f) => (
            <FindingNote key={f.id + f.message} finding={f} />
          ))}
        </aside>
      </div>
      <div class="onboarding-foot">
        <button type="button" class="btn primary" onClick={() => (onboardingStep.value = null)}>
          Open the dashboard
        </button>
      </div>
    </section>
  );
}

export function FirstRun() {
  const step = onboardingStep.value === 'name' && tree.value ? 'name' : 'pick';
  return (
    <main class="onboarding-page">
      {step === 'name' ? (
        <NameStep />
      ) : (
        <>
          <PickStep />
          <section class="onboarding card" aria-label="Join a tree your team shares">
            <ShareSettings />
          </section>
        </>
      )}
    </main>
  );
}
