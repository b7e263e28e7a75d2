/**
 * Did the work move the metric? The quarter's experiments and win rates, each shipped
 * item's metric before and after it shipped (over N periods the user picks), experiments,
 * and how often high-confidence items delivered.
 */
import { formatNumber } from '../../lib/domain/format';
import { bandSentence } from '../../lib/domain/outcomes';
import { shortDate } from '../../lib/domain/period';
import { confidenceOutcomes, loopLoadError, quarterWins } from '../../lib/state/workspace/loop';
import {
  outcomePeriodsError,
  outcomePeriodsText,
  shippedOutcomes,
  typeOutcomePeriods,
  type ShippedOutcome,
} from '../../lib/state/workspace/outcomes';
import { ExperimentList } from './ExperimentList';

const meanText = (mean: number | null) => (mean === null ? 'no values' : formatNumber(mean));

function OutcomeRow({ o }: { o: ShippedOutcome }) {
  const c = o.comparison;
  const change = c?.change ?? null;
  return (
    <tr>
      <th scope="row">{o.item.title || 'Untitled item'}</th>
      <td>{o.metric?.name ?? <span class="muted">no metric</span>}</td>
      <td>{shortDate(o.at, true)}</td>
      <td class="num">
        {c ? meanText(c.before.mean) : '—'}
        {c ? (
          <span class="muted small">
            {' '}
            ({c.before.periods} of {c.before.wanted})
          </span>
        ) : null}
      </td>
      <td class="num">
        {c ? meanText(c.after.mean) : '—'}
        {c ? (
          <span class="muted small">
            {' '}
            ({c.after.periods} of {c.after.wanted})
          </span>
        ) : null}
      </td>
      <td class="num">{change === null ? '—' : `${change > 0 ? '+' : ''}${formatNumber(change)}`}</td>
    </tr>
  );
}

function Shipped() {
  const error = outcomePeriodsError.value;
  const rows = shippedOutcomes.value;
  return (
    <section class="card data-card" aria-labelledby="shipped-outcomes-heading">
      <h3 id="shipped-outcomes-heading">Shipped items: before and after</h3>
      <div class="field outcome-periods">
        <label for="outcome-periods">Periods before and after</label>
        <input
          id="outcome-periods"
          inputMode="numeric"
          size={4}
          value={outcomePeriodsText.value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'outcome-periods-error' : undefined}
          onInput={(e) => typeOutcomePeriods(e.currentTarget.value)}
        />
        {error ? (
          <span class="field-error" id="outcome-periods-error">
            {error}
          </span>
        ) : null}
      </div>
      <p class="muted small caveat">
        Before and after is not cause and effect: other releases, seasonality, marketing and the metric’s own noise move
        it too. The period an item shipped in is left out; counts say how many periods had a value.
      </p>
      {rows.length === 0 ? (
        <p class="muted">Nothing has shipped yet. Setting an item’s status to shipped records its ship date.</p>
      ) : (
        <table class="data-table outcomes-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Metric</th>
              <th scope="col">Shipped</th>
              <th scope="col" class="num">
                Mean before
              </th>
              <th scope="col" class="num">
                Mean after
              </th>
              <th scope="col" class="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <OutcomeRow key={o.item.id} o={o} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Confidence() {
  return (
    <section class="card data-card" aria-labelledby="confidence-heading">
      <h3 id="confidence-heading">RICE confidence against outcomes</h3>
      <p class="muted small">
        How often did items of each confidence move their input metric? Counted from each item’s latest concluded
        experiment.
      </p>
      <ul class="confidence-list">
        {confidenceOutcomes.value.map((b) => (
          <li key={b.band}>{bandSentence(b)}</li>
        ))}
      </ul>
    </section>
  );
}

export function OutcomesView() {
  return (
    <div class="outcomes-view">
      <div class="section-head">
        <div>
          <h2>Outcomes</h2>
          <p class="muted">Did the work move the metric?</p>
        </div>
      </div>
      {loopLoadError.value ? <p class="notice error">{loopLoadError.value}</p> : null}
      <p class="card data-card win-rates" role="status">
        {quarterWins.value.message}
      </p>
      <Shipped />
      <ExperimentList />
      <Confidence />
    </div>
  );
}
