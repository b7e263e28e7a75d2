/** Recent values of a metric as a line, with its target as a dashed rule when set. */
import type { Observation } from '../../lib/domain/types';

interface Props {
  observations: Observation[];
  target: number | null;
  width?: number;
  height?: number;
  label: string;
}

export function Sparkline({ observations, target, width = 280, height = 56, label }: Props) {
  const recent = observations.slice(-24);
  if (recent.length === 0) return <p class="muted">No values recorded yet.</p>;
  const values = recent.map((o) => o.value);
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 4;
  const x = (i: number) => (recent.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (recent.length - 1));
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1]!;
  return (
    <svg class="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      {target !== null && <line class="spark-target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />}
      <polyline class="spark-line" points={points} />
      <circle class="spark-last" cx={x(values.length - 1)} cy={y(last)} r={3} />
    </svg>
  );
}
