/**
 * One metric's page (`#metric/<id>`, opened from its node on the tree): its chart over
 * time with the target and the items shipped on it, its status, the thresholds editor,
 * every value as a table, its key results, the work linked to it, its source charts and
 * an import of its values from a file.
 */
import { formatNumber, formatScore } from '../../lib/domain/format';
import { keyResultSummary } from '../../lib/domain/okr';
import { shortDate } from '../../lib/domain/period';
import type { Item, Metric } from '../../lib/domain/types';
import {
  shownChart,
  shownKeyResults,
  shownMetric,
  shownShipMarks,
  shownWork,
} from '../../lib/state/workspace/metric-page';
import { shownValues } from '../../lib/state/workspace/value-sync';
import { periodKey } from '../../lib/domain/correlation';
import { ROLE_LABELS, STATUS_LABELS } from '../common/labels';
import { MetricChart } from './MetricChart';
import { changeText, StatusBadge } from './MetricStatus';
import { MetricThresholds } from './MetricThresholds';
import { MetricValueImport } from './MetricValues';
import { metricStatusById } from '../../lib/state/workspace/loop';

function Headline({ metric }: { metric: Metric }) {
  const s = metricStatusById.value.get(metric.id);
  if (!s?.latest) return <p class="muted">No values recorded yet: type one on the tree, or import a file below.</p>;
  const unit = metric.unit.trim();
  return (
    <p class="metric-headline" data-status={s.status ?? 'none'}>
      <span class="headline-value">
        {formatNumber(s.latest.value)}
        {unit ? <span class="headline-unit"> {unit}</span> : null}
      </span>
      <span class="muted"> in {s.latest.key}</span> <StatusBadge status={s.status} />{' '}
      <span class="metric-change small">{changeText(metric)}</span>
      {s.target !== null ? <span class="metric-target small muted"> · Target {formatNumber(s.target)}</span> : null}
    </p>
  );
}

function ValuesTable({ metric }: { metric: Metric }) {
  const shown = shownValues.value;
  const values = shown?.metricId === metric.id ? [...shown.values].reverse() : [];
  if (values.length === 0) return null;
  const period = metric.period ?? 'week';
  return (
    <section class="card metric-values-table" aria-labelledby="values-heading">
      <h3 id="values-heading">Values</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must be reachable to scroll by keyboard */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={`Values of ${metric.name}`}>
        <table class="summary-table">
          <caption class="visually-hidden">Every recorded value of {metric.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Period</th>
              <th scope="col" class="num">
                Value
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {values.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.at}</th>
                <td>{periodKey(o.at, period)}</td>
                <td class="num">{formatNumber(o.value)}</td>
                <td class="small">{o.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function KeyResults() {
  const krs = shownKeyResults.value;
  return (
    <section class="card metric-key-results" aria-labelledby="krs-heading">
      <h3 id="krs-heading">Key results</h3>
      {krs.length === 0 ? (
        <p class="muted small">No key result is tied to this metric.</p>
      ) : (
        <ul class="plain-list">
          {krs.map((p) => (
            <li key={p.keyResult.id}>
              <span class="small muted">{p.keyResult.quarter} · </span>
              {keyResultSummary(p)}
              {p.progress !== null ? (
                <progress
                  class="kr-progress"
                  max={1}
                  value={Math.min(1, Math.max(0, p.progress))}
                  aria-label={`Progress of ${p.keyResult.team}'s key result`}
                >
                  {Math.round(p.progress * 100)}%
                </progress>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LinkedWork() {
  const { ranked, unscored } = shownWork.value;
  return (
    <section class="card metric-work" aria-labelledby="work-heading">
      <h3 id="work-heading">Work linked to it</h3>
      {ranked.length + unscored.length === 0 ? (
        <p class="muted small">No item is tagged with this metric yet.</p>
      ) : (
        <ol class="plain-list work-list">
          {ranked.map((r) => (
            <li key={r.item.id}>
              <span class="work-rank">#{r.rank}</span> <WorkTitle item={r.item} />{' '}
              <span class="small muted">
                score {formatScore(r.score)} · {STATUS_LABELS[r.item.status]}
              </span>
            </li>
          ))}
          {unscored.map((r) => (
            <li key={r.item.id}>
              <span class="work-rank">–</span> <WorkTitle item={r.item} />{' '}
              <span class="small muted">not ranked: {r.problem.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function WorkTitle({ item }: { item: Item }) {
  const text = item.title || 'Untitled item';
  const url = item.links[0]?.url;
  return url ? (
    <a href={url} target="_blank" rel="noreferrer">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

function SourceCharts({ metric }: { metric: Metric }) {
  return (
    <section class="card metric-sources" aria-labelledby="sources-heading">
      <h3 id="sources-heading">Source charts</h3>
      {metric.sourceUrls.length === 0 ? (
        <p class="muted small">No chart linked: add its address under Source URLs on the tree.</p>
      ) : (
        <ul class="plain-list">
          {metric.sourceUrls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">
                {url}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Shipped() {
  const marks = shownShipMarks.value;
  if (marks.length === 0) return null;
  return (
    <ul class="plain-list small shipped-list" aria-label="Items shipped on this metric">
      {[...marks]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((m) => (
          <li key={m.id}>
            Shipped {shortDate(m.at, true)}: {m.label}
          </li>
        ))}
    </ul>
  );
}

export function MetricView() {
  const metric = shownMetric.value;
  if (!metric) {
    return (
      <section aria-labelledby="metric-heading">
        <h2 id="metric-heading">Metric not found</h2>
        <p>This metric is not in the active tree. It may have been deleted, or belong to another tree.</p>
        <a href="#tree">Back to the metric tree</a>
      </section>
    );
  }
  const chart = shownChart.value;
  return (
    <article class="metric-page" aria-labelledby="metric-heading">
      <a class="back-link small" href="#tree">
        ← Metric tree
      </a>
      <div class="section-head">
        <h2 id="metric-heading">{metric.name || 'Unnamed metric'}</h2>
        <span class={`role-tag role-${metric.role}`}>{ROLE_LABELS[metric.role]}</span>
      </div>
      {metric.definition ? <p class="muted">{metric.definition}</p> : null}
      <Headline metric={metric} />
      {chart ? <MetricChart chart={chart} name={metric.name} unit={metric.unit} /> : null}
      <Shipped />
      <div class="metric-page-grid">
        <MetricThresholds metric={metric} />
        <KeyResults />
        <LinkedWork />
        <SourceCharts metric={metric} />
      </div>
      <ValuesTable metric={metric} />
      <section class="card" aria-labelledby="import-heading">
        <h3 id="import-heading">Import metric values (CSV)</h3>
        <MetricValueImport metric={metric} />
      </section>
    </article>
  );
}
