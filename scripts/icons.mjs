/**
 * Rasterises the icon's SVG sources (design/icon/) into the PNGs WXT puts in both
 * manifests (public/icon/<size>.png). The PNGs are committed, so a build never needs this
 * script: run it after changing an SVG, look at the result, and commit both.
 *
 *   node scripts/icons.mjs           writes public/icon/*.png
 *   node scripts/icons.mjs --check   fails if a committed PNG differs from its SVG's rendering
 *
 * Needs rsvg-convert (Debian: `apt-get install librsvg2-bin`). Its output has no timestamp,
 * so the same SVG and the same librsvg give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'design/icon');
const OUT = join(ROOT, 'public/icon');

/**
 * Toolbar sizes (16, 24, 32: Chrome's 1x, 1.5x and 2x, Firefox's 1x and 2x) come from the
 * drawing made on a 16 px grid, which stays sharp there; the larger ones, shown on the
 * extensions page, the install dialog and the stores, from the detailed drawing.
 */
export const ICONS = [
  { size: 16, source: 'icon-small.svg' },
  { size: 24, source: 'icon-small.svg' },
  { size: 32, source: 'icon-small.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 96, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
];

function render(source, size, target) {
  const side = String(size);
  execFileSync('rsvg-convert', ['--width', side, '--height', side, '--output', target, join(SOURCES, source)]);
}

function main() {
  try {
    execFileSync('rsvg-convert', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('rsvg-convert is missing: on Debian, apt-get install librsvg2-bin');
    process.exit(1);
  }
  const check = process.argv.includes('--check');
  const dir = check ? mkdtempSync(join(tmpdir(), 'nsl-icons-')) : OUT;
  const stale = [];
  mkdirSync(dir, { recursive: true });
  try {
    for (const { size, source } of ICONS) {
      const target = join(dir, `${size}.png`);
      render(source, size, target);
      if (check && !readFileSync(target).equals(readFileSync(join(OUT, `${size}.png`)))) stale.push(`${size}.png`);
    }
  } finally {
    if (check) rmSync(dir, { recursive: true, force: true });
  }
  if (stale.length > 0) {
    console.error(`public/icon/ is not what design/icon/ renders to: ${stale.join(', ')}. Run node scripts/icons.mjs.`);
    process.exit(1);
  }
  console.log(check ? 'public/icon/ matches design/icon/' : `wrote ${ICONS.length} icons to public/icon/`);
}

main();
