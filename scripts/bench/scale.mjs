/**
 * Issue 20's figures: every workspace figure at 1,000, 10,000 and 100,000 items (metrics
 * and observations scaled alike: one metric and 5 observations per 1,000 and per 200
 * items, 6 metrics at least: the NSM and its 5 inputs), one fresh browser per size, and a
 * table of how each grows, with the budgets at 100,000 items.
 *
 *   npm run bench -- --only scale [--sizes 1000,10000,100000] [--runs 5]
 *
 * A workspace of 100,000 items and 500,000 observations is 90 MiB of JSON: more than one
 * extension message carries (64 MiB in Chrome). So it is seeded as the dashboard imports
 * a file that large: posted whole to the worker (lib/messaging/file-channel.ts), then one
 * `workspace.importFile` replacing the workspace in one transaction. The import figure is
 * the page's time from handing the file over to the import's answer (reading the file
 * from disk, here a fetch from the extension's copy, not counted).
 * `node scripts/bench/file-import.mjs` measures just that, and profiles it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { instrumented } from './extension.mjs';
import { dashboardBacklog, dashboardValues } from './dashboard.mjs';
import { badgesOnBoard, coldWorkerTime, heapAfterLoad, tagRoundTrips, workerTime } from './measure.mjs';
import { BOARD_URL, boardPage, ticketPage } from './pages.mjs';
import { mb, median, ms } from './table.mjs';
import { benchWorkspace, pillFor } from './workspace.mjs';
import { workerSession } from './worker-session.mjs';

export const SIZES = [1_000, 10_000, 100_000];
/** FILE_PART_CHARS of lib/domain/workspace-file-parts.ts: the dashboard's part size. */
const PART_CHARS = 8 * 1024 * 1024;
const BOARD_LINKS = 1000;
const TOP = 100_000;

const count = (n) => n.toLocaleString('en');
const repeat = async (n, fn) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
};

/** The generated workspace of `items` items, as one file's text. */
export function workspaceFile(items) {
  const document = benchWorkspace({
    items,
    metrics: Math.max(6, Math.round(items / 1000)),
    observations: items * 5,
  });
  return {
    text: JSON.stringify(document),
    metrics: document.metrics.length,
    observations: document.observations.length,
  };
}

/**
 * Imports the file from the bridge page as the dashboard does (lib/state/workspace/workspace-file.ts:
 * the file posted whole to the worker, or with `post: false` its text in parts, as before
 * round 12 and where no worker controls the page; then one import replacing the
 * workspace), returning the worker time of each request and the page's times.
 */
export async function seed(browser, file, { post = true } = {}) {
  await browser.call({ type: 'workspace.clear' });
  const page = await browser.bridgePage();
  await browser.workerTimes();
  const { reply, page: pageTimes } = await page.evaluate(
    async ([name, size, post]) => {
      let at = performance.now();
      const lap = () => {
        const from = at;
        at = performance.now();
        return at - from;
      };
      const blob = await (await fetch(chrome.runtime.getURL(name))).blob();
      const times = { read: lap(), send: 0, import: 0 };
      const upload = crypto.randomUUID();
      if (post) {
        const channel = new MessageChannel();
        const answered = new Promise((resolve) => {
          channel.port1.onmessage = (event) => resolve(event.data);
        });
        const worker = (await navigator.serviceWorker.getRegistration()).active;
        worker.postMessage({ type: 'workspace.file', upload, file: blob }, [channel.port2]);
        const sent = await answered;
        if (!sent?.ok) return { reply: sent, page: times };
      } else {
        const text = await blob.text();
        const count = Math.max(1, Math.ceil(text.length / size));
        for (let index = 0; index < count; index++) {
          const part = text.slice(index * size, (index + 1) * size);
          const sent = await chrome.runtime.sendMessage({
            type: 'workspace.filePart',
            upload,
            index,
            count,
            text: part,
          });
          if (!sent?.ok) return { reply: sent, page: times };
        }
      }
      times.send = lap();
      const reply = await chrome.runtime.sendMessage({ type: 'workspace.importFile', upload, mode: 'replace' });
      times.import = lap();
      return { reply, page: times };
    },
    [file, PART_CHARS, post],
  );
  if (!reply?.ok) throw new Error(`seeding ${file} failed: ${JSON.stringify(reply?.error)}`);
  const times = await browser.workerTimes();
  return {
    parts: times.filter((t) => t.type === 'workspace.filePart').map((t) => t.ms),
    commit: times.find((t) => t.type === 'workspace.importFile').ms,
    /** As the page saw it: reading the file, handing it to the worker, the import's request. */
    page: pageTimes,
  };
}

