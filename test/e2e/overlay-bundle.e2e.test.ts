/**
 * The built content script, as a page of a supported site loads it (`npx wxt build` first, as
 * for every browser test). Which pages are lists and boards is the background's to decide
 * (lib/sites/list-pages.ts, asked through `badges.index`): the sites' list-page patterns
 * belong in the worker's bundle and in no byte of the script every page loads.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LIST_PAGES } from '../../lib/sites/list-pages';

const BUILD = resolve(__dirname, '../../.output/chrome-mv3');
const bundle = (file: string) => readFileSync(join(BUILD, file), 'utf8');

/** A pattern as a bundle can hold it: a regular-expression literal, or the string given to RegExp. */
const written = (pattern: RegExp) => [pattern.source, pattern.source.replaceAll('\\/', '/')];

describe('the content script leaves the list-page decision to the background', () => {
  const patterns = Object.entries(LIST_PAGES);

  it('holds none of the sites’ list-page patterns, which the background holds, every one', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(7);
    const worker = bundle('background.js');
    const overlay = bundle('overlay.js');
    for (const [site, pattern] of patterns) {
      expect(
        written(pattern!).some((text) => worker.includes(text)),
        `${site} in background.js`,
      ).toBe(true);
      expect(
        written(pattern!).some((text) => overlay.includes(text)),
        `${site} in overlay.js`,
      ).toBe(false);
    }
  });
});
