#!/usr/bin/env node
/**
 * The dashboard backlog's first screen and its search, for two or more builds, interleaved
 * open by open in the same minutes (on a shared machine only runs taken side by side
 * compare builds: docs/benchmarks.md, round 11). Each build gets a browser of its own
 * seeded with the scale bench's workspace of `--size` items (scale.mjs); then, round by
 * round, each build's dashboard is opened on the backlog (warm: the worker holds its copy;
 * `--cold`: the worker is stopped first) and the page's clock gives:
 * - first row: open → the frame with the backlog's first row drawn (dashboard.mjs's mark);
 * - every item: open → no "Loading … items" left;
 * - first page asked / answered: the first `snapshot.get` sent and its answer in the page,
 *   and the worker's own time for it (sw-timer.js);
 * - search: a keystroke narrowing to a few rows, and clearing it, each → its frame drawn.
 *
 * `--worker` times the worker alone instead (from the bench's bridge page, no dashboard):
 * the backlog's first page (1,000 items) after every page was read and one item retagged,
 * and after a worker stop (the copy read again from IndexedDB).
 *
 *   node scripts/bench/first-screen-ab.mjs main=/tmp/main/chrome-mv3 mine=.output/chrome-mv3 \
 *     [--size 100000] [--runs 5] [--cold] [--worker]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { instrumented } from './extension.mjs';
import { coldWorkerTime, workerTime } from './measure.mjs';
import { seed, workspaceFile } from './scale.mjs';
import { median } from './table.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZE = Number(option('size', 100_000));
const RUNS = Number(option('runs', 5));
const COLD = args.includes('--cold');
const WORKER = args.includes('--worker');
const builds = args.filter((arg) => arg.includes('=') && !arg.startsWith('--')).map((arg) => arg.split('='));
if (builds.length < 1) throw new Error('name at least one build: name=/path/to/chrome-mv3');

/** Before the dashboard's scripts: the first row's and every item's frames, and the first snapshot.get's round trip. */
function recordFromTheStart() {
  const drawn = (name) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  let firstRow = false;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.backlog-list .backlog-row')) return;
    if (!firstRow) drawn('ab:first-row');
    firstRow = true;
    if (document.querySelector('.items-loading')) return;
    observer.disconnect();
    drawn('ab:every-item');
  });
  observer.observe(document, { childList: true, subtree: true });
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  let first = true;
  chrome.runtime.sendMessage = (message, ...rest) => {
    const mine = first && message?.type === 'snapshot.get';
    if (mine) {
      first = false;
      performance.mark('ab:first-asked');
    }
    const answer = send(message, ...rest);
    if (mine) answer.then(() => performance.mark('ab:first-answered'));
    return answer;
  };
}

