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
import { ChoiceTable } from './ChoiceTable';
import { STATUS_LABELS } from '../common/labels';

const RICE_LABELS: Record<RiceColumnField, string> = {
  reach: 'Reach from',
  impact: 'Impact from',
  confidence: 'Confidence from',
  effort: 'Effort from',
};

function LabelTable() {
  if (labels.value.length === 0) return <p class="small muted">The tickets carry no labels: they come in unlinked.</p>;
  return (
    <ChoiceTable
      class="label-table"
      caption="Labels and the input metric each means"
      headings={['Label', 'Tickets', 'Input metric']}
      options={[
        { value: '', label: 'No metric' },
        ...treeTaggableMetrics.value.map((m) => ({ value: m.id, label: m.name })),
      ]}
      rows={labels.value.map((l) => ({
        key: l.label,
        heading: l.label,
        rows: l.rows,
        choiceLabel: `Input metric for the label ${l.label}`,
        value: l.metricId ?? '',
        onChange: (metricId) => setLabel(l.label, metricId || null),
      }))}
    />
  );
}

const STATUS_OPTIONS = ITEM_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

function StatusTable() {
  if (statuses.value.length === 0) return null;
  return (
    <ChoiceTable
      class="status-table"
      caption="Statuses in the file and the status each becomes"
      headings={['Status in the file', 'Tickets', 'Status here']}
      options={STATUS_OPTIONS}
      rows={statuses.value.map((s) => ({
        key: s.key,
        heading: (
          <>
            {s.name}
            {s.recognised ? null : <span class="small muted status-note">Not recognised: an idea unless mapped</span>}
          </>
        ),
        rows: s.rows,
        choiceLabel: `Status for ${s.name}`,
        value: s.status,
        onChange: (status) => setStatus(s.key, status as ItemStatus),
      }))}
    />
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
