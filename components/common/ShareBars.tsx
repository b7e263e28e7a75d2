/**
 * Horizontal bars of shares (0..1) per row and measure: where the work goes. Plain SVG
 * with a text equivalent, since the table beside it carries the same numbers.
 */
import { formatPercent } from '../../lib/domain/format';

export interface ShareRow {
  label: string;
  shares: number[];
  muted?: boolean;
}

interface Props {
  rows: ShareRow[];
  measures: string[];
  title: string;
}

const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)'];

export function ShareBars({ rows, measures, title }: Props) {
  const labelWidth = 210;
  const barWidth = 360;
  const rowHeight = 16 * measures.length + 18;
  const height = rows.length * rowHeight + 28;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} role="img" aria-label={title} class="share-bars">
        <g class="legend" transform="translate(0, 12)">
          {measures.map((m, i) => (
            <g key={m} transform={`translate(${labelWidth + i * 110}, 0)`}>
              <rect width="10" height="10" y="-9" rx="2" fill={COLORS[i]} />
              <text x="15" class="chart-text">
                {m}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row, r) => (
          <g key={row.label} transform={`translate(0, ${28 + r * rowHeight})`}>
            <text x="0" y={(rowHeight - 18) / 2 + 10} class={`chart-label${row.muted ? ' muted-label' : ''}`}>
              {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
            </text>
            {row.shares.map((share, i) => (
              <g key={i} transform={`translate(${labelWidth}, ${i * 16})`}>
                <rect width={barWidth} height="12" rx="3" class="bar-bg" />
                <rect
                  width={Math.max(share > 0 ? 2 : 0, share * barWidth)}
                  height="12"
                  rx="3"
                  fill={row.muted ? 'var(--chart-unlinked)' : COLORS[i]}
                />
                <text x={barWidth + 8} y="10" class="chart-text">
                  {formatPercent(share)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
