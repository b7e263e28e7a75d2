/** Pearson's r per lag as columns around zero, the threshold r = 0.5 drawn as a line. */
export interface LagPoint {
  lag: number;
  r: number | null;
  pairs: number;
}

interface Props {
  points: LagPoint[];
  best: number | null;
  period: string;
  threshold: number;
}

export function LagChart({ points, best, period, threshold }: Props) {
  const width = 520;
  const height = 200;
  const top = 16;
  const plot = 150;
  const left = 36;
  const step = (width - left) / Math.max(1, points.length);
  const y = (r: number) => top + ((1 - r) / 2) * plot;
  const description = points
    .map((p) => `lag ${p.lag}: ${p.r === null ? 'no value' : `r ${p.r.toFixed(2)}`} over ${p.pairs} periods`)
    .join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Correlation with revenue by lag in ${period}s: ${description}`}
        class="lag-chart"
      >
        {[1, 0.5, 0, -0.5, -1].map((r) => (
          <g key={r}>
            <line x1={left} x2={width} y1={y(r)} y2={y(r)} class={r === 0 ? 'axis' : 'grid'} />
            <text x={left - 6} y={y(r) + 4} class="chart-text" text-anchor="end">
              {r}
            </text>
          </g>
        ))}
        <line x1={left} x2={width} y1={y(threshold)} y2={y(threshold)} class="threshold" />
        {points.map((p, i) => {
          const x = left + i * step + step * 0.2;
          const w = step * 0.6;
          const r = p.r ?? 0;
          return (
            <g key={p.lag}>
              {p.r !== null ? (
                <rect
                  x={x}
                  width={w}
                  y={Math.min(y(r), y(0))}
                  height={Math.max(1, Math.abs(y(r) - y(0)))}
                  rx="2"
                  class={p.lag === best ? 'col best' : 'col'}
                />
              ) : null}
              <text x={x + w / 2} y={top + plot + 16} class="chart-text" text-anchor="middle">
                {p.lag}
              </text>
              <text x={x + w / 2} y={top + plot + 30} class="chart-text faint" text-anchor="middle">
                n={p.pairs}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted small">
        Columns: r between the North Star and revenue that many {period}s later. Dashed line: r = {threshold}.
      </figcaption>
    </figure>
  );
}
