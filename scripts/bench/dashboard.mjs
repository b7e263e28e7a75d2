/**
 * The dashboard's backlog as a user meets it with a large workspace: the time from opening
 * it to its first row drawn (the first screen: the backlog draws the top of the ranking
 * from the first page of items), to every item in (no "Loading … items" left), long tasks
 * while it is scrolled to its end, and how long a filter or a sort takes to be drawn. All
 * on the page's own clock: a mark is set once the frame after the change has been drawn
 * (a task queued from that frame's callbacks).
 */

/** Installed before the dashboard's own scripts: long tasks from the start, the first row's frame, every item's. */
function recordFromTheStart() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const drawn = (name) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  let firstRow = false;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.backlog-list .backlog-row')) return;
    if (!firstRow) drawn('bench:first-row');
    firstRow = true;
    if (document.querySelector('.items-loading')) return;
    observer.disconnect();
    drawn('bench:every-item');
  });
  observer.observe(document, { childList: true, subtree: true });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openBacklog(browser) {
  const page = await browser.context.newPage();
  await page.addInitScript(recordFromTheStart);
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#backlog`);
  await page.waitForFunction(() => performance.getEntriesByName('bench:every-item').length > 0, null, {
    timeout: 120_000,
  });
  return page;
}

/**
 * Scrolls the window from the top to the end of the ranked list: a screen at a time for
 * the first `screens`, then in `jumps` jumps (each lands on rows never drawn before), then
 * to the end. Returns the long tasks in that time and whether the list's last row is drawn.
 */
function scrollToEnd({ screens, jumps }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const list = document.querySelector('.backlog-list');
  return (async () => {
    const from = performance.now();
    const end = () => list.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
    for (let i = 0; i < screens; i++) {
      window.scrollBy(0, window.innerHeight);
      await frame();
    }
    for (let i = 1; i <= jumps; i++) {
      window.scrollTo(0, (end() * i) / jumps);
      await frame();
    }
    window.scrollTo(0, end());
    await frame();
    await frame();
    const rows = list.querySelectorAll('.backlog-row');
    const last = rows[rows.length - 1];
    const tasks = window.__longTasks.filter((t) => t.start + t.duration > from);
    return {
      longTasks: tasks.length,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      lastRowShown: Boolean(last) && last.getBoundingClientRect().bottom <= window.innerHeight + 1,
      lastRank: last?.querySelector('.cell-rank')?.textContent ?? null,
    };
  })();
}

/** Changes a field as a user's keystroke or choice does, and times it until the next frame is drawn. */
function changeField({ selector, value, event }) {
  const field = document.querySelector(selector);
  return new Promise((resolve) => {
    const start = performance.now();
    field.value = value;
    field.dispatchEvent(new Event(event, { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  });
}

/**
 * The backlog's figures; when its first row does not come within the wait, that figure is
 * a timeout (Infinity) and the others are not taken, so the rest of the sizes still run.
 */
export async function dashboardBacklog(browser, { runs }) {
  const firstRow = [];
  const everyItem = [];
  let page;
  try {
    for (let i = 0; i < runs; i++) {
      const opened = await openBacklog(browser);
      const [first, every] = await opened.evaluate(() =>
        ['bench:first-row', 'bench:every-item'].map((name) => performance.getEntriesByName(name)[0].startTime),
      );
      firstRow.push(first);
      everyItem.push(every);
      await opened.close();
    }
    page = await openBacklog(browser);
  } catch (failure) {
    if (failure?.name !== 'TimeoutError') throw failure;
    return {
      firstRow: [...firstRow, Infinity],
      everyItem: [...everyItem, Infinity],
      rowsInDom: null,
      longTasks: null,
      longest: null,
      filter: [],
      sort: [],
    };
  }
  try {
    await sleep(500);
    const rowsInDom = await page.evaluate(() => document.querySelectorAll('.backlog-row, .unlinked-row').length);
    const scroll = await page.evaluate(scrollToEnd, { screens: 20, jumps: 20 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const filter = [];
    const sort = [];
    for (let i = 0; i < runs; i++) {
      // A search that narrows to a few rows, then cleared: the two ends of what filtering costs.
      filter.push(
        await page.evaluate(changeField, { selector: '#filter-text', value: `idea ${i + 7}1`, event: 'input' }),
      );
      filter.push(await page.evaluate(changeField, { selector: '#filter-text', value: '', event: 'input' }));
      sort.push(await page.evaluate(changeField, { selector: '#sort-by', value: 'title', event: 'change' }));
      sort.push(await page.evaluate(changeField, { selector: '#sort-by', value: 'rank', event: 'change' }));
    }
    return { firstRow, everyItem, rowsInDom, ...scroll, filter, sort };
  } finally {
    await page.close();
  }
}

/** Installed before the dashboard's own scripts: marks the frame in which a card first shows a value. */
function markValuesShown() {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.metric-latest')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => performance.mark('bench:values-shown'), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Records a value of the NSM as the tree's value form does, and times it until its card shows it. */
function valueToCard({ at, value }) {
  const shown = () => [...document.querySelectorAll('.metric-latest')].some((e) => e.textContent.includes(`on ${at}`));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    chrome.runtime.sendMessage({ type: 'observation.add', metricId: 'nsm', at, value }).then((reply) => {
      if (!reply?.ok) reject(new Error(reply?.error?.message ?? 'observation.add failed'));
    }, reject);
  });
}

/**
 * The tree's values: from opening the dashboard to the first card showing its latest value
 * (the values come after the items), and from a value written to its card showing it (the
 * values read again after the change notice). Timeouts are Infinity, as for the backlog.
 */
export async function dashboardValues(browser, { runs }) {
  const opened = [];
  const written = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    try {
      await page.addInitScript(markValuesShown);
      await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#tree`);
      await page.waitForFunction(() => performance.getEntriesByName('bench:values-shown').length > 0, null, {
        timeout: 300_000,
      });
      opened.push(await page.evaluate(() => performance.getEntriesByName('bench:values-shown')[0].startTime));
      await sleep(500);
      const at = `2031-01-${String(i + 1).padStart(2, '0')}`;
      written.push(await page.evaluate(valueToCard, { at, value: 4242 + i }));
    } catch (failure) {
      if (failure?.name !== 'TimeoutError') throw failure;
      opened.push(Infinity);
    } finally {
      await page.close();
    }
  }
  return { opened, written };
}
