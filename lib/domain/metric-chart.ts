/**
 * The geometry of a metric's chart over time: where each period's value, the target line
 * and the ship markers fall in an SVG of a given size. Pure, so the scales can be checked
 * by hand; the component only draws what this returns.
 *
 * The x axis counts calendar periods (`PeriodValue.index`), so a period without a value
 * keeps its place: the line breaks there into separate runs and is never drawn through
 * zero. The y axis spans the values and the target together (a falling metric whose
 * target lies below every value still shows its target), widened to round tick values.
 */
import { periodIndex } from './correlation';
import { type PeriodValue, periodKeyOf } from './period';
import type { Period } from './types';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels: left for the values, bottom for the periods. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_BOX: ChartBox = { width: 640, height: 240, left: 56, right: 36, top: 16, bottom: 32 };

export interface ShipMark {
  id: string;
  /** YYYY-MM-DD. */
  at: string;
  label: string;
  /** Where the item lives (its ticket), if it has a link. */
  url?: string;
}

export interface ChartPoint {
  x: number;
  y: number;
  key: string;
  value: number;
}

export interface ChartTick {
  value: number;
  /** x for a period tick, y for a value tick. */
  at: number;
  label: string;
}

export interface PlacedMark extends ShipMark {
  x: number;
  key: string;
}

export interface ChartGeometry {
  box: ChartBox;
  points: ChartPoint[];
  /** Runs of consecutive periods, each an SVG polyline's `points`; a gap starts a new run. */
  runs: string[];
  /** Keys of the periods between the first and last value that have none. */
  gaps: string[];
  /** The y of the target line; null without a target. */
  targetY: number | null;
  valueTicks: ChartTick[];
  periodTicks: ChartTick[];
  /** Ship markers inside the charted periods; the rest are counted in `marksOutside`. */
  marks: PlacedMark[];
  marksOutside: number;
  /** The value axis' range after rounding to ticks. */
  min: number;
  max: number;
}

const VALUE_TICKS = 4;
const PERIOD_TICKS = 6;

/** A round step (1, 2 or 5 × 10^k) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const factor = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return factor * power;
}

/** The value range to draw: the data and the target, out to whole steps; a flat series gets room around it. */
export function valueRange(
  values: readonly number[],
  target: number | null,
): { min: number; max: number; step: number } {
  const all = target === null ? [...values] : [...values, target];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) {
    const room = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= room;
    hi += room;
  }
  const step = niceStep(hi - lo, VALUE_TICKS);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (abs >= 10_000) return `${+(n / 1000).toFixed(1)}k`;
  return String(+n.toFixed(4));
}

export function chartGeometry(
  series: readonly PeriodValue[],
  period: Period,
  target: number | null,
  ships: readonly ShipMark[] = [],
  box: ChartBox = CHART_BOX,
): ChartGeometry | null {
  if (series.length === 0) return null;
  const first = series[0]!.index;
  const last = series.at(-1)!.index;
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (index: number) =>
    first === last ? box.left + plotW / 2 : box.left + ((index - first) / (last - first)) * plotW;
  const { min, max, step } = valueRange(
    series.map((p) => p.value),
    target,
  );
  const y = (value: number) => box.top + (1 - (value - min) / (max - min)) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;

  const points = series.map((p) => ({ x: round(x(p.index)), y: round(y(p.value)), key: p.key, value: p.value }));
  const runs: string[] = [];
  const gaps: string[] = [];
  let run: string[] = [];
  series.forEach((p, i) => {
    const before = series[i - 1];
    if (before && p.index !== before.index + 1) {
      runs.push(run.join(' '));
      run = [];
      for (let missing = before.index + 1; missing < p.index; missing++) gaps.push(periodKeyOf(missing, period));
    }
    run.push(`${points[i]!.x},${points[i]!.y}`);
  });
  runs.push(run.join(' '));

  const valueTicks: ChartTick[] = [];
  for (let v = min; v <= max + step / 2; v += step) {
    const value = Math.round(v / step) * step;
    valueTicks.push({ value, at: round(y(value)), label: compact(value) });
  }
  const every = Math.max(1, Math.ceil((last - first + 1) / PERIOD_TICKS));
  const periodTicks: ChartTick[] = [];
  for (let index = first; index <= last; index += every) {
    periodTicks.push({ value: index, at: round(x(index)), label: periodKeyOf(index, period) });
  }

  const marks: PlacedMark[] = [];
  let marksOutside = 0;
  for (const ship of ships) {
    const index = periodIndex(ship.at, period);
    if (index < first || index > last) marksOutside += 1;
    else marks.push({ ...ship, x: round(x(index)), key: periodKeyOf(index, period) });
  }
  marks.sort((a, b) => a.x - b.x || a.label.localeCompare(b.label));

  return {
    box,
    points,
    runs,
    gaps,
    targetY: target === null ? null : round(y(target)),
    valueTicks,
    periodTicks,
    marks,
    marksOutside,
    min,
    max,
  };
}
