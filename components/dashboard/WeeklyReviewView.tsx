/**
 * The weekly review: one page for the team's weekly meeting, about the last complete week
 * unless the user steps to another. The North Star and each input metric with the week's
 * value, change, target and trend; changes outside the usual range, in words; what
 * shipped since the last review; the week's notes. It copies as Markdown and prints
 * without the dashboard around it (review.css).
 */
import { formatChange, formatValue } from '../../lib/domain/format';
import { shortDate } from '../../lib/domain/period';
import { reviewTitle } from '../../lib/domain/review-period';
import type { ReviewRow } from '../../lib/domain/weekly-review';
import { chosenReviewWeek, loopLoadError, reviewNotes, weeklyReviewModel } from '../../lib/state/workspace/loop';
import {
  copyOutcome,
  copyReview,
  noteEdits,
  notesText,
  reviewedWeek,
  showLastCompleteWeek,
  stepReviewWeek,
} from '../../lib/state/workspace/review';

const ROLE_LABELS = { nsm: 'North Star', input: 'input', team: 'team', output: 'output', health: 'health' } as const;
const STATUS_CLASS = { green: 'ok', amber: 'warning', red: 'error' } as const;
const STATUS_TEXT = { green: 'on target', amber: 'near target', red: 'off target' } as const;
const TREND_TEXT = { rising: '↗ rising', falling: '↘ falling', flat: '→ flat' } as const;

function changeText(row: ReviewRow): string {
  return row.change === null ? '—' : formatChange(row.change, row.changeFraction, row.metric.unit);
}

function Row({ row }: { row: ReviewRow }) {
  return (
    <tr class={row.anomaly ? 'unusual' : undefined}>
      <th scope="row">
        {row.metric.name || 'Unnamed metric'} <span class="muted small">({ROLE_LABELS[row.metric.role]})</span>
      </th>
      <td>{row.key}</td>
      <td class="num">
        {row.value === null ? <span class="muted">no value</span> : formatValue(row.value, row.metric.unit)}
      </td>
      <td class="num">{changeText(row)}</td>
      <td class="num">
        {row.target === null ? '—' : formatValue(row.target, row.metric.unit)}
        {row.status ? <span class={`pill ${STATUS_CLASS[row.status]}`}>{STATUS_TEXT[row.status]}</span> : null}
      </td>
      <td>{row.trend ? TREND_TEXT[row.trend] : '—'}</td>
    </tr>
  );
}