function changeField({ selector, value, event }) {
  const field = document.querySelector(selector);
  return new Promise((resolve) => {
    const start = performance.now();
    field.value = value;
    field.dispatchEvent(new Event(event, { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MARKS = ['ab:first-asked', 'ab:first-answered', 'ab:first-row', 'ab:every-item'];

async function openOnce(browser, round) {
  if (COLD) {
    await browser.stopServiceWorker();
  }
  await browser.workerTimes().catch(() => []);
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(recordFromTheStart);
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#backlog`);
    await page.waitForFunction(() => performance.getEntriesByName('ab:every-item').length > 0, null, {
      timeout: 300_000,
    });
    const marks = await page.evaluate(
      (names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])),
      MARKS,
    );
    const times = await browser.workerTimes();
    const snapshots = times.filter((t) => t.type === 'snapshot.get').map((t) => t.ms);
    await sleep(300);
    const search = [];
    for (const value of [`idea ${(round % 9) + 1}1`, '']) {
      search.push(await page.evaluate(changeField, { selector: '#filter-text', value, event: 'input' }));
    }
    return { marks, firstWorker: snapshots[0] ?? null, pages: snapshots.length, search };
  } finally {
    await page.close();
  }
}

const FIRST_PAGE = { type: 'snapshot.get', itemsFrom: 0, itemsLimit: 1000 };

/** The worker's time for the first page after a retag, and after a worker stop. */
async function workerOnce(browser, round) {
  // Every page first, as the dashboard reads them after opening.
  const first = await browser.call(FIRST_PAGE);
  for (let page = first; page.itemsEnd; ) {
    page = await browser.call({ type: 'snapshot.get', itemsAfter: page.itemsEnd, itemsLimit: 10_000 });
  }
  const { items } = first;
  const retagged = items[(round * 7) % items.length];
  await browser.call({ type: 'item.update', id: retagged.id, patch: { rice: { reach: 1 + ((round * 37) % 900) } } });
  const afterWrite = await workerTime(browser, FIRST_PAGE);
  const afterStop = await coldWorkerTime(browser, FIRST_PAGE);
  return { afterWrite, afterStop };
}

async function workerRounds(names) {
  const results = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const r = await workerOnce(browsers[name], round);
      results[name].push(r);
      console.log(
        `round ${round + 1} ${name.padEnd(8)} load ${loadavg()[0].toFixed(1).padStart(5)} ` +
          `first page after a retag ${r.afterWrite.toFixed(1)} ms, after a worker stop ${r.afterStop.toFixed(1)} ms`,
      );
    }
  }
  console.log(`\nmedians, worker time, ${SIZE.toLocaleString('en')} items, ${RUNS} rounds`);
  for (const name of names) {
    const rs = results[name];
    console.log(
      `${name.padEnd(8)} after a retag ${median(rs.map((r) => r.afterWrite)).toFixed(1)} ms, ` +
        `after a worker stop ${median(rs.map((r) => r.afterStop)).toFixed(1)} ms`,
    );
  }
}

async function dashboardRounds(names) {
  const results = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const r = await openOnce(browsers[name], round);
      results[name].push(r);
      const m = r.marks;
      console.log(
        `round ${round + 1} ${name.padEnd(8)} load ${loadavg()[0].toFixed(1).padStart(5)} ` +
          `asked ${m['ab:first-asked']?.toFixed(0)} answered ${m['ab:first-answered']?.toFixed(0)} ` +
          `(worker ${r.firstWorker?.toFixed(1)}) first row ${m['ab:first-row']?.toFixed(0)} ` +
          `every item ${m['ab:every-item']?.toFixed(0)} (${r.pages} requests) ` +
          `search ${r.search.map((s) => s.toFixed(0)).join(' / ')} ms`,
      );
    }
  }
  console.log(
    `\nmedians, ${SIZE.toLocaleString('en')} items, ${RUNS} rounds${COLD ? ', worker stopped before each open' : ''}`,
  );
  for (const name of names) {
    const rs = results[name];
    const med = (f) => median(rs.map(f).filter((v) => v !== null)).toFixed(1);
    console.log(
      `${name.padEnd(8)} asked ${med((r) => r.marks['ab:first-asked'])} answered ${med((r) => r.marks['ab:first-answered'])} ` +
        `worker ${med((r) => r.firstWorker)} first row ${med((r) => r.marks['ab:first-row'])} ` +
        `every item ${med((r) => r.marks['ab:every-item'])} search typed ${med((r) => r.search[0])} ` +
        `cleared ${med((r) => r.search[1])}`,
    );
  }
}

const work = await mkdtemp(join(tmpdir(), 'nsl-first-screen-ab-'));
const browsers = {};
try {
  const { text } = workspaceFile(SIZE);
  for (const [name, dir] of builds) {
    const copy = await instrumented(dir, join(work, name));
    await writeFile(join(copy, 'bench-scale.json'), text);
    browsers[name] = await launchBrowser(copy);
    console.log(`${name}: seeding ${SIZE.toLocaleString('en')} items…`);
    await seed(browsers[name], 'bench-scale.json');
    // One open to read the copy after the import, as any later user would find it.
    if (!WORKER) await openOnce(browsers[name], 0);
  }
  const names = Object.keys(browsers);
  if (WORKER) await workerRounds(names);
  else await dashboardRounds(names);
} finally {
  for (const b of Object.values(browsers)) await b.close().catch(() => undefined);
  await rm(work, { recursive: true, force: true }).catch(() => undefined);
}
