#!/usr/bin/env node
/**
 * `npm run bench`: builds the extension and the floor, loads each in its own Chromium,
 * and prints every figure of the performance budget (docs/benchmarks.md) as a median over
 * repeated runs, with the floor measured in the same run so ratios survive a noisy
 * machine. Not part of `npm test`: the figures are for reading, not for failing a build.
 *
 *   npm run bench -- [--runs 20] [--json results.json] [--only imports|scale|sharing] [--sizes 1000,10000,100000]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './bench/browser.mjs';
import {
  buildFloorExtension,
  buildOurs,
  contentScriptInjection,
  contentScriptSize,
  fileSize,
  instrumented,
} from './bench/extension.mjs';
import {
  badgesOnBoard,
  coldWorkerTime,
  heapAfterLoad,
  importStaged,
  spaNavigations,
  stageWorkspace,
  tagRoundTrips,
  timeToOpen,
  timeToPanel,
  workerTime,
} from './bench/measure.mjs';
import { BOARD_URL, BUSY_TICKET, HOST_WORK_MS, boardPage, busyTicketUrl, ticketPage } from './bench/pages.mjs';
import { importRows } from './bench/imports.mjs';
import { SIZES, scaleFigures, scaleRows } from './bench/scale.mjs';
import { sharingRows } from './bench/sharing.mjs';
import { kb, mb, median, ms, renderTable } from './bench/table.mjs';
import { benchWorkspace, pillFor } from './bench/workspace.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Math.max(2, Number(option('runs', 20)));
const PANEL_PAIRS = 3;
const JSON_OUT = option('json', null);
/** `--only imports` or `--only scale`: just the figures of scripts/bench/imports.mjs or scale.mjs. */
const ONLY = option('only', null);
/** `--sizes 1000,10000`: the workspace sizes scale.mjs measures at. */
const SIZES_ASKED = option('sizes', null)?.split(',').map(Number) ?? SIZES;
const BADGE_LINKS = 1000;
const WORKSPACE_FILE = 'bench-workspace.json';

