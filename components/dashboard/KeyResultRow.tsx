/**
 * One key result: its metric, baseline -> latest -> target by the due date, the progress
 * computed from the metric's recorded values with its status, the lints that concern it,
 * and its fields when opened.
 */
import { signal } from '@preact/signals';
import { formatNumber } from '../../lib/domain/format';
import type { KeyResult } from '../../lib/domain/loop-types';
import { type OkrFinding, STATUS_LABELS } from '../../lib/domain/okr';
import { shortDate } from '../../lib/domain/period';
import { keyResultProgressById } from '../../lib/state/workspace/loop';
import { deleteKeyResult, keyResultEdits, type TypedKrField } from '../../lib/state/workspace/okrs';
import { treeMetrics } from '../../lib/state/workspace/tree';
import { TextField } from '../common/Field';

const openRows = signal<ReadonlySet<string>>(new Set());

function toggle(id: string): void {
  const next = new Set(openRows.value);
  if (!next.delete(id)) next.add(id);
  openRows.value = next;
}

const FIELD_LABELS: Record<TypedKrField, string> = { team: 'Team', baseline: 'Baseline', target: 'Target', due: 'Due' };

function KrField({ kr, field }: { kr: KeyResult; field: TypedKrField }) {
  const stored = field === 'baseline' || field === 'target' ? String(kr[field]) : kr[field];
  return (
    <TextField
      id={`kr-${kr.id}-${field}`}
      label={FIELD_LABELS[field]}
      hint={field === 'due' ? 'YYYY-MM-DD, within the quarter' : undefined}
      error={keyResultEdits.errorOf(kr.id, field)}
      value={keyResultEdits.draftOf(kr.id, field) ?? stored}
      inputMode={field === 'baseline' || field === 'target' ? 'decimal' : undefined}
      onInput={(text) => keyResultEdits.edit(kr.id, field, text)}
      onCommit={() => void keyResultEdits.flush(kr.id)}
    />
  );
}

export function OkrFindingNote({ finding }: { finding: OkrFinding }) {
  return (
    <div class="finding warning" data-okr-lint={finding.id}>
      <span class="finding-icon" aria-hidden="true">
        !
      </span>
      <p class="finding-message">
        <span class="visually-hidden">Warning: </span>
        {finding.message}
      </p>
    </div>
  );
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

export function KeyResultRow({ kr, findings }: { kr: KeyResult; findings: OkrFinding[] }) {
  const progress = keyResultProgressById.value.get(kr.id);
  const metric = treeMetrics.value.find((m) => m.id === kr.metricId);
  const name = metric?.name ?? 'A metric no longer in the tree';
  const unit = metric?.unit.trim() === '%' ? '%' : '';
  const open = openRows.value.has(kr.id);
  const status = progress?.status ?? 'no-values';
  const latest = progress?.latest ? `${formatNumber(progress.latest.value)}${unit}` : 'no values yet';
  return (
    <li class="kr" data-kr-id={kr.id}>
      <div class="kr-main">
        <p class="kr-name">
          <strong>{name}</strong>: {formatNumber(kr.baseline)}
          {unit} → {formatNumber(kr.target)}
          {unit} by {shortDate(kr.due)}
        </p>
        <p class="small muted">
          Latest {latest}
          {progress?.progress != null ? ` · ${percent(progress.progress)} of the way` : ''}
          {progress ? ` · ${percent(progress.elapsed)} of the time` : ''}
        </p>
        {progress?.progress != null ? (
          <div class="kr-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0, Math.min(100, progress.progress * 100))}%` }} />
          </div>
        ) : null}
      </div>
      <span class={`kr-status status-${status}`}>{STATUS_LABELS[status]}</span>
      <div class="kr-actions">
        <button type="button" class="btn quiet small" aria-expanded={open} onClick={() => toggle(kr.id)}>
          {open ? 'Done' : 'Edit'}
          <span class="visually-hidden"> key result on {name}</span>
        </button>
        <button type="button" class="btn quiet small" onClick={() => void deleteKeyResult(kr.id)}>
          Delete<span class="visually-hidden"> key result on {name}</span>
        </button>
      </div>
      {findings.length ? (
        <div class="kr-findings">
          {findings.map((f) => (
            <OkrFindingNote key={f.id} finding={f} />
          ))}
        </div>
      ) : null}
      {open ? (
        <div class="kr-fields">
          {(['team', 'baseline', 'target', 'due'] as const).map((f) => (
            <KrField key={f} kr={kr} field={f} />
          ))}
          {keyResultEdits.failures.value.get(kr.id) ? (
            <p class="field-error">{keyResultEdits.failures.value.get(kr.id)}</p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
