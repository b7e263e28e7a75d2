/**
 * The built content script, as a page of a supported site loads it (`npx wxt build` first, as
 * for every browser test). A page's badges are asked for batch by batch of its own links,
 * whatever the page: no request for the workspace's badges is in the script every page loads.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BUILD = resolve(__dirname, '../../.output/chrome-mv3');
const bundle = (file: string) => readFileSync(join(BUILD, file), 'utf8');

describe('the content script asks about its own links, on any page', () => {
  it('asks for badges only by href and by link', () => {
    const badgeRequests = new Set(bundle('overlay.js').match(/badges\.[a-zA-Z]+/g));
    expect(badgeRequests).toEqual(new Set(['badges.forHrefs', 'badges.lookup']));
  });
});
