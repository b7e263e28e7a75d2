/**
 * One candidate North Star on the worksheet: its wording with the coaching beside it
 * (each finding with a poor -> good rewrite), its scores on the three tests and the
 * Playbook's six, and the button that makes it the tree's NSM.
 */
import { signal } from '@preact/signals';
import type { RankedCandidate } from '../../lib/domain/discovery';
import { CORE_CRITERIA, type CandidateCriterion, PLAYBOOK_CRITERIA } from '../../lib/domain/loop-types';
import { NSM_CATEGORIES, PERIODS, type NsmCategory, type Period } from '../../lib/domain/types';
import { worksheet } from '../../lib/state/workspace/loop';
import {
  type CandidateTextField,
  chooseCandidate,
  removeCandidate,
  setCandidateChoice,
  typedCoaching,
  typedWorksheet,
  worksheetEdits,
} from '../../lib/state/workspace/discovery';
import { SelectField, TextField } from '../common/Field';
import { CATEGORY_LABELS, PERIOD_LABELS } from '../common/labels';

export const CRITERION_LABELS: Record<CandidateCriterion, string> = {
  customerValue: 'Measures customer value',
  leadsGrowth: 'Leads growth',
  reflectsStrategy: 'Reflects strategy',
  expressesValue: 'Expresses value',
  representsStrategy: 'Represents strategy',
  leadingIndicator: 'Leading indicator',
  actionable: 'Actionable',
  understandable: 'Understandable',
  measurable: 'Measurable',
};

const TEXT_LABELS: Record<CandidateTextField, string> = {
  name: 'Candidate metric',
  definition: 'Definition',
  unit: 'Unit',
  teams: 'Teams that can move it',
};

const chooseError = signal<string | null>(null);
const mean = (n: number | null) => (n === null ? '–' : n.toFixed(1));

function CandidateText({ ranked, field }: { ranked: RankedCandidate; field: CandidateTextField }) {
  const c = ranked.candidate;
  const stored = field === 'teams' ? c.teams.join(', ') : c[field];
  const id = `candidate-${c.id}-${field}`;
  return (
    <TextField
      id={id}
      class={`f-${field}`}
      label={TEXT_LABELS[field]}
      hint={field === 'teams' ? 'Separated by commas' : undefined}
      error={worksheetEdits.errorOf(c.id, field)}
      value={worksheetEdits.draftOf(c.id, field) ?? stored}
      multiline={field === 'definition'}
      onInput={(text) => worksheetEdits.edit(c.id, field, text)}
      onCommit={() => void worksheetEdits.flush(c.id)}
    />
  );
}

function Score({ ranked, criterion }: { ranked: RankedCandidate; criterion: CandidateCriterion }) {
  const c = ranked.candidate;
  return (
    <TextField
      id={`candidate-${c.id}-${criterion}`}
      class="score-field"
      label={CRITERION_LABELS[criterion]}
      error={worksheetEdits.errorOf(c.id, criterion)}
      value={worksheetEdits.draftOf(c.id, criterion) ?? String(c.scores[criterion] ?? '')}
      inputMode="numeric"
      onInput={(text) => worksheetEdits.edit(c.id, criterion, text)}
      onCommit={() => void worksheetEdits.flush(c.id)}
    />
  );
}

async function choose(id: string): Promise<void> {
  try {
    chooseError.value = null;
    await chooseCandidate(id);
  } catch (failure) {
    chooseError.value = failure instanceof Error ? failure.message : String(failure);
  }
}

export function CandidateCard({ ranked }: { ranked: RankedCandidate }) {
  const c = ranked.candidate;
  const isChosen = worksheet.value?.chosenCandidateId === c.id;
  const coaching = typedCoaching.value.get(c.id) ?? [];
  const events = typedWorksheet.value.valueEvents.filter((e) => c.valueEventIds.includes(e.id));
  const title = c.name.trim() || 'New candidate';
  return (
    <article class={`card candidate-card${isChosen ? ' chosen' : ''}`} aria-labelledby={`candidate-${c.id}-title`}>
      <header class="candidate-head">
        <h4 id={`candidate-${c.id}-title`}>{title}</h4>
        {isChosen ? <span class="role-tag role-nsm">Chosen North Star</span> : null}
        <span class="muted small">
          {ranked.rank === null ? 'Not fully scored' : `Rank ${ranked.rank}`} · three tests {mean(ranked.core)} ·
          Playbook {mean(ranked.playbook)}
        </span>
      </header>
      {events.length ? (
        <p class="muted small">From: {events.map((e) => e.text.trim() || 'an unnamed value event').join('; ')}</p>
      ) : null}
      <div class="candidate-body">
        <div class="candidate-fields">
          <CandidateText ranked={ranked} field="name" />
          <CandidateText ranked={ranked} field="definition" />
          <CandidateText ranked={ranked} field="unit" />
          <SelectField
            id={`candidate-${c.id}-period`}
            label="Period"
            value={c.period ?? ''}
            options={[
              { value: '', label: 'Not time-bound' },
              ...PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] })),
            ]}
            onChange={(v) => void setCandidateChoice(c.id, { period: (v || null) as Period | null })}
          />
          <SelectField
            id={`candidate-${c.id}-category`}
            label="Category"
            value={c.category ?? ''}
            options={[
              { value: '', label: 'Not chosen' },
              ...NSM_CATEGORIES.map((k) => ({ value: k, label: CATEGORY_LABELS[k] })),
            ]}
            onChange={(v) => void setCandidateChoice(c.id, { category: (v || null) as NsmCategory | null })}
          />
          <CandidateText ranked={ranked} field="teams" />
        </div>
        <aside class="coaching" aria-label={`Coaching for ${title}`} aria-live="polite">
          {coaching.map((f) => (
            <div key={f.id} class="finding warning" data-coaching={f.id}>
              <span class="finding-icon" aria-hidden="true">
                !
              </span>
              <p class="finding-message">{f.message}</p>
              <p class="rewrite small">
                <span class="poor">{f.rewrite.poor}</span> → <span class="good">{f.rewrite.good}</span>
                {`: ${f.rewrite.why}`}
              </p>
            </div>
          ))}
        </aside>
      </div>
      <fieldset class="scores">
        <legend>Scores, 1 (poor) to 5 (excellent): the three tests, then the Playbook's six</legend>
        {[...CORE_CRITERIA, ...PLAYBOOK_CRITERIA].map((k) => (
          <Score key={k} ranked={ranked} criterion={k} />
        ))}
      </fieldset>
      <div class="actions">
        {isChosen ? null : (
          <button type="button" class="btn" disabled={c.name.trim() === ''} onClick={() => void choose(c.id)}>
            Choose as North Star<span class="visually-hidden">: {title}</span>
          </button>
        )}
        <button type="button" class="btn quiet small" onClick={() => void removeCandidate(c.id)}>
          Remove<span class="visually-hidden"> {title}</span>
        </button>
      </div>
      {chooseError.value ? <p class="field-error">{chooseError.value}</p> : null}
    </article>
  );
}
