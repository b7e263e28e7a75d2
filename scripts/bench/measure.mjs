/**
 * Each figure of the table, measured once; the caller repeats and takes medians. Times
 * are read on the page's own clock from the probe's marks (probe.js), or inside the
 * service worker from the timer (sw-timer.js), so the bench's own remote control is
 * never part of a figure.
 */
import { BOARD_URL, ticketUrl } from './pages.mjs';
import { pillFor } from './workspace.mjs';

const shownMark = (expect) => `bench:shown:${expect}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for a mark (or paint entry) with one bare DevTools-protocol evaluation that
 * resolves once the entry is there. Playwright's waitForFunction first injects its own
 * utility script into the page, about 9 ms of main-thread work that a trace showed
 * landing right while a loading page waited for its answer from the worker, delaying that
 * answer by as much: the remote control must not be in the figure. Polling from here
 * every 10 ms kept about a quarter of a core busy (node, the browser and the page each
 * handling every evaluation) on a machine of two, while the figure was being taken.
 * The page's own check costs next to nothing: an observer, and a look every 50 ms in case
 * the entry was recorded in a world the observer does not hear. The entry's own time is
 * the figure, so when the wait learns of it does not matter. An evaluation cut off by a
 * navigation is sent again to the new document.
 */
async function waitForMark(page, name, timeout = 10_000) {
  const cdp = await page.context().newCDPSession(page);
  const expression = `new Promise((resolve) => {
    const find = () => performance.getEntriesByName(${JSON.stringify(name)})[0];
    const done = (value) => { observer.disconnect(); clearInterval(look); clearTimeout(stop); resolve(value); };
    const check = () => { const entry = find(); if (entry) done(entry.startTime); };
    const observer = new PerformanceObserver(check);
    observer.observe({ entryTypes: ['mark', 'paint'] });
    const look = setInterval(check, 50);
    const stop = setTimeout(() => done(null), ${timeout});
    check();
  })`;
  try {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const { result } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
        if (typeof result.value === 'number') return result.value;
      } catch (failure) {
        if (!/context|destroyed|navigat/i.test(String(failure?.message))) throw failure;
      }
      if (Date.now() > deadline) throw new Error(`no ${name} mark within ${timeout} ms`);
      await sleep(10);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Navigation commit (the response's first byte) to the pill showing `expect`, and the
 * order the page loaded in: `answerFirst` when the early request's answer came before
 * our pill's script began (null for the floor, which asks nothing). Also from commit,
 * the host page's own first paint: what the content script costs the page itself.
 */
export async function timeToPanel(browser, ticket, expect, url = ticketUrl(ticket)) {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await waitForMark(page, shownMark(expect));
    const firstPaint = await waitForMark(page, 'first-paint');
    const { commit, answer, start } = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        commit: performance.getEntriesByType('navigation')[0].responseStart,
        answer: at('bench:early-answer'),
        start: at('bench:overlay-start'),
      };
    });
    return {
      ms: shown - commit,
      answerFirst: answer === null || start === null ? null : answer < start,
      firstPaint: firstPaint - commit,
    };
  } finally {
    await page.close();
  }
}

/**
 * A click on the pill of a freshly loaded ticket page to the open panel showing: on the
 * first open of a page the panel's code is injected then (no hover before the click).
 */
export async function timeToOpen(browser, ticket, expect) {
  const page = await browser.context.newPage();
  try {
    await page.goto(ticketUrl(ticket), { waitUntil: 'load' });
    await waitForMark(page, shownMark(expect));
    await page.evaluate(() => document.dispatchEvent(new Event('bench:open')));
    const shown = await waitForMark(page, 'bench:panel');
    return shown - (await page.evaluate(() => performance.getEntriesByName('bench:open')[0].startTime));
  } finally {
    await page.close();
  }
}

/**
 * Bytes of JS heap in the page's renderer after load and a full collection. On a board,
 * `links` entity links are put in first and, with `badges`, every badge is waited for: the
 * page then holds what it learnt about its links.
 */
export async function heapAfterLoad(
  browser,
  ticket,
  expect,
  url = ticketUrl(ticket),
  { links = 0, badges = false } = {},
) {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (expect !== null) await waitForMark(page, shownMark(expect));
    if (links) {
      if (badges)
        await page.waitForFunction(() => document.querySelector('north-star-lens'), null, { timeout: 10_000 });
      await page.evaluate((n) => {
        document.documentElement.dataset.benchBadges = String(n);
        window.addLinks(n);
      }, links);
      if (badges) await waitForMark(page, 'bench:badges');
    }
    await sleep(500);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  } finally {
    await page.close();
  }
}

/**
 * Fills an empty board with `count` entity links once the extension is running, and
 * returns the time until every badge shows its value (null where there are no badges to
 * wait for) and the long tasks overlapping that work; for ours, also how long our code
 * took in the host's task (links → our lookup sent) and after the answer came (answer →
 * every badge shown). Without an extension (no `hostElement` to wait for), `rendered` is
 * the time the board took to draw its new rows.
 */
export async function badgesOnBoard(browser, { count, hostElement = null, waitForBadges }) {
  const page = await browser.context.newPage();
  try {
    await page.goto(BOARD_URL, { waitUntil: 'load' });
    if (hostElement) await page.waitForFunction((sel) => document.querySelector(sel), hostElement, { timeout: 10_000 });
    await sleep(200);
    const markRendered = !hostElement;
    await page.evaluate(
      ([n, options]) => {
        document.documentElement.dataset.benchBadges = String(n);
        window.addLinks(n, options);
      },
      [count, { markRendered }],
    );
    const links = await page.evaluate(() => performance.getEntriesByName('bench:links')[0].startTime);
    const done = waitForBadges ? await waitForMark(page, 'bench:badges') : null;
    const rendered = markRendered ? await waitForMark(page, 'bench:rendered') : null;
    // The probe's marks of our lookup leaving and its answer arriving, on the same board.
    const lookup = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return { sent: at('bench:request:badges.forHrefs'), answered: at('bench:reply:badges.forHrefs') };
    });
    await sleep(500);
    const tasks = await page.evaluate((from) => window.__longTasks.filter((t) => t.start + t.duration > from), links);
    return {
      ms: done === null ? null : done - links,
      rendered: rendered === null ? null : rendered - links,
      inHostTask: lookup.sent === null ? null : lookup.sent - links,
      afterAnswer: lookup.answered === null || done === null ? null : done - lookup.answered,
      longTasks: tasks.length,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
    };
  } finally {
    await page.close();
  }
}

/** Location change (pushState) to the pill showing the new ticket; one figure per navigation. */
export async function spaNavigations(browser, runs) {
  const page = await browser.context.newPage();
  const times = [];
  try {
    await page.goto(ticketUrl(1), { waitUntil: 'commit' });
    await waitForMark(page, shownMark(pillFor(0)));
    for (let k = 0; k < runs; k++) {
      const [ticket, input] = k % 2 === 0 ? [2, 1] : [1, 0];
      await page.evaluate(
        ([expect, n]) => {
          performance.clearMarks();
          document.documentElement.dataset.benchExpect = expect;
          performance.mark('bench:nav');
          window.goTo(n);
        },
        [pillFor(input), ticket],
      );
      try {
        const shown = await waitForMark(page, shownMark(pillFor(input)), 3000);
        times.push(shown - (await page.evaluate(() => performance.getEntriesByName('bench:nav')[0].startTime)));
      } catch {
        times.push(Infinity);
        return times;
      }
    }
    return times;
  } finally {
    await page.close();
  }
}

/** A tag written from the content script of one tab, until a second tab's pill shows it. */
export async function tagRoundTrips(browser, runs) {
  const writer = await browser.context.newPage();
  const reader = await browser.context.newPage();
  const times = [];
  try {
    for (const page of [writer, reader]) {
      await page.goto(ticketUrl(3), { waitUntil: 'commit' });
      await waitForMark(page, shownMark(pillFor(0)));
    }
    for (let k = 0; k < runs; k++) {
      const input = k % 2 === 0 ? 1 : 0;
      await browser.workerTimes();
      await reader.evaluate((expect) => {
        performance.clearMarks();
        document.documentElement.dataset.benchExpect = expect;
      }, pillFor(input));
      await writer.evaluate(
        (message) => {
          performance.clearMarks();
          document.documentElement.dataset.benchSend = JSON.stringify(message);
          document.dispatchEvent(new Event('bench:send'));
        },
        { type: 'item.update', id: 'item-3', patch: { inputMetricId: `input-${input}` } },
      );
      const shown = await waitForMark(reader, shownMark(pillFor(input)));
      const [shownAt, noticeAt] = await reader.evaluate(
        (at) =>
          [at, performance.getEntriesByName('bench:notice')[0]?.startTime].map((t) => t && performance.timeOrigin + t),
        shown,
      );
      const sentAt = await writer.evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('bench:sent')[0].startTime,
      );
      // Where the time went: the clocks of the pages and of the worker share one origin.
      const write = (await browser.workerTimes()).find((t) => t.type === 'item.update');
      times.push({
        total: shownAt - sentAt,
        toWorker: write ? write.receivedAt - sentAt : null,
        inWorker: write ? write.ms : null,
        toPill: write ? shownAt - (write.receivedAt + write.ms) : null,
        // The notice's arrival in the second tab, marked by the probe before our listener runs.
        toNotice: write && noticeAt ? noticeAt - (write.receivedAt + write.ms) : null,
        noticeToPill: noticeAt ? shownAt - noticeAt : null,
      });
    }
    return times;
  } finally {
    await writer.close();
    await reader.close();
  }
}

/** Time the background spent answering `request`, measured inside the service worker. */
export async function workerTime(browser, request) {
  await browser.workerTimes();
  await browser.call(request);
  const times = await browser.workerTimes();
  const entry = times.find((t) => t.type === request.type);
  if (!entry) throw new Error(`the service worker timed no ${request.type}`);
  return entry.ms;
}

/** Stops the worker, wakes it with a message it refuses (no database), then times `request`. */
export async function coldWorkerTime(browser, request) {
  await browser.stopServiceWorker();
  await browser.send({ type: 'bench.wake' });
  for (let attempt = 0; ; attempt++) {
    try {
      await browser.workerTimes();
      break;
    } catch (failure) {
      if (attempt > 50) throw failure;
      await sleep(20);
    }
  }
  return workerTime(browser, request);
}

/**
 * Reads the generated workspace (a file of the extension copy, see bench.mjs) into the
 * bridge page once, so each import only times the import.
 */
export async function stageWorkspace(browser, file) {
  const page = await browser.bridgePage();
  await page.evaluate(async (name) => {
    window.__benchDocument = await (await fetch(chrome.runtime.getURL(name))).json();
  }, file);
}

/**
 * `workspace.import` (or, with `type`, `workspace.previewImport`) of the staged document,
 * replacing. `fresh` clears the workspace first, so every record is written: importing
 * what is already stored would measure less than a real first import does.
 */
export async function importStaged(browser, type = 'workspace.import', { fresh = true } = {}) {
  if (fresh) await browser.call({ type: 'workspace.clear' });
  await browser.workerTimes();
  const page = await browser.bridgePage();
  const reply = await page.evaluate(
    (t) => chrome.runtime.sendMessage({ type: t, document: window.__benchDocument, mode: 'replace' }),
    type,
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply?.error)}`);
  const entry = (await browser.workerTimes()).find((t) => t.type === type);
  return entry.ms;
}
