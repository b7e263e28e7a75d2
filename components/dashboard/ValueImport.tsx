/**
 * Importing a metric's values from an analytics export (CSV): pick the file, see the series
 * it holds and the problems found (by line and column, the rest still shown), choose which
 * series fills which metric and how its days roll up into the metric's period, see each
 * period's value and how many values are new, changed or unchanged, then import.
 */
import { ROLL_UP_METHODS, type RollUpMethod } from '../../lib/domain/import/roll-up';
import { formatNumber } from '../../lib/domain/format';
import { problemText } from '../../lib/state/workspace/import-file';
import { treeMetrics } from '../../lib/state/workspace/tree';
import {
  cancelValueImport,
  chooseValueFile,
  chooseValueMapping,
  chosenIsTotal,
  chosenMethod,
  chosenMetricId,
  chosenSeries,
  plannedValues,
  runValueImport,
  targetMetric,
  valueBusy,
  valueFile,
  valueFileError,
  valueImportDone,
  valueOptions,
  valueOrigin,
  valuePreview,
} from '../../lib/state/workspace/value-import';
import { SelectField } from '../common/Field';
import { PERIOD_LABELS, ROLE_LABELS } from '../common/labels';

const METHOD_LABELS: Record<RollUpMethod, string> = {
  sum: 'Sum of the days',
  mean: 'Mean of the days',
  last: 'Last day’s value',
  max: 'Highest day',
};
const SHOWN_ROWS = 60;
const SHOWN_PROBLEMS = 20;

/** The file input, in the Data section (`origin` 'data') or on a metric's card (its id). */
export function ValueFileInput({ origin, label }: { origin: string; label: string }) {
  const id = `value-file-${origin}`;
  return (
    <div class="field file-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        disabled={valueBusy.value}
        onChange={(e) => {
          const input = e.currentTarget;
          void chooseValueFile(input.files?.[0], origin).finally(() => (input.value = ''));
        }}
      />
    </div>
  );
}

/** Messages and the preview, shown where the file was picked. */
export function ValueImportStatus({ origin }: { origin: string }) {
  if (valueOrigin.value !== origin) return null;
  return (
    <>
      <div aria-live="polite">
        {valueFileError.value ? (
          <p class="notice error value-import-error" role="alert">
            {valueFileError.value}
          </p>
        ) : null}
        {valueImportDone.value ? <p class="notice ok value-import-done">{valueImportDone.value}</p> : null}
      </div>
      {valueFile.value ? <ValuePreview /> : null}
    </>
  );
}

function Problems() {
  const problems = valueFile.value?.parsed.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <div class="import-problems">
      <p class="small">
        {problems.length} {problems.length === 1 ? 'value was' : 'values were'} not read; the rest can still be
        imported:
      </p>
      <ul class="small">
        {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
          <li key={`${p.line}:${p.column}:${p.message}`}>{problemText(p)}</li>
        ))}
        {problems.length > SHOWN_PROBLEMS ? <li>… and {problems.length - SHOWN_PROBLEMS} more</li> : null}
      </ul>
    </div>
  );
}

function Mapping() {
  const metric = targetMetric.value;
  const rolls = !chosenIsTotal.value && metric?.period && metric.period !== 'day';
  return (
    <div class="import-mapping">
      <SelectField
        id="value-series"
        label="Series in the file"
        value={chosenSeries.value}
        options={valueOptions.value.map((o) => ({
          value: o.label,
          label: o.kind === 'series' ? `${o.label} (${o.count} days)` : o.label,
        }))}
        onChange={(series) => chooseValueMapping({ series })}
      />
      <SelectField
        id="value-metric"
        label="Metric it fills"
        value={chosenMetricId.value}
        options={treeMetrics.value.map((m) => ({
          value: m.id,
          label: `${m.name} (${ROLE_LABELS[m.role].toLowerCase()}${m.period ? `, ${PERIOD_LABELS[m.period]}` : ''})`,
        }))}
        onChange={(metricId) => chooseValueMapping({ metricId })}
      />
      {rolls ? (
        <SelectField
          id="value-method"
          label={`Days roll up ${PERIOD_LABELS[metric.period!]} as`}
          value={chosenMethod.value}
          options={ROLL_UP_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
          onChange={(method) => chooseValueMapping({ method: method as RollUpMethod })}
        />
      ) : null}
      <p class="small muted">
        {chosenIsTotal.value
          ? 'A total over the report’s range is recorded as one value, at the range’s last day.'
          : rolls
            ? 'Each period’s value is recorded at its last day; weeks run Monday to Sunday.'
            : 'This metric has no period longer than a day: each day’s value is recorded as it is.'}
      </p>
    </div>
  );
}

function PeriodTable() {
  const values = plannedValues.value;
  if (values.length === 0) return <p class="notice">The chosen series has no values to import.</p>;
  return (
    <table class="summary-table value-import-table">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" class="num">
            Days
          </th>
          <th scope="col" class="num">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {values.slice(-SHOWN_ROWS).map((v) => (
          <tr key={v.at}>
            <th scope="row">{v.start === v.end ? v.end : `${v.start} – ${v.end}`}</th>
            <td class="num">{v.days || 'total'}</td>
            <td class="num">{formatNumber(v.value)}</td>
          </tr>
        ))}
      </tbody>
      {values.length > SHOWN_ROWS ? (
        <caption class="small muted">
          The last {SHOWN_ROWS} of {values.length} values.
        </caption>
      ) : null}
    </table>
  );
}

function ValuePreview() {
  const file = valueFile.value!;
  const summary = valuePreview.value;
  return (
    <div class="import-preview card value-import-preview" role="region" aria-labelledby="value-preview-heading">
      <h3 id="value-preview-heading">Before importing {file.name}</h3>
      <p class="muted small">Nothing has been written yet.</p>
      <Problems />
      <Mapping />
      <PeriodTable />
      {summary ? (
        <p class="value-import-summary">
          {summary.added} new, {summary.changed} changed, {summary.unchanged} unchanged
          {targetMetric.value ? ` in ${targetMetric.value.name}` : ''}.
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="btn primary"
          disabled={valueBusy.value || !summary || summary.added + summary.changed === 0}
          onClick={() => void runValueImport()}
        >
          Import values
        </button>
        <button type="button" class="btn quiet" onClick={cancelValueImport}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The Data section's card for metric values. */
export function ValueImportSection() {
  return (
    <section class="card data-card" aria-labelledby="value-import-heading">
      <h3 id="value-import-heading">Import metric values</h3>
      <p class="muted small">
        A CSV downloaded from Google Analytics, Amplitude, Mixpanel or PostHog, or any table with dates. You choose
        which series fills which metric and see every period’s value before anything is written. Importing the same file
        again changes nothing.
      </p>
      <ValueFileInput origin="data" label="Metric values (.csv)" />
      <ValueImportStatus origin="data" />
    </section>
  );
}
