/**
 * The choices of a ticket import: which of the extension's statuses each status of the
 * file becomes (the default is the import's own reading), which input metric each label
 * means (the default found by the metric's name), and which columns hold Reach, Impact,
 * Confidence and Effort, with story points converted to person-months at a rate the
 * person sets.
 */
import { RICE_COLUMN_FIELDS, type RiceColumnField } from '../../lib/domain/import/import-mappings';
import { ITEM_STATUSES, type ItemStatus } from '../../lib/domain/types';
import {
  columns,
  labels,
  pointsProblem,
  pointsText,
  riceColumns,
  setItemChoice,
  setLabel,
  setStatus,
  statuses,
} from '../../lib/state/workspace/item-import';
import { treeTaggableMetrics } from '../../lib/state/workspace/tree';
import { SelectField, TextField } from '../common/Field';
import { STATUS_LABELS } from '../common/labels';

const RICE_LABELS: Record<RiceColumnField, string> = {
  reach: 'Reach from',
  impact: 'Impact from',
  confidence: 'Confidence from',
  effort: 'Effort from',
};

function LabelTable() {
  if (labels.value.length === 0) return <p class="small muted">The tickets carry no labels: they come in unlinked.</p>;
  const options = [
    { value: '', label: 'No metric' },
    ...treeTaggableMetrics.value.map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <table class="summary-table label-table">
      <caption class="small">Labels and the input metric each means</caption>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col" class="num">
            Tickets
          </th>
          <th scope="col">Input metric</th>
        </tr>
      </thead>
      <tbody>
        {labels.value.map((l) => (
          <tr key={l.label}>
            <th scope="row">{l.label}</th>
            <td class="num">{l.rows}</td>
            <td>
              <select
                aria-label={`Input metric for the label ${l.label}`}
                value={l.metricId ?? ''}
                onChange={(e) => setLabel(l.label, e.currentTarget.value || null)}
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusTable() {
  if (statuses.value.length === 0) return null;
  return (
    <table class="summary-table status-table">
      <caption class="small">Statuses in the file and the status each becomes</caption>
      <thead>
        <tr>
          <th scope="col">Status in the file</th>
          <th scope="col" class="num">
            Tickets
          </th>
          <th scope="col">Status here</th>
        </tr>
      </thead>
      <tbody>
        {statuses.value.map((s) => (
          <tr key={s.key}>
            <th scope="row">
              {s.name}
              {s.recognised ? null : <span class="small muted status-note">Not recognised: an idea unless mapped</span>}
            </th>
            <td class="num">{s.rows}</td>
            <td>
              <select
                aria-label={`Status for ${s.name}`}
                value={s.status}
                onChange={(e) => setStatus(s.key, e.currentTarget.value as ItemStatus)}
              >
                {ITEM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ItemMappingFields() {
  const fieldOptions = [{ value: '', label: 'Not read' }, ...columns.value.map((c) => ({ value: c, label: c }))];
  return (
    <div class="import-mapping">
      <StatusTable />
      <LabelTable />
      {columns.value.length > 0 ? (
        <div class="rice-columns">
          {RICE_COLUMN_FIELDS.map((field) => (
            <SelectField
              key={field}
              id={`item-rice-${field}`}
              label={RICE_LABELS[field]}
              value={riceColumns.value[field] ?? ''}
              options={fieldOptions}
              onChange={(name) =>
                setItemChoice(() => {
                  const { [field]: _old, ...rest } = riceColumns.value;
                  riceColumns.value = name ? { ...rest, [field]: name } : rest;
                })
              }
            />
          ))}
          {riceColumns.value.effort ? (
            <TextField
              id="item-points"
              label="Story points per person-month"
              hint="Leave empty when the effort column is already in person-months"
              error={pointsProblem.value ?? undefined}
              value={pointsText.value}
              inputMode="decimal"
              onInput={(text) => setItemChoice(() => (pointsText.value = text))}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