function Unusual() {
  const flagged = weeklyReviewModel.value.rows.filter((r) => r.anomaly !== null);
  return (
    <section class="card data-card" aria-labelledby="unusual-heading">
      <h3 id="unusual-heading">Unusual changes</h3>
      <p class="muted small">Beyond two standard deviations of the metric’s last 8 periods.</p>
      {flagged.length === 0 ? (
        <p>No metric moved outside its usual range.</p>
      ) : (
        <ul class="unusual-list">
          {flagged.map((r) => (
            <li key={r.metric.id}>
              <strong>{r.metric.name}</strong>: {r.anomaly?.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Shipped() {
  const review = weeklyReviewModel.value;
  return (
    <section class="card data-card" aria-labelledby="shipped-heading">
      <h3 id="shipped-heading">Shipped since {shortDate(review.since, true)}</h3>
      {review.shipped.length === 0 ? <p>Nothing shipped.</p> : null}
      {review.shipped.map((group) => (
        <div key={group.input?.id ?? 'none'} class="shipped-group">
          <h4>{group.input ? group.input.name : 'Not linked to an input metric'}</h4>
          {group.items.length === 0 ? (
            <p class="muted small">Nothing shipped.</p>
          ) : (
            <ul>
              {group.items.map(({ item, at }) => (
                <li key={item.id}>
                  {item.title || 'Untitled item'}
                  {item.links.length ? <span class="muted"> ({item.links.map((l) => l.key).join(', ')})</span> : null},
                  shipped {shortDate(at)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

const SAVE_TEXT = { pending: 'Not saved yet', saving: 'Saving…', failed: 'Not saved' } as const;

function Notes() {
  const week = reviewedWeek.value;
  const status = noteEdits.status.value.get(week);
  const error = noteEdits.errorOf(week, 'text') ?? noteEdits.failures.value.get(week);
  const earlier = reviewNotes.value.filter((n) => n.week !== week);
  return (
    <section class="card data-card" aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes for {week}</h3>
      <label for="review-notes" class="visually-hidden">
        Notes for {week}
      </label>
      <textarea
        id="review-notes"
        rows={4}
        class="print-hidden"
        value={notesText.value}
        aria-invalid={error ? true : undefined}
        aria-describedby="review-notes-status"
        onInput={(e) => noteEdits.edit(week, 'text', e.currentTarget.value)}
        placeholder="Decisions, questions, who follows up on what"
      />
      <p class="print-only notes-print">{notesText.value || 'No notes.'}</p>
      <div class="actions print-hidden">
        <button type="button" class="btn" onClick={() => void noteEdits.flush(week)}>
          Save notes
        </button>
        <span id="review-notes-status" class="small" aria-live="polite">
          {error ? (
            <span class="field-error">{error}</span>
          ) : status ? (
            SAVE_TEXT[status]
          ) : notesText.value ? (
            'Saved'
          ) : (
            ''
          )}
        </span>
      </div>
      {earlier.length > 0 ? (
        <details class="earlier-notes">
          <summary>Earlier weeks ({earlier.length})</summary>
          <dl>
            {earlier.map((n) => (
              <div key={n.id}>
                <dt>
                  {n.week}, held {shortDate(n.heldOn, true)}
                </dt>
                <dd>{n.text}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

/** Steps between weeks: earlier ones, back to the last complete one, and on to the current one. */
function WeekSteps() {
  const { period } = weeklyReviewModel.value;
  return (
    <nav class="actions review-weeks print-hidden" aria-label="Weeks under review">
      <button type="button" class="btn" onClick={() => stepReviewWeek(-1)}>
        ← Week before
      </button>
      {chosenReviewWeek.value !== null ? (
        <button type="button" class="btn" onClick={showLastCompleteWeek}>
          Last complete week
        </button>
      ) : null}
      {period.inProgress ? null : (
        <button type="button" class="btn" onClick={() => stepReviewWeek(1)}>
          Week after →
        </button>
      )}
    </nav>
  );
}

export function WeeklyReviewView() {
  const review = weeklyReviewModel.value;
  const copied = copyOutcome.value;
  return (
    <div class="weekly-review-view">
      <div class="section-head">
        <div>
          <h2>{reviewTitle(review.period)}</h2>
          <p class="muted">
            {review.period.inProgress
              ? `This week runs until ${shortDate(review.period.end)}: its values are not final yet.`
              : 'The North Star and its inputs that week, what moved unusually, what shipped.'}
          </p>
        </div>
        <div class="actions print-hidden">
          <button type="button" class="btn" onClick={() => void copyReview()}>
            Copy as Markdown
          </button>
          <button type="button" class="btn" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      <WeekSteps />
      <p role="status" class={`print-hidden small ${copied?.ok === false ? 'field-error' : 'muted'}`}>
        {copied?.message ?? ''}
      </p>
      {loopLoadError.value ? <p class="notice error">{loopLoadError.value}</p> : null}
      <section class="card data-card" aria-labelledby="metrics-heading">
        <h3 id="metrics-heading">Metrics</h3>
        {review.rows.length === 0 ? (
          <p class="muted">The tree has no metrics yet.</p>
        ) : (
          <table class="data-table review-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Period</th>
                <th scope="col" class="num">
                  Value
                </th>
                <th scope="col" class="num">
                  Change
                </th>
                <th scope="col" class="num">
                  Target
                </th>
                <th scope="col">Trend</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <Row key={row.metric.id} row={row} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Unusual />
      <Shipped />
      <Notes />
    </div>
  );
}
