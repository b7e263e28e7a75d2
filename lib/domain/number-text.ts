/**
 * Reads a number the way people write it on analytics pages and in forms:
 * "1,234", "12.5k", "€1.2M", "45%", "−3", "1 234". Returns null when the text holds no
 * single readable number, rather than guessing.
 */
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

export function parseNumberText(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[^\d\-+.]+/, '')
    .replace(/%$/, '');
  const match = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(k|m|b|bn)?$/i.exec(cleaned);
  if (!match || (match[2] === '' && !match[3])) return null;
  const [, sign, whole, fraction = '', suffix] = match;
  const value =
    Number(`${sign}${(whole ?? '').replace(/,/g, '') || '0'}${fraction}`) *
    (suffix ? SUFFIX[suffix.toLowerCase()]! : 1);
  return Number.isFinite(value) ? value : null;
}

/** A form field's text as a number: empty means "not estimated" (null), junk means invalid. */
export function parseFieldNumber(text: string): { ok: true; value: number | null } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseNumberText(text);
  return value === null ? { ok: false } : { ok: true, value };
}
