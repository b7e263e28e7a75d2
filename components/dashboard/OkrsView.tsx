/**
 * OKRs derived from the North Star: per quarter, the Objective worded from the NSM, each
 * team's key results on the input (or team) metrics with progress from the recorded
 * values, and the lints that say what is missing.
 */
import { loopLoadError } from '../../lib/state/workspace/loop';
import {
  createKeyResult,
  deleteError,
  editNewKr,
  keyResultMetrics,
  newKr,
  newKrErrors,
  newKrFailure,
  pickedQuarter,
  quarterChoices,
  shownFindings,
  shownKeyResultsByTeam,
  shownObjective,
  shownQuarter,
} from '../../lib/state/workspace/okrs';
import { SelectField, TextField } from '../common/Field';
import { ROLE_LABELS } from '../common/labels';
import { KeyResultRow, OkrFindingNote } from './KeyResultRow';

function NewKeyResult() {
  const form = newKr.value;
  const errors = newKrErrors.value;
  const number = (field: 'baseline' | 'target', label: string) => (
    <TextField
      id={`new-kr-${field}`}
      label={label}
      error={errors[field]}
      value={form[field]}
      inputMode="decimal"
      onInput={(text) => editNewKr(field, text)}
    />
  );
  return (
    <section class="card okr-card" aria-labelledby="new-kr-heading">
      <h3 id="new-kr-heading">New key result for {shownQuarter.value}</h3>
      <form
        class="new-kr"
        onSubmit={(e) => {
          e.preventDefault();
          void createKeyResult();
        }}
      >
        <SelectField
          id="new-kr-metric"
          label="Metric"
          error={errors.metricId}
          value={form.metricId}
          options={[
            { value: '', label: 'Choose a metric' },
            ...keyResultMetrics.value.map((m) => ({
              value: m.id,
              label: `${m.name} (${ROLE_LABELS[m.role].toLowerCase()})`,
            })),
          ]}
          onChange={(v) => editNewKr('metricId', v)}
        />
        <TextField
          id="new-kr-team"
          label="Team"
          error={errors.team}
          value={form.team}
          onInput={(text) => editNewKr('team', text)}
        />
        {number('baseline', 'Baseline')}
        {number('target', 'Target')}
        <TextField
          id="new-kr-due"
          label="Due"
          hint="YYYY-MM-DD"
          error={errors.due ?? errors.quarter}
          value={form.due}
          onInput={(text) => editNewKr('due', text)}
        />
        <button type="submit" class="btn">
          Add key result
        </button>
      </form>
      {newKrFailure.value ? <p class="field-error">{newKrFailure.value}</p> : null}
    </section>
  );
}

export function OkrsView() {
  const findings = shownFindings.value;
  const byKr = (id: string) => findings.filter((f) => f.keyResultId === id);
  const general = findings.filter((f) => !f.keyResultId);
  const teams = [...shownKeyResultsByTeam.value];
  return (
    <div class="okrs">
      <div class="section-head">
        <h2>OKRs</h2>
        <div class="field inline">
          <label for="okr-quarter">Quarter</label>
          <select
            id="okr-quarter"
            value={shownQuarter.value}
            onChange={(e) => (pickedQuarter.value = e.currentTarget.value)}
          >
            {quarterChoices.value.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
      </div>
      {loopLoadError.value ? (
        <p class="notice error" role="alert">
          {loopLoadError.value}
        </p>
      ) : null}
      <section class="card okr-card objective" aria-labelledby="objective-heading">
        <h3 id="objective-heading">Objective</h3>
        <p class="objective-text">
          {shownObjective.value ?? 'The tree has no North Star yet: choose one in Discovery.'}
        </p>
      </section>
      <div class="okr-layout">
        <div class="okr-teams">
          {teams.length === 0 ? <p class="empty muted">No key results in {shownQuarter.value} yet.</p> : null}
          {teams.map(([team, list]) => (
            <section key={team} class="card okr-card" aria-labelledby={`team-${team}`}>
              <h3 id={`team-${team}`}>{team}</h3>
              <ul class="kr-list">
                {list.map((kr) => (
                  <KeyResultRow key={kr.id} kr={kr} findings={byKr(kr.id)} />
                ))}
              </ul>
            </section>
          ))}
          {deleteError.value ? <p class="field-error">{deleteError.value}</p> : null}
          <NewKeyResult />
        </div>
        <aside class="okr-checks" aria-labelledby="okr-checks-heading">
          <h3 id="okr-checks-heading">Checks</h3>
          {general.length === 0 ? <p class="small muted">Every input metric and owner team has a key result.</p> : null}
          {general.map((f) => (
            <OkrFindingNote key={f.id + f.message} finding={f} />
          ))}
        </aside>
      </div>
    </div>
  );
}
