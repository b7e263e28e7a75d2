/**
 * Where the work goes: per input metric the share of items, effort and score, beside
 * the unlinked share. Flags input metrics nobody works on and work that serves none.
 */
import { formatNumber, formatPercent, formatScore } from '../../lib/domain/format';
import { workAlignment } from '../../lib/state/workspace/tree';
import { ShareBars } from '../common/ShareBars';

export function AlignmentView() {
  const a = workAlignment.value;
  const idle = a.rows.filter((r) => r.noWork);
  const rows = [...a.rows, a.unlinked];
  return (
    <div class="alignment-view">
      <h2>Alignment</h2>
      <p class="muted">How the backlog spreads over the input metrics that drive the North Star.</p>
      <div class="flags" aria-live="polite">
        {idle.map((r) => (
          <p key={r.metricId} class="finding warning flag-no-work">
            <span class="finding-icon" aria-hidden="true">
              !
            </span>
            <span class="finding-title">No work on “{r.name}”</span>
            <span class="finding-message">
              Nothing in the backlog moves this input metric, so the North Star rests on fewer levers than the tree
              promises.
            </span>
          </p>
        ))}
        {a.unlinked.items > 0 ? (
          <p class="finding warning flag-unlinked">
            <span class="finding-icon" aria-hidden="true">
              !
            </span>
            <span class="finding-title">{formatPercent(a.unlinked.itemShare)} of items serve no input metric</span>
            <span class="finding-message">
              {a.unlinked.items} {a.unlinked.items === 1 ? 'item takes' : 'items take'}{' '}
              {formatPercent(a.unlinked.effortShare)} of the estimated effort without a path to the North Star.
            </span>
          </p>
        ) : null}
      </div>
      {a.totals.items === 0 ? (
        <p class="notice">The backlog is empty: add ideas or tag tickets to see where the work goes.</p>
      ) : (
        <div class="card chart-card">
          <ShareBars
            title="Share of items, effort and score per input metric"
            measures={['Items', 'Effort', 'Score']}
            rows={rows.map((r) => ({
              label: r.name,
              shares: [r.itemShare, r.effortShare, r.scoreShare],
              muted: r.metricId === null,
            }))}
          />
        </div>
      )}
      <table class="data-table alignment-table">
        <caption class="visually-hidden">Work per input metric</caption>
        <thead>
          <tr>
            <th scope="col">Input metric</th>
            <th scope="col" class="num">
              Items
            </th>
            <th scope="col" class="num">
              Effort (person-months)
            </th>
            <th scope="col" class="num">
              Score
            </th>
            <th scope="col" class="num">
              Items %
            </th>
            <th scope="col" class="num">
              Effort %
            </th>
            <th scope="col" class="num">
              Score %
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.metricId ?? 'unlinked'}
              class={r.metricId === null ? 'unlinked-row-total' : r.noWork ? 'no-work' : ''}
            >
              <th scope="row">
                {r.name}
                {r.noWork && r.metricId !== null ? <span class="pill warning">no work</span> : null}
              </th>
              <td class="num">{r.items}</td>
              <td class="num">{formatNumber(r.effort)}</td>
              <td class="num">{formatScore(r.score)}</td>
              <td class="num">{formatPercent(r.itemShare)}</td>
              <td class="num">{formatPercent(r.effortShare)}</td>
              <td class="num">{formatPercent(r.scoreShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
