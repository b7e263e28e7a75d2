/**
 * The metric tree as a person reads it: the North Star on top, its 3-5 input metrics
 * below with the team metrics under each, then the output and health metrics. Checks
 * about one metric sit beside it; checks about the whole tree sit beside the tree.
 */
import { signal } from '@preact/signals';
import { childrenOf } from '../../lib/domain/tree';
import type { Metric, MetricRole } from '../../lib/domain/types';
import { request } from '../../lib/messaging/client';
import { findingsByMetric, inputMetrics, treeMetrics, treeNsm, tree } from '../../lib/state/workspace/tree';
import { FindingNote } from '../common/FindingNote';
import { MetricCard, toggleCard } from './MetricCard';
import { ShareSettings, ShareStatusLine } from './ShareSettings';
import { TreeSettings } from './TreeSettings';

const actionError = signal<string | null>(null);
const confirmingDelete = signal<string | null>(null);

async function act(work: () => Promise<unknown>): Promise<void> {
  try {
    actionError.value = null;
    await work();
  } catch (e) {
    actionError.value = e instanceof Error ? e.message : String(e);
  }
}

const NEW_NAMES: Record<MetricRole, string> = {
  nsm: 'North Star',
  input: 'New input metric',
  team: 'New team metric',
  output: 'New output metric',
  health: 'New health metric',
};

async function addMetric(role: MetricRole, parent: Metric | null): Promise<void> {
  const current = tree.value;
  if (!current) return;
  await act(async () => {
    const created = await request({
      type: 'metric.create',
      treeId: current.id,
      role,
      name: NEW_NAMES[role],
      fields: { parentId: parent?.id ?? null, period: role === 'input' ? (parent?.period ?? null) : null },
    });
    toggleCard(created.id, true);
    requestAnimationFrame(() => {
      const field = document.getElementById(`metric-${created.id}-name`) as HTMLInputElement | null;
      field?.focus();
      field?.select();
    });
  });
}

function DeleteButton({ metric }: { metric: Metric }) {
  if (confirmingDelete.value === metric.id) {
    return (
      <span class="confirm-inline" role="group" aria-label={`Delete ${metric.name}?`}>
        <span class="small">Delete “{metric.name}”? Items tagged with it become unlinked.</span>
        <button
          type="button"
          class="btn danger solid small"
          onClick={() => void act(() => request({ type: 'metric.delete', id: metric.id }))}
        >
          Delete
        </button>
        <button type="button" class="btn small" onClick={() => (confirmingDelete.value = null)}>
          Keep
        </button>
      </span>
    );
  }
  return (
    <button type="button" class="btn danger small" onClick={() => (confirmingDelete.value = metric.id)}>
      Delete metric
    </button>
  );
}

function InputBranch({ input }: { input: Metric }) {
  const teams = childrenOf(treeMetrics.value, input.id).filter((m) => m.role === 'team');
  return (
    <li class="branch">
      <MetricCard metric={input} actions={<DeleteButton metric={input} />} />
      {teams.length ? (
        <ul class="team-list" aria-label={`Team metrics under ${input.name}`}>
          {teams.map((t) => (
            <li key={t.id}>
              <MetricCard metric={t} actions={<DeleteButton metric={t} />} />
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" class="btn quiet small add-team" onClick={() => void addMetric('team', input)}>
        + Team metric<span class="visually-hidden"> under {input.name}</span>
      </button>
    </li>
  );
}

export function TreeView() {
  const north = treeNsm.value;
  const inputs = inputMetrics.value;
  const others = treeMetrics.value.filter((m) => m.role === 'output' || m.role === 'health');
  const extraNsms = treeMetrics.value.filter((m) => m.role === 'nsm' && m !== north);
  const treeFindings = findingsByMetric.value.get(null) ?? [];
  return (
    <div class="tree-layout">
      <section class="tree-canvas" aria-labelledby="tree-heading">
        <div class="section-head">
          <h2 id="tree-heading">Metric tree</h2>
          <TreeSettings />
          <ShareStatusLine />
          <ShareSettings />
        </div>
        {actionError.value ? (
          <p class="notice error" role="alert">
            {actionError.value}
          </p>
        ) : null}
        {north ? (
          <div class="nsm-level">
            <MetricCard metric={north} />
          </div>
        ) : extraNsms.length === 0 ? (
          <div class="empty card">
            <p>This tree has no North Star yet.</p>
            <button type="button" class="btn primary" onClick={() => void addMetric('nsm', null)}>
              Add the North Star
            </button>
          </div>
        ) : null}
        {extraNsms.map((m) => (
          <div class="nsm-level" key={m.id}>
            <MetricCard metric={m} actions={<DeleteButton metric={m} />} />
          </div>
        ))}
        <div class="level-head">
          <h3>
            Input metrics <span class="muted">({inputs.length} of 3–5)</span>
          </h3>
          <button type="button" class="btn small" onClick={() => void addMetric('input', north)}>
            + Input metric
          </button>
        </div>
        <ul class="input-grid">
          {inputs.map((input) => (
            <InputBranch key={input.id} input={input} />
          ))}
        </ul>
        <div class="level-head">
          <h3>Output and health metrics</h3>
          <span class="level-actions">
            <button type="button" class="btn small" onClick={() => void addMetric('output', north)}>
              + Output metric
            </button>
            <button type="button" class="btn small" onClick={() => void addMetric('health', north)}>
              + Health metric
            </button>
          </span>
        </div>
        <p class="muted small level-hint">
          Outputs (revenue, churn) are results the North Star should lead. Health metrics must not get worse while you
          push it.
        </p>
        {others.length ? (
          <ul class="other-grid">
            {others.map((m) => (
              <li key={m.id}>
                <MetricCard metric={m} actions={<DeleteButton metric={m} />} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <aside class="tree-checks" aria-labelledby="checks-heading">
        <h2 id="checks-heading">Framework checks</h2>
        <p class="muted small">
          {treeFindings.length === 0
            ? 'The tree as a whole follows the North Star framework.'
            : 'About the tree as a whole. Checks about one metric appear beside it.'}
        </p>
        <div class="check-list">
          {treeFindings.map((f) => (
            <FindingNote key={f.id + f.message} finding={f} />
          ))}
        </div>
      </aside>
    </div>
  );
}
