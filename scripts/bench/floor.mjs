/**
 * The floor: the least an extension of this kind can cost a page. One content script,
 * injected where ours is and when ours is (the same matches and run_at), mounting an
 * empty Preact + signals component in a closed shadow root. Built here, from source, with
 * the same bundler settings a production build uses (minified, one IIFE), so its size and
 * its time to first render are what every figure of ours is compared with.
 */
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const FLOOR_SOURCE = `
import { h, render } from 'preact';
import { signal } from '@preact/signals';

const label = signal('');
const Floor = () => h('div', { 'data-testid': 'pill', 'data-bench-floor': '' }, label.value);

const host = document.createElement('north-star-floor');
const shadow = host.attachShadow({ mode: 'closed' });
const container = document.createElement('div');
shadow.append(container);
document.documentElement.append(host);
render(h(Floor, null), container);
`;

/** Builds the floor extension into `dir`, injected where (`matches`) and when (`runAt`) ours is. */
export async function buildFloor(dir, matches, runAt) {
  await mkdir(join(dir, 'content-scripts'), { recursive: true });
  const entry = join(dir, 'floor-source.js');
  await writeFile(entry, FLOOR_SOURCE);
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    outfile: join(dir, 'content-scripts', 'floor.js'),
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  const manifest = {
    manifest_version: 3,
    name: 'Bench floor',
    version: '1.0.0',
    content_scripts: [{ matches, run_at: runAt, js: ['content-scripts/floor.js'] }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
