/**
 * The built content script, as a page of a supported site loads it (`npx wxt build` first, as
 * for every browser test). A page's badges are asked for batch by batch of its own links,
 * whatever the page: the sites' list-page patterns (lib/sites/list-pages.ts) are in no byte of
 * the script every page loads, and no request for the workspace's badges is.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LIST_PAGES } from '../../lib/sites/list-pages';

const BUILD = resolve(__dirname, '../../.output/chrome-mv3');
const bundle = (file: string) => readFileSync(join(BUILD, file), 'utf8');

/** A pattern as a bundle can hold it: a regular-expression literal, or the string given to RegExp. */
const written = (pattern: RegExp) => [pattern.source, pattern.source.replaceAll('\\/', '/')];

describe('the content script asks about its own links, on any page', () => {
  const patterns = Object.entries(LIST_PAGES);

  it('holds none of the sites’ list-page patterns, and asks for badges only by href and by link', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(7);
    const overlay = bundle('overlay.js');
    const badgeRequests = new Set(overlay.match(/badges\.[a-zA-Z]+/g));
    expect(badgeRequests).toEqual(new Set(['badges.forHrefs', 'badges.lookup']));
    for (const [site, pattern] of patterns) {
      expect(
        written(pattern!).some((text) => overlay.includes(text)),
        `${site} in overlay.js`,
      ).toBe(false);
    }
  });
});
