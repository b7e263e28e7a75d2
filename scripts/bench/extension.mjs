/**
 * The two extensions under test, as the bench loads them: ours, built from this checkout
 * into a directory of its own (so a build running elsewhere in the checkout cannot change
 * it mid-run), and the floor. Each is a copy with the bench's probe added; ours also gets
 * the service-worker timer. What ships is measured for size before any of that is added.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { BENCH_DIR, ROOT } from './paths.mjs';
import { buildFloor } from './floor.mjs';

const PROBE_FILE = 'bench-probe.js';
export const BRIDGE_PAGE = 'bench.html';

/**
 * A production build, as `wxt build` makes it; in a child process so its spinner stays out of the table.
 * `minify: false` keeps function names, for reading a CPU profile (scripts/bench/file-import.mjs).
 */
export async function buildOurs(workDir, { minify = true } = {}) {
  const outDir = join(workDir, 'build');
  // A file rather than `-e`: the minifier's worker threads inherit node's flags, and
  // `--input-type=module` would make them ES modules without `require`.
  const script = join(workDir, 'build.mjs');
  const wxt = import.meta.resolve('wxt');
  await writeFile(
    script,
    `import(${JSON.stringify(wxt)}).then((wxt) => wxt.build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}${minify ? '' : ', vite: () => ({ build: { minify: false } })'} }))`,
  );
  try {
    await promisify(execFile)(process.execPath, [script], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (failure) {
    throw new Error(`the extension did not build:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
  return join(outDir, 'chrome-mv3');
}

/** Raw and gzip bytes of every script and stylesheet the manifest injects into a page. */
export async function contentScriptSize(extensionDir) {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  let raw = 0;
  let gzip = 0;
  const files = manifest.content_scripts.flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
  for (const file of files) {
    const bytes = await readFile(join(extensionDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

/** Raw and gzip bytes of one file of the build (the open panel's code, injected on demand). */
export async function fileSize(extensionDir, file) {
  const bytes = await readFile(join(extensionDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Where our content scripts are injected, and when the one that shows the panel is (the
 * early request that goes ahead of it at document_start shows nothing): the floor, which
 * shows its component as soon as it runs, is injected there and then.
 */
export async function contentScriptInjection(extensionDir) {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const matches = [...new Set(manifest.content_scripts.flatMap((cs) => cs.matches))];
  const overlay = manifest.content_scripts.find((cs) =>
    (cs.js ?? []).some((file) => file.split('/').pop() === 'overlay.js'),
  );
  return { matches, runAt: overlay?.run_at ?? 'document_idle' };
}

export async function buildFloorExtension(workDir, { matches, runAt }) {
  return buildFloor(join(workDir, 'floor'), matches, runAt);
}

/** A copy of `extensionDir` with the probe (and, when it has a worker, the timer) added. */
export async function instrumented(extensionDir, copyDir) {
  await cp(extensionDir, copyDir, { recursive: true });
  const manifestPath = join(copyDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const matches = [...new Set(manifest.content_scripts.flatMap((cs) => cs.matches))];
  await cp(join(BENCH_DIR, 'probe.js'), join(copyDir, PROBE_FILE));
  // First among the scripts that show UI, so it sees every shadow root they make; after
  // any that only send a request at document_start, so it does not delay that request.
  const quiet = manifest.content_scripts.filter((cs) => cs.run_at === 'document_start');
  const showing = manifest.content_scripts.filter((cs) => cs.run_at !== 'document_start');
  manifest.content_scripts = [...quiet, { matches, run_at: 'document_start', js: [PROBE_FILE] }, ...showing];
  const worker = manifest.background?.service_worker;
  if (worker) {
    const timer = await readFile(join(BENCH_DIR, 'sw-timer.js'), 'utf8');
    const script = await readFile(join(copyDir, worker), 'utf8');
    await writeFile(join(copyDir, worker), `${timer}\n${script}`);
    // A blank extension page to send requests from, as the dashboard does, without
    // the dashboard's own reads competing with what is measured.
    await writeFile(join(copyDir, BRIDGE_PAGE), '<!doctype html><title>bench</title>');
  }
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copyDir;
}
