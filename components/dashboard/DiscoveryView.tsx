/**
 * Discovery: choosing the North Star on a worksheet. Value events ("when exactly does the
 * customer experience the value?") rated and ranked, candidates formulated from the
 * promising ones with coaching as they are typed, scored, and one chosen: it becomes the
 * tree's NSM, and the input metrics suggested for it can be added with their owner teams.
 */
import { signal } from '@preact/signals';
import {
  MAX_CANDIDATES,
  MAX_VALUE_EVENTS,
  type RankedValueEvent,
  valueEventCountNote,
} from '../../lib/domain/discovery';
import type { ValueEventRating } from '../../lib/domain/loop-types';
import { VALUE_EVENT_RATINGS } from '../../lib/domain/loop-types';
import {
  addCandidate,
  addSuggestedInput,
  addValueEvent,
  removeValueEvent,
  suggestedInputs,
  suggestionError,
  typedCandidates,
  typedValueEvents,
  typedWorksheet,
  worksheetEdits,
} from '../../lib/state/workspace/discovery';
import { loopLoadError, worksheet } from '../../lib/state/workspace/loop';
import { treeNsm } from '../../lib/state/workspace/tree';
import { TextField } from '../common/Field';
import { CandidateCard } from './CandidateCard';

const RATING_LABELS: Record<ValueEventRating, string> = {
  frequency: 'Frequency',
  measurability: 'Measurability',
  growthCorrelation: 'Correlation with growth',
};

const failure = signal<string | null>(null);

async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    failure.value = null;
    await work();
  } catch (e) {
    failure.value = e instanceof Error ? e.message : String(e);
  }
}

function ValueEventRow({ ranked, index }: { ranked: RankedValueEvent; index: number }) {
  const e = ranked.event;
  const label = e.text.trim() || `Value event ${index + 1}`;
  return (
    <li class="value-event" data-event-id={e.id}>
      <span class="event-rank" title="Rank among the rated events">
        {ranked.rank === null ? '–' : `#${ranked.rank}`}
      </span>
      <TextField
        id={`event-${e.id}-text`}
        class="f-text"
        label={`Value event ${index + 1}`}
        placeholder="A guest checks in to a stay they booked"
        error={worksheetEdits.errorOf(e.id, 'text')}
        value={worksheetEdits.draftOf(e.id, 'text') ?? e.text}
        onInput={(text) => worksheetEdits.edit(e.id, 'text', text)}
        onCommit={() => void worksheetEdits.flush(e.id)}
      />
      {VALUE_EVENT_RATINGS.map((r) => (
        <TextField
          key={r}
          id={`event-${e.id}-${r}`}
          class="score-field"
          label={RATING_LABELS[r]}
          error={worksheetEdits.errorOf(e.id, r)}
          value={worksheetEdits.draftOf(e.id, r) ?? String(e.ratings[r] ?? '')}
          inputMode="numeric"
          onInput={(text) => worksheetEdits.edit(e.id, r, text)}
          onCommit={() => void worksheetEdits.flush(e.id)}
        />
      ))}
      <div class="event-actions">
        <button type="button" class="btn small" onClick={() => void attempt(() => addCandidate(e.id))}>
          Make a candidate<span class="visually-hidden"> from {label}</span>
        </button>
        <button type="button" class="btn quiet small" onClick={() => void attempt(() => removeValueEvent(e.id))}>
          Remove<span class="visually-hidden"> {label}</span>
        </button>
      </div>
    </li>
  );
}

function ValueEvents() {
  const ranked = typedValueEvents.value;
  const order = typedWorksheet.value.valueEvents.map((e) => e.id);
  const inOrder = [...ranked].sort((a, b) => order.indexOf(a.event.id) - order.indexOf(b.event.id));
  const note = valueEventCountNote(ranked.length);
  return (
    <section class="card discovery-card" aria-labelledby="events-heading">
      <h3 id="events-heading">1. Value events</h3>
      <p class="muted small">
        When exactly does the customer experience the value? Rate each from 1 (poor) to 5 (excellent). Correlation with
        growth weighs most, frequency least: often is not the same as valuable.
      </p>
      {note ? <p class="notice small">{note}</p> : null}
      <ol class="value-events">
        {inOrder.map((r, i) => (
          <ValueEventRow key={r.event.id} ranked={r} index={i} />
        ))}
      </ol>
      <button
        type="button"
        class="btn"
        disabled={ranked.length >= MAX_VALUE_EVENTS}
        onClick={() => void attempt(addValueEvent)}
      >
        + Value event
      </button>
    </section>
  );
}

function Candidates() {
  const ranked = typedCandidates.value;
  const order = typedWorksheet.value.candidates.map((c) => c.id);
  const inOrder = [...ranked].sort((a, b) => order.indexOf(a.candidate.id) - order.indexOf(b.candidate.id));
  return (
    <section class="discovery-candidates" aria-labelledby="candidates-heading">
      <h3 id="candidates-heading">2. Candidate North Stars</h3>
      <p class="muted small">
        Quantifiable, time-bound, movable by several teams and hard to game. The coaching beside each candidate follows
        what you type.
      </p>
      {inOrder.map((r) => (
        <CandidateCard key={r.candidate.id} ranked={r} />
      ))}
      <button
        type="button"
        class="btn"
        disabled={ranked.length >= MAX_CANDIDATES}
        onClick={() => void attempt(() => addCandidate(null))}
      >
        + Candidate
      </button>
    </section>
  );
}

function Suggestions() {
  const nsm = treeNsm.value;
  if (!worksheet.value?.chosenCandidateId || !nsm) return null;
  const list = suggestedInputs.value;
  return (
    <section class="card discovery-card" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">3. Input metrics for “{nsm.name}”</h3>
      <p class="muted small">
        Starting points from a similar product, each with the team that would own it: add the ones that fit, then rename
        them in the <a href="#tree">metric tree</a>.
      </p>
      {list.length === 0 ? <p class="muted small">Every suggestion is in the tree.</p> : null}
      <ul class="suggestions">
        {list.map((s) => (
          <li key={s.name}>
            <div>
              <strong>{s.name}</strong> <span class="muted small">· {s.ownerTeam}</span>
              <p class="small muted">{s.definition}</p>
            </div>
            <button
              type="button"
              class="btn small"
              onClick={() => void addSuggestedInput(s.name, s.ownerTeam, s.definition)}
            >
              Add<span class="visually-hidden"> {s.name} as an input metric</span>
            </button>
          </li>
        ))}
      </ul>
      {suggestionError.value ? <p class="field-error">{suggestionError.value}</p> : null}
    </section>
  );
}

export function DiscoveryView() {
  return (
    <div class="discovery">
      <h2>Discovery: choose the North Star</h2>
      <p class="muted">
        Collect 5 to 10 moments of value, turn the promising ones into candidate metrics, score them and choose one. The
        worksheet stays with the tree for the next review.
      </p>
      {loopLoadError.value ? (
        <p class="notice error" role="alert">
          {loopLoadError.value}
        </p>
      ) : null}
      {failure.value ? (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      ) : null}
      <ValueEvents />
      <Candidates />
      <Suggestions />
    </div>
  );
}
