/**
 * The adversarial suite's figures (payloads tried, messages refused, files rejected...),
 * written to test-results/security-figures.json as the tests run, so the numbers quoted
 * in docs/security-figures.md come from a run rather than from memory.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const FILE = resolve(__dirname, '../../test-results/security-figures.json');

export function recordFigure(name: string, value: number | string | Record<string, number>): void {
  const figures: Record<string, unknown> = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>)
    : {};
  figures[name] = value;
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, `${JSON.stringify(figures, null, 2)}\n`);
}