/** The service worker's JS heap after a full collection, read over the DevTools protocol. */
async function workerHeap(browser) {
  const session = await workerSession(browser);
  if (!session) return null;
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const reply = await session.send('Runtime.getHeapUsage');
    return reply.result?.usedSize ?? null;
  } finally {
    await session.close();
  }
}

/** Every figure at one size, in a browser of its own (and `none`, the same browser without extensions). */
async function measureSize(oursDir, workDir, none, items, { runs, log }) {
  const dir = await instrumented(oursDir, join(workDir, `ours-scale-${items}`));
  const { text, metrics, observations } = workspaceFile(items);
  const file = 'bench-scale.json';
  await writeFile(join(dir, file), text);
  const browser = await launchBrowser(dir);
  try {
    browser.serve(/\/browse\/BENCH-\d+$/, (url) => ticketPage(url, pillFor(url.endsWith('/BENCH-2') ? 1 : 0)));
    browser.serve(BOARD_URL, boardPage());
    log(
      `scale ${count(items)}: importing ${count(metrics)} metrics, ${count(observations)} observations, ${mb(text.length)}…`,
    );
    const imported = await seed(browser, file);
    const pageContext = { type: 'page.context', links: [{ site: 'jira', key: 'BENCH-1' }] };
    log(`scale ${count(items)}: the worker's figures…`);
    const coldRank = await repeat(runs, () => coldWorkerTime(browser, pageContext));
    const lookup = await repeat(runs * 2, (i) =>
      workerTime(browser, { type: 'badges.lookup', links: [{ site: 'jira', key: `BENCH-${1 + ((i * 37) % items)}` }] }),
    );
    const boardLinks = Array.from({ length: BOARD_LINKS }, (_, i) => ({ site: 'jira', key: `BENCH-${i + 1}` }));
    const boardLookup = await repeat(runs, () => workerTime(browser, { type: 'badges.lookup', links: boardLinks }));
    const snapshot = await repeat(runs, () => workerTime(browser, { type: 'snapshot.get' }));
    const workerBytes = await workerHeap(browser);
    log(`scale ${count(items)}: pages…`);
    const roundTrips = await tagRoundTrips(browser, runs % 2 ? runs + 1 : runs);
    const badges = await repeat(runs, () =>
      badgesOnBoard(browser, { count: BOARD_LINKS, hostElement: 'north-star-lens', waitForBadges: true }),
    );
    const heap = { ticket: [], board: [], noneTicket: [], noneBoard: [] };
    for (let i = 0; i < Math.max(3, Math.round(runs / 2)); i++) {
      heap.ticket.push(await heapAfterLoad(browser, 1, pillFor(0)));
      heap.board.push(await heapAfterLoad(browser, 1, null, BOARD_URL, { links: BOARD_LINKS, badges: true }));
      heap.noneTicket.push(await heapAfterLoad(none, 1, null));
      heap.noneBoard.push(await heapAfterLoad(none, 1, null, BOARD_URL, { links: BOARD_LINKS }));
    }
    log(`scale ${count(items)}: the dashboard's backlog…`);
    const dashboard = await dashboardBacklog(browser, { runs });
    log(`scale ${count(items)}: the dashboard's values…`);
    const values = await dashboardValues(browser, { runs });
    // After the stop, the first request rebuilds what the worker derives: how long, and what it holds then.
    const rebuilt = await coldWorkerTime(browser, pageContext);
    const workerBytesCold = await workerHeap(browser);
    return {
      items,
      metrics,
      observations,
      imported,
      coldRank,
      lookup,
      boardLookup,
      snapshot,
      workerBytes,
      rebuilt,
      workerBytesCold,
      roundTrips: roundTrips.map((t) => t.total),
      badges: badges.map((b) => b.ms),
      heap,
      dashboard,
      values,
    };
  } finally {
    await browser.close();
  }
}

/** Rows of the bench's table (see table.mjs): one per figure, each size a column. */
export async function scaleFigures(oursDir, workDir, { sizes = SIZES, runs = 5, log = () => undefined } = {}) {
  const none = await launchBrowser(null);
  none.serve(/\/browse\/BENCH-\d+$/, (url) => ticketPage(url, pillFor(0)));
  none.serve(BOARD_URL, boardPage());
  try {
    const results = [];
    for (const items of sizes) {
      results.push(await measureSize(oursDir, workDir, none, items, { runs, log }));
      // A size can take many minutes on a busy machine: what is measured is shown as it comes.
      log(scaleRows(results));
    }
    return results;
  } finally {
    await none.close();
  }
}

