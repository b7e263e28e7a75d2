/**
 * A metric's amber band as typed in its thresholds editor: a percentage of the target
 * ("10", "10%", "2.5 %"), stored as a fraction (0.1). Says what is wrong with impossible
 * text, so nothing invalid is sent.
 */
import { formatNumber } from './format';
import type { MetricThresholds } from './loop-types';
import { amberWithinProblem } from './metric-status';
import { parseNumberText } from './number-text';

/** 0.1 -> "10": how a stored band is shown in its field. */
export function amberWithinText(amberWithin: number): string {
  return String(+(amberWithin * 100).toFixed(6));
}

/** The typed band as a fraction; null when it is not a readable percentage. */
export function amberWithinValue(text: string): number | null {
  if (text.trim() === '') return null;
  const percent = parseNumberText(text);
  return percent === null ? null : percent / 100;
}

/** Why the typed band cannot be stored; null when it can. */
export function amberWithinTextProblem(text: string): string | null {
  const value = amberWithinValue(text);
  if (value === null) return 'Type the amber band as a percentage of the target, like 10';
  return amberWithinProblem(value);
}

/**
 * The rule in words, for beside the editor: "Green at 52,000 or more; amber from 46,800;
 * red below that." Without a target it says one is needed.
 */
export function thresholdSentence(
  target: number | null,
  rule: Pick<MetricThresholds, 'direction' | 'amberWithin'>,
): string {
  if (target === null) return 'Set a target to get a red, amber or green status.';
  const band = rule.amberWithin * Math.abs(target);
  if (rule.direction === 'up') {
    return `Green at ${formatNumber(target)} or more; amber from ${formatNumber(target - band)}; red below that.`;
  }
  return `Green at ${formatNumber(target)} or less; amber up to ${formatNumber(target + band)}; red above that.`;
}
