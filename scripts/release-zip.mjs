/**
 * `npm run zip`: the three files a release uploads, in .output/:
 *   north-star-lens-<version>-chrome.zip    the Chrome Web Store package (.output/chrome-mv3)
 *   north-star-lens-<version>-firefox.zip   the addons.mozilla.org package (.output/firefox-mv2)
 *   north-star-lens-<version>-sources.zip   the sources AMO asks for, to rebuild the Firefox package
 *
 * Only from a clean git tree: the sources zip takes the files on disk, so an edit not
 * committed, or a stray file, would ship in it. `--allow-dirty` skips that check, for
 * trying the script out, never for a release.
 *
 * Reproducible: the same sources, dependencies and Node give the same bytes. WXT's zip
 * already writes its entries in sorted order with no timestamp and no file modes, and the
 * build has no time or path in its output (docs/release.md has the measurements;
 * test/e2e/release.e2e.test.ts checks it on every run). The one change made here: WXT's
 * date 0 is no real day, so each entry gets 1 January 1980 instead.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withFixedDates } from './release-zip-format.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.output');

/**
 * Left out of the sources zip, on top of WXT's own exclusions (node_modules, .output,
 * dotfiles, *.test.ts): nothing here is needed to build. The test folder holds saved host
 * pages, some of them hostile on purpose (script in titles, booby-trapped links), which
 * would only puzzle a reviewer or a scanner; the screenshots are the README's pictures.
 */
const EXCLUDED_FROM_SOURCES = ['test/**', 'docs/screenshots/**'];

function uncommittedChanges() {
  const args = ['status', '--porcelain', '--untracked-files=all'];
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function main() {
  // A NODE_ENV left in the shell (vitest sets `test`) makes Vite build Preact's JSX in its
  // development form, twice the size with every source line in it: a release is always a
  // production build, whatever the shell says. Set before WXT, and so Vite, is loaded.
  process.env.NODE_ENV = 'production';
  const { zip } = await import('wxt');
  if (!process.argv.includes('--allow-dirty')) {
    const dirty = uncommittedChanges();
    if (dirty) {
      console.error(`npm run zip packs what is committed: commit or stash these first.\n${dirty}`);
      process.exit(1);
    }
  }
  // Zips of an earlier version would sit beside the new ones and could be uploaded by mistake.
  for (const name of readdirSafe(OUT)) if (name.endsWith('.zip')) rmSync(join(OUT, name));

  const files = [
    ...(await zip({ root: ROOT, browser: 'chrome', logger: quietLogger() })),
    ...(await zip({
      root: ROOT,
      browser: 'firefox',
      logger: quietLogger(),
      zip: { zipSources: true, excludeSources: EXCLUDED_FROM_SOURCES },
    })),
  ];
  for (const file of files) writeFileSync(file, withFixedDates(readFileSync(file)));
  for (const file of files) console.log(`${sha256(file)}  ${file.slice(ROOT.length + 1)}`);
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** WXT's file lists and notices would bury the three lines that matter; its warnings still show. */
function quietLogger() {
  const quiet = () => undefined;
  const { warn, error } = console;
  return { debug: quiet, log: quiet, info: quiet, success: quiet, warn, error, fatal: error, level: 0 };
}

await main();
