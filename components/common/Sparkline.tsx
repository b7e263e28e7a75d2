/**
 * Recent values of a metric as a line, with its target as a dashed rule when set. With a
 * label it is an image for screen readers; without one it is decoration beside a number
 * already written out. Colours come from each view's stylesheet (.spark-line, .spark-last,
 * .spark-target).
 */
interface Props {
  values: number[];
  target?: number | null;
  width?: number;
  height?: number;
  label?: string;
}

export function Sparkline({ values, target = null, width = 120, height = 32, label }: Props) {
  if (values.length === 0) return null;
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const span = Math.max(...all) - min || 1;
  const pad = 4;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      {target !== null && <line class="spark-target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />}
      <polyline class="spark-line" points={points} />
      <circle class="spark-last" cx={x(values.length - 1)} cy={y(values[values.length - 1]!)} r={3} />
    </svg>
  );
}
