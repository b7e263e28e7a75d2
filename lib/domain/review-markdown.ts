/**
 * The weekly review as Markdown, to paste into Slack or Confluence: a pure function from
 * the review's data to text. Names come from users, so Markdown in them is escaped: a
 * metric called "a | b" must not break the table, nor "*new*" turn bold.
 */
import { formatChange, formatValue } from './format';
import { shortDate } from './period';
import { reviewTitle } from './review-period';
import type { Metric, MetricRole } from './types';
import type { ReviewRow, WeeklyReview } from './weekly-review';

const ROLE_LABELS: Record<MetricRole, string> = {
  nsm: 'North Star',
  input: 'input',
  team: 'team',
  output: 'output',
  health: 'health',
};

/** Backslash-escapes Markdown's inline marks and table pipes; folds line breaks into spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

const nameOf = (metric: Metric) => escapeMarkdown(metric.name) || 'Unnamed metric';

const withUnit = (value: number, unit: string) => formatValue(value, escapeMarkdown(unit));

function changeText(row: ReviewRow): string {
  return row.change === null ? '—' : formatChange(row.change, row.changeFraction, row.metric.unit);
}

function targetText(row: ReviewRow): string {
  if (row.target === null) return '—';
  const target = withUnit(row.target, row.metric.unit);
  return row.status === null ? target : `${target} (${row.status})`;
}

function tableRow(row: ReviewRow): string {
  const cells = [
    `${nameOf(row.metric)} (${ROLE_LABELS[row.metric.role]})`,
    row.key,
    row.value === null ? 'no value' : withUnit(row.value, row.metric.unit),
    changeText(row),
    targetText(row),
    row.trend ?? '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function anomalies(review: WeeklyReview): string[] {
  const flagged = review.rows.filter((r) => r.anomaly !== null);
  if (flagged.length === 0) return ['No metric moved outside its usual range.'];
  return flagged.map((r) => `- **${nameOf(r.metric)}**: ${r.anomaly?.message}`);
}

function shipped(review: WeeklyReview): string[] {
  if (review.shipped.length === 0) return ['', 'Nothing shipped.'];
  const lines: string[] = [];
  for (const group of review.shipped) {
    lines.push('', group.input ? `**${nameOf(group.input)}**` : '**Not linked to an input metric**');
    if (group.items.length === 0) lines.push('- nothing shipped');
    for (const { item, at } of group.items) {
      const keys = item.links.map((l) => escapeMarkdown(l.key)).join(', ');
      const title = escapeMarkdown(item.title) || 'Untitled item';
      lines.push(`- ${title}${keys ? ` (${keys})` : ''}, shipped ${shortDate(at)}`);
    }
  }
  return lines;
}

/** The week's notes as paragraphs: line breaks kept, each line escaped like any name. */
function notesLines(notes: string): string[] {
  const lines = notes.split('\n').map((line) => (line.trim() === '' ? '' : escapeMarkdown(line)));
  return ['', '## Notes', '', ...lines];
}

export function reviewMarkdown(review: WeeklyReview, notes = ''): string {
  const lines = [
    `# ${reviewTitle(review.period)}`,
    '',
    '| Metric | Period | Value | Change | Target | Trend |',
    '|---|---|---|---|---|---|',
    ...review.rows.map(tableRow),
    '',
    '## Unusual changes',
    '',
    ...anomalies(review),
    '',
    `## Shipped since ${shortDate(review.since, true)}`,
    ...shipped(review),
    ...(notes.trim() === '' ? [] : notesLines(notes.trim())),
  ];
  return `${lines.join('\n')}\n`;
}
