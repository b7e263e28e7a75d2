/**
 * Is this the right North Star? The quarterly review (six questions, saved with its
 * date), the correlation with revenue by lag, and the history of North Star changes.
 */
import { computed, signal } from '@preact/signals';
import { leadLagOfSeries } from '../../lib/domain/correlation';
import { MIN_REVENUE_R } from '../../lib/domain/lint';
import { looksRevenue } from '../../lib/domain/metric-terms';
import { REVIEW_QUESTIONS, type ReviewQuestion } from '../../lib/domain/types';
import { correlationPeriod } from '../../lib/domain/value-summary';
import { request } from '../../lib/messaging/client';
import { treeMetrics, treeNsm, seriesOf, treeSnapshot, tree } from '../../lib/state/workspace/tree';
import { LagChart } from '../common/LagChart';
import { ObservationForm } from './ObservationForm';

const QUESTION_TEXT: Record<ReviewQuestion, string> = {
  customerValue: 'It measures the value customers get',
  leadsRevenue: 'It leads revenue: when it rises, revenue follows',
  reflectsStrategy: 'It reflects our product strategy',
  understandable: 'Anyone in the company can understand it',
  measurable: 'We can measure it reliably',
  actionable: 'Teams can move it with their work',
};

const answers = signal<Record<ReviewQuestion, boolean>>(
  Object.fromEntries(REVIEW_QUESTIONS.map((q) => [q, false])) as Record<ReviewQuestion, boolean>,
);
const note = signal('');
const saved = signal<string | null>(null);
const error = signal<string | null>(null);
const chosenOutput = signal<string | null>(null);

const outputs = computed(() => treeMetrics.value.filter((m) => m.role === 'output'));
const revenueMetric = computed(() => {
  const all = outputs.value;
  return all.find((m) => m.id === chosenOutput.value) ?? all.find((m) => looksRevenue(m)) ?? all[0] ?? null;
});

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

async function saveReview(event: Event): Promise<void> {
  event.preventDefault();
  const current = tree.value;
  if (!current) return;
  try {
    error.value = null;
    await request({ type: 'review.add', treeId: current.id, answers: answers.value, note: note.value });
    saved.value = `Review saved on ${dateFormat.format(new Date())}.`;
    note.value = '';
  } catch (e) {
    error.value = e instanceof Error ? e.message : String(e);
  }
}

function Review() {
  const reviews = [...(treeSnapshot.value?.reviews ?? [])].sort((a, b) => b.at - a.at);
  const yes = REVIEW_QUESTIONS.filter((q) => answers.value[q]).length;
  return (
    <section class="card data-card" aria-labelledby="review-heading">
      <h3 id="review-heading">Quarterly review</h3>
      <p class="muted small">Validate the North Star every quarter. Tick what is true today.</p>
      <form onSubmit={(e) => void saveReview(e)} class="review-form">
        <fieldset class="checks">
          <legend class="visually-hidden">Review questions</legend>
          {REVIEW_QUESTIONS.map((q) => (
            <label key={q} class="check">
              <input
                type="checkbox"
                checked={answers.value[q]}
                onChange={(e) => (answers.value = { ...answers.value, [q]: e.currentTarget.checked })}
              />
              <span>{QUESTION_TEXT[q]}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="review-note">Note</label>
          <textarea
            id="review-note"
            rows={2}
            value={note.value}
            onInput={(e) => (note.value = e.currentTarget.value)}
            placeholder="What would you change?"
          />
        </div>
        <div class="actions">
          <button type="submit" class="btn primary">
            Save review ({yes} of {REVIEW_QUESTIONS.length})
          </button>
          <span aria-live="polite" class="small">
            {saved.value}
            {error.value ? <span class="field-error">{error.value}</span> : null}
          </span>
        </div>
      </form>
      {reviews.length ? (
        <ol class="review-list" aria-label="Past reviews">
          {reviews.map((r) => {
            const passed = REVIEW_QUESTIONS.filter((q) => r.answers[q]).length;
            return (
              <li key={r.id}>
                <time dateTime={new Date(r.at).toISOString()}>{dateFormat.format(new Date(r.at))}</time>
                <span class={`pill ${passed === REVIEW_QUESTIONS.length ? 'ok' : 'warning'}`}>
                  {passed} of {REVIEW_QUESTIONS.length}
                </span>
                {r.note ? <span class="muted small">{r.note}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="muted small">No review yet.</p>
      )}
    </section>
  );
}

function Correlation() {
  const north = treeNsm.value;
  const revenue = revenueMetric.value;
  if (!north) return null;
  const period = correlationPeriod(north);
  const result = revenue ? leadLagOfSeries(seriesOf(north.id, period), seriesOf(revenue.id, period), period) : null;
  return (
    <section class="card data-card" aria-labelledby="corr-heading">
      <h3 id="corr-heading">Does the North Star lead revenue?</h3>
      {outputs.value.length > 1 ? (
        <div class="field inline">
          <label for="revenue-metric">Revenue metric</label>
          <select
            id="revenue-metric"
            value={revenue?.id ?? ''}
            onChange={(e) => (chosenOutput.value = e.currentTarget.value)}
          >
            {outputs.value.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!revenue ? (
        <p class="notice">
          Add an output metric for revenue in the tree, and record its values, to check that the North Star leads it.
        </p>
      ) : result ? (
        <>
          <p
            class={`corr-summary ${result.enoughData && result.best && result.best.r >= MIN_REVENUE_R ? 'good' : 'weak'}`}
          >
            <strong>{result.message}.</strong>{' '}
            {result.enoughData && result.best && result.best.r < MIN_REVENUE_R
              ? `Below r = ${MIN_REVENUE_R} the tree is probably wrong or has gaps.`
              : null}
          </p>
          <LagChart points={result.byLag} best={result.best?.lag ?? null} period={period} threshold={MIN_REVENUE_R} />
        </>
      ) : null}
    </section>
  );
}

function History() {
  const history = [...(treeSnapshot.value?.history ?? [])].sort((a, b) => b.at - a.at);
  return (
    <section class="card data-card" aria-labelledby="history-heading">
      <h3 id="history-heading">North Star changes</h3>
      <p class="muted small">A North Star that changes more than once a year cannot guide anyone.</p>
      {history.length ? (
        <ol class="history-list">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={new Date(h.at).toISOString()}>{dateFormat.format(new Date(h.at))}</time> “{h.from}” → “
              {h.to}”
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted small">The North Star has not changed.</p>
      )}
    </section>
  );
}

export function ValidationView() {
  return (
    <div class="validation-view">
      <h2>Validation</h2>
      <div class="validation-grid">
        <Review />
        <div class="validation-col">
          <Correlation />
          <ObservationForm />
          <History />
        </div>
      </div>
    </div>
  );
}
