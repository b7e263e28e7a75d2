/**
 * A metric's editable fields as typed in a form: text fields as they are, leverage and
 * target as numbers, source URLs one per line. Converts typed text to a stored patch and
 * says what is wrong with a value, so nothing invalid is sent.
 */
import { parseFieldNumber } from './number-text';
import type { Metric } from './types';

export const METRIC_TEXT_FIELDS = [
  'name',
  'definition',
  'unit',
  'ownerTeam',
  'leverage',
  'target',
  'sourceUrls',
] as const;
export type MetricTextField = (typeof METRIC_TEXT_FIELDS)[number];
export type MetricText = Partial<Record<MetricTextField, string>>;
export type MetricTextPatch = Partial<Pick<Metric, MetricTextField>>;

export function metricFieldText(metric: Metric, field: MetricTextField): string {
  switch (field) {
    case 'leverage':
      return String(metric.leverage);
    case 'target':
      return metric.target === null ? '' : String(metric.target);
    case 'sourceUrls':
      return metric.sourceUrls.join('\n');
    default:
      return metric[field];
  }
}

function urlsOf(text: string): string[] {
  return text.split(/\s+/).filter((u) => u !== '');
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function metricFieldProblem(field: MetricTextField, text: string): string | null {
  switch (field) {
    case 'name':
      return text.trim() === ''
        ? 'A metric needs a name'
        : text.length > 500
          ? 'Keep the name under 500 characters'
          : null;
    case 'leverage': {
      const parsed = parseFieldNumber(text);
      if (!parsed.ok || parsed.value === null)
        return 'Leverage is a number: 1 is normal, 2 moves the North Star twice as much';
      return parsed.value < 0 || parsed.value > 100 ? 'Leverage must be between 0 and 100' : null;
    }
    case 'target':
      return parseFieldNumber(text).ok ? null : 'Type a number, or leave it empty for no target';
    case 'sourceUrls': {
      const bad = urlsOf(text).find((u) => !isHttpUrl(u));
      return bad ? `"${bad}" is not a web address (https://…)` : null;
    }
    default:
      return text.length > 10_000 ? 'This is too long' : null;
  }
}

/** The stored value for a field's text; only call it for text without a problem. */
export function metricFieldValue(field: MetricTextField, text: string): MetricTextPatch {
  switch (field) {
    case 'leverage': {
      const parsed = parseFieldNumber(text);
      return { leverage: parsed.ok && parsed.value !== null ? parsed.value : 1 };
    }
    case 'target': {
      const parsed = parseFieldNumber(text);
      return { target: parsed.ok ? parsed.value : null };
    }
    case 'sourceUrls':
      return { sourceUrls: urlsOf(text) };
    case 'name':
      return { name: text.trim() };
    default:
      return { [field]: text };
  }
}

/** The metric with every valid typed value laid over it: what the lints read while typing. */
export function applyMetricText(metric: Metric, text: MetricText): Metric {
  let out = metric;
  for (const field of METRIC_TEXT_FIELDS) {
    const typed = text[field];
    if (typed === undefined || metricFieldProblem(field, typed) !== null) continue;
    out = { ...out, ...metricFieldValue(field, typed) };
  }
  return out;
}