const log = (text) => process.stderr.write(`${text}\n`);
const repeat = async (n, fn) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
};

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'nsl-bench-'));
  const browsers = [];
  try {
    log('building the extension and the floor…');
    const ours = await buildOurs(work);
    if (ONLY === 'imports') {
      console.log(renderTable(await importRows(ours, work, { runs: Math.min(RUNS, 5), log })));
      return;
    }
    if (ONLY === 'sharing') {
      console.log(renderTable(await sharingRows(ours, work, { runs: Math.min(RUNS, 5), log })));
      return;
    }
    const scale = () => scaleFigures(ours, work, { sizes: SIZES_ASKED, runs: Math.min(RUNS, 5), log });
    if (ONLY === 'scale') {
      const results = await scale();
      console.log(`\nscale — medians of ${Math.min(RUNS, 5)} runs; ${new Date().toISOString()}\n`);
      console.log(scaleRows(results));
      if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ scale: results }, null, 2));
      return;
    }
    const floor = await buildFloorExtension(work, await contentScriptInjection(ours));
    const size = {
      ours: await contentScriptSize(ours),
      floor: await contentScriptSize(floor),
      panel: await fileSize(ours, 'expanded-panel.js'),
    };

    const document = benchWorkspace();
    const expectFor = (url) => pillFor(url.endsWith('/BENCH-2') ? 1 : 0);
    const launch = async (dir) => {
      const browser = await launchBrowser(dir);
      browsers.push(browser);
      browser.serve(/\/browse\/BENCH-\d+$/, (url) => ticketPage(url, expectFor(url)));
      browser.serve(BUSY_TICKET, (url) => ticketPage(url, pillFor(0), { hostWorkMs: HOST_WORK_MS }));
      browser.serve(BOARD_URL, boardPage());
      return browser;
    };
    const oursCopy = async (name) => {
      const dir = await instrumented(ours, join(work, name));
      await writeFile(join(dir, WORKSPACE_FILE), JSON.stringify(document));
      return dir;
    };
    const o = await launch(await oursCopy('ours-bench'));
    const f = await launch(await instrumented(floor, join(work, 'floor-bench')));

    log('seeding 10,000 items and 100 metrics through workspace.import…');
    await stageWorkspace(o, WORKSPACE_FILE);
    const imports = await repeat(3, () => importStaged(o));
    const previews = await repeat(3, () => importStaged(o, 'workspace.previewImport', { fresh: false }));

    // The noisiest figure, and its budget is a ratio of two medians. With 20 loads in one
    // pair of browsers, one build measured 1.05-1.43x in four runs of a morning; and two
    // browsers of one build differ by 2-7 ms even over 150 loads. So the loads are spread
    // over PANEL_PAIRS pairs of browsers (the first the pair every other figure uses, the
    // others launched for this), and each pair of loads alternates which goes first.
    log(`time to panel, ${PANEL_PAIRS * RUNS} loads each over ${PANEL_PAIRS} pairs of browsers…`);
    const panel = { ours: [], floor: [] };
    for (let pair = 0; pair < PANEL_PAIRS; pair++) {
      const oursHere = pair === 0 ? o : await launch(await oursCopy(`ours-bench-${pair}`));
      const floorHere = pair === 0 ? f : await launch(await instrumented(floor, join(work, `floor-bench-${pair}`)));
      if (pair > 0) {
        await stageWorkspace(oursHere, WORKSPACE_FILE);
        await importStaged(oursHere);
      }
      for (let i = 0; i < 2; i++) {
        await timeToPanel(oursHere, 1, pillFor(0));
        await timeToPanel(floorHere, 1, pillFor(0));
      }
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
        for (const who of order)
          panel[who].push(await timeToPanel(who === 'ours' ? oursHere : floorHere, 1, pillFor(0)));
      }
      if (pair > 0) await Promise.all([oursHere.close(), floorHere.close()]);
    }

    const busyRuns = Math.max(3, Math.round(RUNS / 2));
    log(`time to panel on a ticket page busy with its own script, ${busyRuns} loads each…`);
    const busyPanel = { ours: [], floor: [] };
    for (let i = 0; i < busyRuns; i++) {
      busyPanel.ours.push(await timeToPanel(o, 1, pillFor(0), busyTicketUrl(1)));
      busyPanel.floor.push(await timeToPanel(f, 1, pillFor(0), busyTicketUrl(1)));
    }

    log('opening the panel on a fresh page…');
    const opens = await repeat(Math.max(3, Math.round(RUNS / 2)), () => timeToOpen(o, 1, pillFor(0)));

    // Launched only now: an idle third browser would be one more to share the cores with above.
    // A browser just started keeps a core busy for a while with its own start-up, which
    // the first boards measured would otherwise share (one run's first two boards took
    // 222 and 153 ms against 48-84 ms for the other eight): let it settle first.
    const none = await launch(null);
    await (await none.open('about:blank')).close();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    log('badges on a board of 1,000 links…');
    const badgeRuns = Math.max(3, Math.round(RUNS / 2));
    const badges = { ours: [], floor: [], none: [] };
    for (let i = 0; i < badgeRuns; i++) {
      badges.ours.push(
        await badgesOnBoard(o, { count: BADGE_LINKS, hostElement: 'north-star-lens', waitForBadges: true }),
      );
      badges.floor.push(
        await badgesOnBoard(f, { count: BADGE_LINKS, hostElement: 'north-star-floor', waitForBadges: false }),
      );
      badges.none.push(await badgesOnBoard(none, { count: BADGE_LINKS, waitForBadges: false }));
    }

    log('single-page navigation…');
    const spa = await spaNavigations(o, RUNS);

    log('a tag written in one tab, seen in another…');
    const roundTrips = await tagRoundTrips(o, RUNS % 2 ? RUNS + 1 : RUNS);

    log('JS heap of the host page…');
    const heap = { ours: [], floor: [], none: [], oursBoard: [], noneBoard: [] };
    const heapRuns = Math.max(3, Math.round(RUNS / 4));
    for (let i = 0; i < heapRuns; i++) {
      heap.ours.push(await heapAfterLoad(o, 1, pillFor(0)));
      heap.floor.push(await heapAfterLoad(f, 1, pillFor(0)));
      heap.none.push(await heapAfterLoad(none, 1, null));
      // A board holds the answers for its own links only, whatever the workspace's size (10,000 here).
      heap.oursBoard.push(await heapAfterLoad(o, 1, null, BOARD_URL, { links: BADGE_LINKS, badges: true }));
      heap.noneBoard.push(await heapAfterLoad(none, 1, null, BOARD_URL, { links: BADGE_LINKS }));
    }

    log('background: rank, lookup, snapshot…');
    const pageContext = { type: 'page.context', links: [{ site: 'jira', key: 'BENCH-1' }] };
    const coldRank = await repeat(Math.max(3, Math.round(RUNS / 2)), () => coldWorkerTime(o, pageContext));
    const warmRank = await repeat(RUNS, () => workerTime(o, pageContext));
    const lookup = await repeat(RUNS, (i) =>
      workerTime(o, { type: 'badges.lookup', links: [{ site: 'jira', key: `BENCH-${1 + i * 37}` }] }),
    );
    const boardLinks = Array.from({ length: BADGE_LINKS }, (_, i) => ({ site: 'jira', key: `BENCH-${i + 1}` }));
    const boardLookup = await repeat(RUNS, () => workerTime(o, { type: 'badges.lookup', links: boardLinks }));
    const snapshot = await repeat(Math.max(3, Math.round(RUNS / 4)), () => workerTime(o, { type: 'snapshot.get' }));

    const figures = {
      size,
      imports,
      previews,
      panel,
      busyPanel,
      opens,
      badges,
      spa,
      roundTrips,
      heap,
      coldRank,
      warmRank,
      lookup,
      boardLookup,
      snapshot,
    };
    const rows = [
      ...tableRows(figures),
      ...(await importRows(ours, work, { runs: 5, log })),
      ...(await sharingRows(ours, work, { runs: 5, log })),
    ];
    console.log(`\nNorth Star Lens bench — medians; ${RUNS} runs where not stated; ${new Date().toISOString()}\n`);
    console.log(renderTable(rows));
    // After the other figures, whose browsers are closed first: its own browsers, one per size.
    for (const browser of browsers.splice(0)) await browser.close();
    const scaled = await scale();
    console.log(`\nHow each figure grows with the workspace (medians of ${Math.min(RUNS, 5)} runs)\n`);
    console.log(scaleRows(scaled));
    if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ runs: RUNS, figures, rows, scale: scaled }, null, 2));
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

