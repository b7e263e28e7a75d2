/** Medians, and the table the bench prints: one row per figure, its budget and PASS/MISS. */

export function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (v) =>
  v === null ? '—' : !Number.isFinite(v) ? 'timeout' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`;
export const kb = (v) => (v === null ? '—' : `${(v / 1024).toFixed(1)} KB`);
export const mb = (v) => (v === null ? '—' : `${(v / 1024 / 1024).toFixed(2)} MB`);

/** rows: { figure, ours, floor, budget, pass } (strings, pass boolean or null for information). */
export function renderTable(rows) {
  const header = ['figure', 'ours', 'floor', 'budget', 'result'];
  const cells = rows.map((r) => [
    r.figure,
    r.ours,
    r.floor ?? '',
    r.budget ?? '',
    r.pass === null || r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
