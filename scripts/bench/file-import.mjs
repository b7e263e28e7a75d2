#!/usr/bin/env node
/**
 * Just the import of a workspace file (issue 20's "import under 5 s at 100,000 items"),
 * without the rest of `--only scale`: the generated file of each size imported into an
 * empty workspace as the dashboard does (the file handed to the worker, then one
 * `workspace.importFile` replacing the workspace), in a fresh browser each time; the
 * page's time (the figure) and the worker's.
 *
 *   node scripts/bench/file-import.mjs [--sizes 10000,100000] [--runs 3] [--ext DIR]... [--ext-parts DIR]...
 *     [--profile DIR] [--unminified]
 *
 * --ext DIR   an unpacked build to measure (repeat for an A/B: e.g. this checkout's
 *             `.output/chrome-mv3` and main's, built in a worktree of its own); the runs
 *             alternate between them, so every build sees the same minutes of a busy
 *             machine. Without it, this checkout is built into a temporary directory.
 * --ext-parts DIR  the same for a build that takes the file only as text in parts
 *             (`workspace.filePart`: main before round 12).
 * --profile DIR  also records a CPU profile of the service worker during each import
 *             (DevTools protocol), writes it to DIR and prints where the time went. Profile a
 *             build made without minifying (`--unminified`) to read function names.
 * --unminified   builds this checkout without minifying (with --profile, and no --ext).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { buildOurs, instrumented } from './extension.mjs';
import { seed, workspaceFile } from './scale.mjs';
import { median, ms } from './table.mjs';
import { workerSession } from './worker-session.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const all = (name) => args.flatMap((arg, at) => (arg === `--${name}` ? [args[at + 1]] : []));
const SIZES = option('sizes', '10000,100000').split(',').map(Number);
const RUNS = Number(option('runs', 3));
const PROFILE_DIR = option('profile', null);
const log = (text) => process.stderr.write(`${text}\n`);

/** The import's requests in one fresh browser, with a CPU profile of the worker when asked. */
async function importOnce(extensionDir, file, profileTo, post) {
  const browser = await launchBrowser(extensionDir);
  try {
    const profiler = profileTo ? await startProfile(browser) : null;
    const times = await seed(browser, file, { post });
    if (profiler) {
      const profile = await profiler.stop();
      await writeFile(profileTo, JSON.stringify(profile));
      log(selfTimes(profile));
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function startProfile(browser) {
  const session = await workerSession(browser);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const reply = await session.send('Profiler.stop');
      await session.close();
      return reply.result.profile;
    },
  };
}

/** The profile's self time by function (and the runtime's own: GC, idle, program), largest first. */
function selfTimes(profile, top = 30) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (const [i, id] of profile.samples.entries()) {
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `  profile: ${ms(total)} sampled`,
    ...rows.map(([name, t]) => `  ${ms(t).padStart(10)}  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`),
  ].join('\n');
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'nsl-file-import-'));
  try {
    let builds = [
      ...all('ext').map((dir) => ({ dir, post: true })),
      ...all('ext-parts').map((dir) => ({ dir, post: false })),
    ];
    if (builds.length === 0) {
      log('building this checkout…');
      builds = [{ dir: await buildOurs(work, { minify: !args.includes('--unminified') }), post: true }];
    }
    if (PROFILE_DIR) await mkdir(PROFILE_DIR, { recursive: true });
    const results = [];
    for (const items of SIZES) {
      const { text, metrics, observations } = workspaceFile(items);
      log(
        `${items} items, ${metrics} metrics, ${observations} observations: ${(text.length / 2 ** 20).toFixed(1)} MiB`,
      );
      const copies = [];
      for (const [b, build] of builds.entries()) {
        const dir = await instrumented(build.dir, join(work, `copy-${items}-${b}`));
        await writeFile(join(dir, 'bench-file.json'), text);
        copies.push(dir);
      }
      const runs = builds.map(() => []);
      for (let run = 0; run < RUNS; run++) {
        for (const [b, dir] of copies.entries()) {
          const profileTo = PROFILE_DIR && join(PROFILE_DIR, `import-${items}-build${b}-run${run}.cpuprofile`);
          const times = await importOnce(dir, 'bench-file.json', profileTo, builds[b].post);
          runs[b].push(times);
          const parts = times.parts.reduce((a, t) => a + t, 0);
          log(
            `  ${builds[b].dir} run ${run + 1}: worker: parts ${ms(parts)}, import ${ms(times.commit)}; page: read ${ms(times.page.read)}, send ${ms(times.page.send)}, import ${ms(times.page.import)}`,
          );
        }
      }
      results.push({ items, runs });
    }
    console.log(`\nworkspace file import: page time from handing the file over to the import's answer`);
    console.log(`(median of ${RUNS}; each run's worker time of the import in brackets); ${new Date().toISOString()}`);
    for (const { items, runs } of results) {
      for (const [b, build] of builds.entries()) {
        const total = median(runs[b].map((t) => t.page.send + t.page.import));
        const list = runs[b].map((t) => `${ms(t.page.send + t.page.import)} (${ms(t.commit)})`).join(', ');
        console.log(`${String(items).padStart(7)} items  ${ms(total).padStart(10)}  ${list}  ${build.dir}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((failure) => {
  console.error(failure);
  process.exit(1);
});