const heapAdded = (mine, base) => median(mine) - median(base);

/**
 * Each figure: its value at each size, its budget at 100,000 items and the test of it
 * (null: no budget). Growth is the top size's figure over the smallest's.
 */
const FIGURES = [
  [
    'import of the file: hand over + import (page)',
    (r) => r.imported.page.send + r.imported.page.import,
    ms,
    '< 5 s',
    (v) => v < 5000,
  ],
  ['of which the import (worker time, one transaction)', (r) => r.imported.commit, ms, '', null],
  ['cold open + rank (page.context, worker stopped)', (r) => median(r.coldRank), ms, '< 50 ms', (v) => v < 50],
  ['rebuild after a worker stop (first page.context)', (r) => r.rebuilt, ms, '< 50 ms', (v) => v < 50],
  ['lookup by link (badges.lookup, 1 link)', (r) => median(r.lookup), ms, '< 1 ms', (v) => v < 1],
  ['badges.lookup of a 1,000-link board (worker)', (r) => median(r.boardLookup), ms, '< 10 ms', (v) => v < 10],
  ['badges: 1,000 links → every badge shown (page)', (r) => median(r.badges), ms, '< 100 ms', (v) => v < 100],
  ['tag round trip, tab to tab', (r) => median(r.roundTrips), ms, '< 15 ms', (v) => v < 15],
  ['snapshot.get (worker)', (r) => median(r.snapshot), ms, '', null],
  [
    'dashboard: open → first backlog row shown',
    (r) => median(r.dashboard.firstRow),
    ms,
    '< 100 ms (or snapshot)',
    (v, r) => v < 100 || median(r.snapshot) < 100,
  ],
  ['dashboard: open → every item in the backlog', (r) => median(r.dashboard.everyItem), ms, '', null],
  ['dashboard: backlog rows in the DOM', (r) => r.dashboard.rowsInDom, String, '', null],
  ['dashboard: scroll the backlog to its end, long tasks', (r) => r.dashboard.longTasks, String, '0', (v) => v === 0],
  ['dashboard: longest task while scrolling', (r) => r.dashboard.longest, ms, '', null],
  ['dashboard: filter typed → list drawn', (r) => median(r.dashboard.filter), ms, '< 50 ms', (v) => v < 50],
  ['dashboard: sort changed → list drawn', (r) => median(r.dashboard.sort), ms, '', null],
  ["dashboard: open → a value on the tree's cards", (r) => median(r.values.opened), ms, '', null],
  ['dashboard: a value written → shown on its card', (r) => median(r.values.written), ms, '', null],
  [
    'host page heap added, ticket',
    (r) => heapAdded(r.heap.ticket, r.heap.noneTicket),
    mb,
    '< 3 MB',
    (v) => v < 3 * 1024 * 1024,
  ],
  [
    'host page heap added, board',
    (r) => heapAdded(r.heap.board, r.heap.noneBoard),
    mb,
    '< 3 MB',
    (v) => v < 3 * 1024 * 1024,
  ],
  ['service worker heap, warm (after the figures above)', (r) => r.workerBytes, mb, '', null],
  ['service worker heap, after a stop and one page.context', (r) => r.workerBytesCold, mb, '', null],
];

export function scaleRows(results) {
  const header = [
    'figure',
    ...results.map((r) => `${count(r.items)} items`),
    'growth',
    `budget at ${count(TOP)}`,
    'result',
  ];
  const top = results.find((r) => r.items === TOP);
  const rows = FIGURES.map(([figure, value, format, budget, test]) => {
    const values = results.map(value);
    const first = values[0];
    const last = values.at(-1);
    const growth = typeof first === 'number' && first > 0 && results.length > 1 ? `${(last / first).toFixed(1)}×` : '';
    const result = test && top ? (test(value(top), top) ? 'PASS' : 'MISS') : '';
    return [figure, ...values.map((v) => (v === null || v === undefined ? '—' : format(v))), growth, budget, result];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  const seeded = results.map((r) => `${count(r.items)} items / ${r.metrics} metrics / ${count(r.observations)} obs.`);
  return [
    `workspaces: ${seeded.join('; ')}`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
