/**
 * Numbers as people read them in a badge or a table: short, stable, never "NaN".
 * English formatting, like every other word the extension shows.
 */

/** Shown in place of a number that does not exist (NaN, Infinity). */
export const NO_NUMBER = '—';

const SCALE_SUFFIXES = ['', 'k', 'M', 'B', 'T'] as const;

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** 4.2e18, 2.5e-6, 1e15: for scores beyond the range suffixes and decimals read well. */
function exponent(abs: number): string {
  return abs.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
}

function withSign(n: number, formatAbs: (abs: number) => string): string {
  if (!Number.isFinite(n)) return NO_NUMBER;
  const text = formatAbs(Math.abs(n));
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * A score in at most about four characters: 1234.5 -> "1.2k", 2 500 000 -> "2.5M",
 * 12.345 -> "12.3", 0.5 -> "0.5"; below 1, two significant digits (0.0123 -> "0.012");
 * beyond trillions or below a thousandth, exponent notation (4.2e18).
 */
export function formatScore(n: number): string {
  return withSign(n, (abs) => {
    if (abs === 0) return '0';
    if (abs < 0.001) return exponent(abs);
    if (abs < 1) return trimZeros(abs.toPrecision(2));
    let value = abs;
    let scale = 0;
    // Rounding decides the suffix, so 999.96 reads "1k", not "1000".
    while (scale < SCALE_SUFFIXES.length - 1 && Number(value.toFixed(1)) >= 1000) {
      value /= 1000;
      scale += 1;
    }
    if (Number(value.toFixed(1)) >= 1000) return exponent(abs);
    return `${trimZeros(value.toFixed(1))}${SCALE_SUFFIXES[scale]}`;
  });
}

let numberFormat: Intl.NumberFormat | null = null;

/**
 * Made on first use, not when the module loads: building a NumberFormat loads ICU data,
 * 20 to 40 ms in a fresh tab, which the content script would otherwise pay on every page
 * load even when the collapsed pill shows no such number.
 */
function englishNumbers(): Intl.NumberFormat {
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numberFormat;
}

/** A full number with thousands separators and at most two decimals: 1234.567 -> "1,234.57". */
export function formatNumber(n: number): string {
  return withSign(n, (abs) => englishNumbers().format(abs));
}

/**
 * A fraction as a whole percentage: 0.25 -> "25%". A share that is there but tiny reads
 * "<1%" and an almost-whole one ">99%", so neither looks like exactly none or all.
 */
export function formatPercent(fraction: number): string {
  return withSign(fraction, (abs) => {
    const percent = abs * 100;
    if (percent === 0) return '0%';
    if (percent < 0.5) return '<1%';
    if (percent >= 99.5 && percent < 100) return '>99%';
    return `${englishNumbers().format(Math.round(percent))}%`;
  });
}

/** A value as its metric reads: "30%" for a unit of %, "1,200 bookings", or the number alone. */
export function formatValue(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '%') return `${formatNumber(value)}%`;
  return u ? `${formatNumber(value)} ${u}` : formatNumber(value);
}

/**
 * A change between two values, with its relative size: "+1,200 (+3%)". For a metric in %
 * the difference is in percentage points ("+6.4 pts (+28%)"): "+6.4" beside a value of
 * "29.1%" reads as a relative change, and "+6.4%" would be one.
 */
export function formatChange(change: number, fraction: number | null, unit: string): string {
  const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);
  const points = unit.trim() === '%' ? ' pts' : '';
  const absolute = `${signed(formatNumber(change), change)}${points}`;
  return fraction === null ? absolute : `${absolute} (${signed(formatPercent(fraction), fraction)})`;
}