function tableRows(x) {
  const KB25 = 25 * 1024;
  // Each load of time to panel: { ms, answerFirst, firstPaint }.
  const medianOf = (loads, field) => median(loads.map((load) => load[field]));
  const panelOurs = medianOf(x.panel.ours, 'ms');
  const panelFloor = medianOf(x.panel.floor, 'ms');
  const paintOurs = medianOf(x.panel.ours, 'firstPaint');
  const paintFloor = medianOf(x.panel.floor, 'firstPaint');
  const busyOurs = medianOf(x.busyPanel.ours, 'ms');
  const busyFloor = medianOf(x.busyPanel.floor, 'ms');
  const inOrder = (answerFirst) => x.panel.ours.filter((t) => t.answerFirst === answerFirst).map((t) => t.ms);
  const orderFigure = (times) =>
    times.length ? `${ms(median(times))} (${ratio(median(times), panelFloor)}), ${times.length}` : `—, 0`;
  const badgeMs = median(x.badges.ours.map((b) => b.ms));
  const longOurs = Math.max(...x.badges.ours.map((b) => b.longTasks));
  const longFloor = Math.max(...x.badges.floor.map((b) => b.longTasks));
  const longestOurs = Math.max(...x.badges.ours.map((b) => b.longest));
  const spa = median(x.spa);
  const heapNone = median(x.heap.none);
  const heapOurs = median(x.heap.ours) - heapNone;
  const heapFloor = median(x.heap.floor) - heapNone;
  const heapBoard = median(x.heap.oursBoard) - median(x.heap.noneBoard);
  const ratio = (a, b) => `${(a / b).toFixed(2)}× floor`;
  return [
    {
      figure: 'content script, raw',
      ours: kb(x.size.ours.raw),
      floor: kb(x.size.floor.raw),
      budget: '',
      pass: null,
    },
    {
      figure: 'content script, gzip (all a tracker page loads)',
      ours: kb(x.size.ours.gzip),
      floor: kb(x.size.floor.gzip),
      budget: '≤ 25 KB',
      pass: x.size.ours.gzip <= KB25,
    },
    {
      figure: 'content script, gzip, against the floor',
      ours: ratio(x.size.ours.gzip, x.size.floor.gzip),
      floor: '',
      budget: '≤ 2× floor',
      pass: x.size.ours.gzip <= 2 * x.size.floor.gzip,
    },
    {
      figure: `time to panel, commit → pill shows the linkage (${x.panel.ours.length} loads each, over ${PANEL_PAIRS} pairs of browsers)`,
      ours: `${ms(panelOurs)} (${ratio(panelOurs, panelFloor)})`,
      floor: ms(panelFloor),
      // Issue 20 asks for 1.2x in every run (it was 1.3x before).
      budget: '≤ 1.2× floor',
      pass: panelOurs <= 1.2 * panelFloor,
    },
    {
      figure:
        'time to panel, by the order the page loaded in: answer came before our script began / after (median, loads)',
      ours: `${orderFigure(inOrder(true))} / ${orderFigure(inOrder(false))}`,
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `the host page's own first paint, commit → first-paint, in the same loads (no budget)`,
      ours: `${ms(paintOurs)} (${ratio(paintOurs, paintFloor)})`,
      floor: ms(paintFloor),
      budget: '',
      pass: null,
    },
    {
      figure: `time to panel, the same ticket with ${HOST_WORK_MS} ms of the page's own script while it loads (${x.busyPanel.ours.length} loads; no budget)`,
      ours: `${ms(busyOurs)} (${ratio(busyOurs, busyFloor)})`,
      floor: ms(busyFloor),
      budget: '',
      pass: null,
    },
    {
      figure: 'open panel code, injected on first open (not loaded with the page), gzip',
      ours: kb(x.size.panel.gzip),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `first open of the panel on a page: click → panel shown, its code injected then (${x.opens.length} pages)`,
      ours: ms(median(x.opens)),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `badges: 1,000 links in the DOM → every badge shown (${x.badges.ours.length} boards)`,
      ours: ms(badgeMs),
      floor: '',
      budget: '≤ 100 ms',
      pass: badgeMs !== null && badgeMs <= 100,
    },
    {
      figure: 'badges: the board’s own render of those rows (links → its next frame drawn), no extension',
      ours: ms(median(x.badges.none.map((b) => b.rendered))),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: 'badges: links in → first lookup sent, for links the index cannot answer (— : none sent)',
      ours: ms(median(x.badges.ours.map((b) => b.inHostTask))),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: 'badges: first lookup answered → every badge shown (— : none sent)',
      ours: ms(median(x.badges.ours.map((b) => b.afterAnswer))),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: 'badges: long tasks (> 50 ms), worst board',
      ours: `${longOurs}${longOurs ? ` (longest ${ms(longestOurs)})` : ''}`,
      floor: String(longFloor),
      budget: 'none caused by us',
      pass: longOurs <= longFloor,
    },
    {
      figure: `SPA navigation: location change → pill shows the new ticket (${x.spa.length} navigations)`,
      ours: ms(spa),
      floor: '',
      budget: '≤ 50 ms',
      pass: spa !== null && spa <= 50,
    },
    {
      figure: 'background: open database + rank 10,000 items (page.context, cold worker)',
      ours: ms(median(x.coldRank)),
      floor: '',
      budget: '< 20 ms',
      pass: median(x.coldRank) < 20,
    },
    {
      figure: 'background: page.context with the database open',
      ours: ms(median(x.warmRank)),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: 'background: look up an item by its link (badges.lookup, 1 link)',
      ours: ms(median(x.lookup)),
      floor: '',
      budget: '< 1 ms',
      pass: median(x.lookup) < 1,
    },
    {
      figure: 'background: badges.lookup of a 1,000-link board',
      ours: ms(median(x.boardLookup)),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: 'background: snapshot.get (what the dashboard loads)',
      ours: ms(median(x.snapshot)),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `tag written in one tab → seen in a second tab (${x.roundTrips.length} writes)`,
      ours: ms(median(x.roundTrips.map((t) => t.total))),
      floor: '',
      budget: '< 15 ms',
      pass: median(x.roundTrips.map((t) => t.total)) < 15,
    },
    {
      figure:
        'tag round trip, in parts: to the worker / the write, committed / notice to the second tab / its pill shown',
      ours: ['toWorker', 'inWorker', 'toNotice', 'noticeToPill']
        .map((part) => ms(median(x.roundTrips.map((t) => t[part]).filter((v) => v !== null))))
        .join(' / '),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `background: import 10,000 items + 100 metrics into an empty workspace, one transaction (${x.imports.length} imports)`,
      ours: ms(median(x.imports)),
      floor: '',
      budget: '< 1 s',
      pass: median(x.imports) < 1000,
    },
    {
      figure: 'background: previewImport of the same file over it (validate, read, compare; no writes)',
      ours: ms(median(x.previews)),
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `JS heap added to the host page (${x.heap.ours.length} loads)`,
      ours: mb(heapOurs),
      floor: mb(heapFloor),
      budget: '< 3 MB',
      pass: heapOurs < 3 * 1024 * 1024,
    },
    {
      figure: `JS heap added to a board page of 1,000 links, 10,000 items tracked (${x.heap.oursBoard.length} loads)`,
      ours: mb(heapBoard),
      floor: '',
      budget: '< 3 MB',
      pass: heapBoard < 3 * 1024 * 1024,
    },
  ];
}

main().catch((failure) => {
  console.error(failure);
  process.exitCode = 1;
});
