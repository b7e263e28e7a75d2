#!/usr/bin/env node
/**
 * Time to panel of two or more builds and the floor, interleaved load by load in the same
 * minutes: on a shared machine whose load moves from one minute to the next, only loads
 * taken side by side compare builds (docs/benchmarks.md, round 11). Each build is an
 * unpacked Chromium extension already built (`npx wxt build` in a worktree of each branch,
 * or `.output/chrome-mv3` copied aside); the floor is injected where and when the first
 * build's overlay is.
 *
 *   node scripts/bench/time-to-panel-ab.mjs main=/tmp/main/chrome-mv3 mine=.output/chrome-mv3 \
 *     [--runs 20] [--pages quiet,busy] [--json out.json]
 *
 * Prints every round (one load of each build, the order turning round by round, with the
 * machine's load average), then per page and build the median, its ratio to the floor's
 * median, and against the first build how many rounds each was faster in.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { buildFloorExtension, contentScriptInjection, instrumented } from './extension.mjs';
import { importStaged, stageWorkspace, timeToPanel } from './measure.mjs';
import { BUSY_TICKET, HOST_WORK_MS, busyTicketUrl, ticketPage, ticketUrl } from './pages.mjs';
import { median } from './table.mjs';
import { benchWorkspace, pillFor } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Math.max(2, Number(option('runs', 20)));
const PAGES = option('pages', 'quiet,busy').split(',');
const JSON_OUT = option('json', null);
const builds = args.filter((arg) => arg.includes('=') && !arg.startsWith('--')).map((arg) => arg.split('='));
if (builds.length < 1) throw new Error('name at least one build: name=/path/to/chrome-mv3');

const WORKSPACE_FILE = 'bench-workspace.json';
const expect = pillFor(0);
const urlOf = { quiet: ticketUrl(1), busy: busyTicketUrl(1) };
const work = await mkdtemp(join(tmpdir(), 'nsl-ttp-ab-'));
const browsers = {};
try {
  const serve = (browser) => {
    browser.serve(/\/browse\/BENCH-\d+$/, (url) => ticketPage(url, expect));
    browser.serve(BUSY_TICKET, (url) => ticketPage(url, expect, { hostWorkMs: HOST_WORK_MS }));
    return browser;
  };
  for (const [name, dir] of builds) {
    const copy = await instrumented(dir, join(work, name));
    await writeFile(join(copy, WORKSPACE_FILE), JSON.stringify(benchWorkspace()));
    browsers[name] = serve(await launchBrowser(copy));
    await stageWorkspace(browsers[name], WORKSPACE_FILE);
    await importStaged(browsers[name]);
  }
  const floor = await buildFloorExtension(work, await contentScriptInjection(builds[0][1]));
  browsers.floor = serve(await launchBrowser(await instrumented(floor, join(work, 'floor-copy'))));
  const names = Object.keys(browsers);

  const rounds = [];
  for (const page of PAGES) {
    for (let i = 0; i < 2; i++) for (const name of names) await timeToPanel(browsers[name], 1, expect, urlOf[page]);
    for (let i = 0; i < RUNS; i++) {
      const round = { page, load: loadavg()[0] };
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + i) % names.length];
        round[name] = await timeToPanel(browsers[name], 1, expect, urlOf[page]);
      }
      rounds.push(round);
      const each = names.map((name) => `${name} ${round[name].ms.toFixed(1)}`).join(' | ');
      console.log(`${page} ${i + 1}/${RUNS} (load ${round.load.toFixed(1)}): ${each}`);
    }
  }

  for (const page of PAGES) {
    const here = rounds.filter((round) => round.page === page);
    const floorMs = median(here.map((round) => round.floor.ms));
    for (const name of names) {
      const ms = median(here.map((round) => round[name].ms));
      const paint = median(here.map((round) => round[name].firstPaint));
      const first = names[0];
      const faster = name === first || name === 'floor' ? '' : here.filter((r) => r[name].ms < r[first].ms).length;
      console.log(
        `${page} ${name}: ${ms.toFixed(1)} ms = ${(ms / floorMs).toFixed(2)}× the floor; first paint ${paint.toFixed(1)} ms` +
          (faster === '' ? '' : `; faster than ${first} in ${faster} of ${here.length} rounds`),
      );
    }
  }
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(rounds, null, 1));
} finally {
  for (const browser of Object.values(browsers)) await browser.close();
  await rm(work, { recursive: true, force: true });
}
