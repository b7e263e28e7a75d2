/**
 * A metric's values over time as an SVG: the line (broken where a period has no value),
 * the target as a dashed line, and a marker per item shipped on the metric. Markers can
 * be focused with the keyboard, name their item on hover or focus and open its ticket; the table on the
 * same page gives every value as text. The geometry comes from lib/domain/metric-chart.ts.
 */
import { signal } from '@preact/signals';
import type { ChartGeometry, PlacedMark } from '../../lib/domain/metric-chart';
import { shortDate } from '../../lib/domain/period';

const NAMED_GAPS = 6;

/** The marker the pointer or the keyboard is on, by shipment id. */
const activeMark = signal<string | null>(null);

function Marker({ mark, chart }: { mark: PlacedMark; chart: ChartGeometry }) {
  const { box } = chart;
  const active = activeMark.value === mark.id;
  const name = `Shipped ${shortDate(mark.at, true)}: ${mark.label}`;
  const labelX = Math.min(Math.max(mark.x, box.left + 90), box.width - box.right - 90);
  return (
    <a
      class={`ship-mark${active ? ' active' : ''}`}
      href={mark.url ?? '#backlog'}
      target={mark.url ? '_blank' : undefined}
      rel={mark.url ? 'noreferrer' : undefined}
      aria-label={name}
      data-ship-id={mark.id}
      onMouseEnter={() => (activeMark.value = mark.id)}
      onMouseLeave={() => (activeMark.value = null)}
      onFocus={() => (activeMark.value = mark.id)}
      onBlur={() => (activeMark.value = null)}
    >
      <title>{name}</title>
      <line x1={mark.x} x2={mark.x} y1={box.top} y2={box.height - box.bottom} />
      <path d={`M${mark.x - 6},${box.top} h12 l-6,9 z`} />
      {active ? (
        <text class="ship-mark-label" x={labelX} y={box.top + 22} text-anchor="middle">
          {mark.label}
        </text>
      ) : null}
    </a>
  );
}

/** Which periods have no value: named while they are few, counted when many. */
function gapText(gaps: readonly string[]): string {
  if (gaps.length === 0) return '';
  if (gaps.length <= NAMED_GAPS) return ` No value for ${gaps.join(', ')}.`;
  return ` ${gaps.length} periods have no value, from ${gaps[0]} to ${gaps.at(-1)}.`;
}

export function MetricChart({ chart, name, unit }: { chart: ChartGeometry; name: string; unit: string }) {
  const { box } = chart;
  const right = box.width - box.right;
  const bottom = box.height - box.bottom;
  const targetText = chart.targetY === null ? '' : ' The dashed line is the target.';
  return (
    <figure class="metric-chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="group"
        aria-labelledby="metric-chart-title"
        aria-describedby="metric-chart-desc"
      >
        <title id="metric-chart-title">
          {name} over time{unit ? ` (${unit})` : ''}
        </title>
        <desc id="metric-chart-desc">
          {chart.points.length} values from {chart.points[0]!.key} to {chart.points.at(-1)!.key}.{targetText}
          {gapText(chart.gaps)} The table below lists every value.
        </desc>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the axes repeat the table */}
        <g class="chart-axis" aria-hidden="true">
          {chart.valueTicks.map((t) => (
            <g key={t.value}>
              <line class="chart-grid" x1={box.left} x2={right} y1={t.at} y2={t.at} />
              <text x={box.left - 6} y={t.at + 4} text-anchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {chart.periodTicks.map((t) => (
            <text key={t.value} x={t.at} y={bottom + 18} text-anchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; the table has the values */}
        <g aria-hidden="true">
          {chart.targetY !== null ? (
            <line class="chart-target" x1={box.left} x2={right} y1={chart.targetY} y2={chart.targetY} />
          ) : null}
          {chart.runs.map((points) => (
            <polyline key={points} class="chart-line" points={points} />
          ))}
          {chart.points.map((p) => (
            <circle key={p.key} class="chart-point" cx={p.x} cy={p.y} r={2.5} />
          ))}
        </g>
        {chart.marks.map((m) => (
          <Marker key={m.id} mark={m} chart={chart} />
        ))}
      </svg>
      <figcaption class="small muted">
        <span class="legend-line" aria-hidden="true" /> values
        {chart.targetY !== null ? (
          <>
            {' '}
            <span class="legend-target" aria-hidden="true" /> target
          </>
        ) : null}
        {chart.marks.length ? (
          <>
            {' '}
            <span class="legend-ship" aria-hidden="true">
              ▼
            </span>{' '}
            item shipped (point at or focus a marker to name it; it opens the item's ticket)
          </>
        ) : null}
        {chart.marksOutside ? ` · ${chart.marksOutside} shipped outside the charted periods` : ''}
      </figcaption>
    </figure>
  );
}
