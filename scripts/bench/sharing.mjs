/**
 * Issue 16's figures: a shared tree of 10,000 items on a real Apache WebDAV server
 * (scripts/webdav/apache.mjs, on loopback), synced by the built extension in the bench's
 * Chromium. Ana (an editor) shares the bench workspace's tree; Rita subscribes read-only
 * in a browser of her own. Every figure is the worker's own time for one request
 * (sw-timer.js), the requests to Apache included; write-counter.js counts the worker's
 * IndexedDB write transactions and write requests around each one.
 *
 * - Unchanged pull: Rita's "Sync now" while the file is as she last read it (a reader's
 *   sync is exactly the scheduled pull: a conditional GET answered 304, and the check
 *   that nothing changed locally).
 * - Pull and merge: the file as a teammate would publish it, 1,000 items changed (a field
 *   each, stamped by a replica Rita has not heard of), merged into her 10,000 items.
 * - Publish one tag: Ana retags one item and presses "Sync now": conditional GETs of the
 *   index and its parts, the merge, the PUT of the changed part and of the index with
 *   If-Match, the local write. Each run starts once her edit's own
 *   deferred sync has run and the file is older than a second (Apache's weak-ETag window,
 *   docs/sharing.md), as when a person tags a ticket some seconds after the last publish.
 *
 *   npm run bench -- --only sharing [--runs 5]
 *   BENCH_SHARE_REQUESTS=1 npm run bench -- --only sharing   (also prints Apache's log of the
 *   publishes' requests, 304s left out: which files each publish wrote)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startApache } from '../webdav/apache.mjs';
import { launchBrowser } from './browser.mjs';
import { instrumented } from './extension.mjs';
import { importStaged, stageWorkspace } from './measure.mjs';
import { BENCH_DIR } from './paths.mjs';
import { median, ms } from './table.mjs';
import { benchWorkspace, INPUT_NAMES } from './workspace.mjs';

const WORKSPACE_FILE = 'bench-workspace.json';
const SHARED_FILE = 'bench-shared.json';
const TREE = 'tree-bench';
const CHANGED_ITEMS = 1_000;
const PEER = 'benchpeer';
// Longer than the worker's publish delay after an edit (share-schedule.ts, 3 s) plus its sync.
const EDIT_SYNC_SETTLE_MS = 5_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A copy of the build that may reach the loopback server and counts the worker's writes. */
async function sharingCopy(oursDir, dir) {
  await instrumented(oursDir, dir);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  // The dashboard asks for the server's host permission in a click; a bench has no one to click.
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  const worker = join(dir, manifest.background.service_worker);
  const counter = await readFile(join(BENCH_DIR, 'write-counter.js'), 'utf8');
  await writeFile(worker, `${counter}\n${await readFile(worker, 'utf8')}`);
  await writeFile(join(dir, WORKSPACE_FILE), JSON.stringify(benchWorkspace()));
  return dir;
}

async function launchPerson(dir, apache) {
  const browser = await launchBrowser(dir);
  // The launcher aborts every request no fixture answers; the share's server is a real one.
  await browser.context.route(
    (url) => url.origin === apache.origin,
    (route) => route.continue(),
  );
  return browser;
}

async function writeCounts(browser) {
  return (await browser.serviceWorker()).evaluate(() => ({ ...globalThis.__nslWrites }));
}

/** One request timed inside the worker, with the writes it made. */
async function timedRequest(browser, request) {
  await browser.workerTimes();
  const before = await writeCounts(browser);
  const reply = await browser.call(request);
  const after = await writeCounts(browser);
  const entry = (await browser.workerTimes()).find((t) => t.type === request.type);
  if (!entry) throw new Error(`the service worker timed no ${request.type}`);
  if (after.started !== before.started) throw new Error('the service worker restarted during the measurement');
  return {
    ms: entry.ms,
    transactions: after.transactions - before.transactions,
    writes: after.writes - before.writes,
    reply,
  };
}

function synced(outcome, what) {
  if (!outcome?.ok || outcome.status?.problem) throw new Error(`${what}: ${JSON.stringify(outcome)}`);
}

/**
 * The shared tree on the server as { index, parts } (docs/sharing.md, version 2): the file
 * at the address and each part named in it, next to it in the data folder.
 */
function readTree(apache) {
  const index = JSON.parse(apache.readFile(SHARED_FILE).toString('utf8'));
  const parts = (index.parts ?? []).map((name) => ({ name, file: JSON.parse(apache.readFile(name).toString('utf8')) }));
  return { index, parts };
}

function treeBytes(apache) {
  const { index } = readTree(apache);
  return [SHARED_FILE, ...(index.parts ?? [])].reduce((sum, name) => sum + apache.readFile(name).length, 0);
}

/**
 * The shared tree as a teammate would publish it after changing one field of `count`
 * items: stamped now by a replica the reader has not seen yet. Each item stays in its
 * part; every part holding one is rewritten, and the index for the new person. Dated in
 * the past so Apache's ETags are strong at once, and differ from the last run's.
 */
function teammateEdit(apache, base, run, count, now) {
  const stamp = [now, run, PEER];
  const items = base.parts.flatMap(({ file }) => file.items);
  const first = (run * count) % items.length;
  const changed = new Set();
  for (let i = 0; i < count; i++) changed.add(items[(first + i) % items.length].id);
  const ageMs = 5_000 + run;
  for (const { name, file } of base.parts) {
    const edited = {
      ...file,
      items: file.items.map((item) =>
        changed.has(item.id)
          ? { ...item, fields: { ...item.fields, notes: `peer edit ${run}` }, stamps: { ...item.stamps, notes: stamp } }
          : item,
      ),
    };
    apache.writeFile(name, JSON.stringify(edited), { ageMs });
  }
  const people = base.index.people.filter((person) => person.replica !== PEER);
  people.push({ replica: PEER, name: 'Peer', named: stamp, seen: stamp });
  apache.writeFile(SHARED_FILE, JSON.stringify({ ...base.index, people }), { ageMs });
}

/** Rows of the bench's table for the sharing figures, with their own server and browsers. */
export async function sharingRows(oursDir, workDir, { runs = 5, log = () => undefined } = {}) {
  const load = [loadavg()[0]];
  const apache = await startApache({ maxLifetimeMs: 30 * 60_000 });
  const browsers = [];
  try {
    const credentials = { kind: 'password', user: apache.user, password: apache.password };
    const url = `${apache.davUrl}${SHARED_FILE}`;
    const ana = await launchPerson(await sharingCopy(oursDir, join(workDir, 'ours-share-ana')), apache);
    browsers.push(ana);
    log('sharing: Ana imports 10,000 items and shares the tree on Apache…');
    await stageWorkspace(ana, WORKSPACE_FILE);
    await importStaged(ana);
    const shared = await timedRequest(ana, {
      type: 'share.start',
      treeId: TREE,
      url,
      credentials,
      displayName: 'Ana',
    });
    synced(shared.reply, 'share.start');
    const fileBytes = treeBytes(apache);
    // Older than Apache's weak-ETag second: the reader's first read gets a strong tag.
    await sleep(1_200);
    const rita = await launchPerson(await sharingCopy(oursDir, join(workDir, 'ours-share-rita')), apache);
    browsers.push(rita);
    const joined = await timedRequest(rita, {
      type: 'share.join',
      url,
      credentials,
      displayName: 'Rita',
      mode: 'reader',
    });
    synced(joined.reply, 'share.join');

    log(`sharing: unchanged pulls of a ${(fileBytes / 1024 / 1024).toFixed(1)} MB file, ${runs * 2} runs…`);
    const sync = { type: 'share.syncNow', treeId: TREE };
    await timedRequest(rita, sync);
    const unchanged = [];
    for (let i = 0; i < runs * 2; i++) unchanged.push(await timedRequest(rita, sync));

    log(`sharing: pull and merge of ${CHANGED_ITEMS.toLocaleString('en')} changed items, ${runs} runs…`);
    const base = readTree(apache);
    const merges = [];
    for (let run = 1; run <= runs; run++) {
      teammateEdit(apache, base, run, CHANGED_ITEMS, Date.now());
      const merged = await timedRequest(rita, sync);
      synced(merged.reply, 'pull and merge');
      merges.push(merged);
    }
    const notes = (await rita.call({ type: 'workspace.export' })).items.filter((i) => i.notes === `peer edit ${runs}`);
    if (notes.length !== CHANGED_ITEMS) throw new Error(`Rita holds ${notes.length} of the teammate's changes`);
    // Rita's part is done: her browser stops sharing the cores with Ana's figures.
    await rita.close();
    browsers.pop();

    log(`sharing: publishing one tag, ${runs} runs…`);
    const seenBefore = apache.requests().length;
    // Ana catches up with the teammate's file first (a pull that writes); then each run
    // retags one item and publishes it.
    synced(await ana.call(sync), 'catching up');
    await sleep(EDIT_SYNC_SETTLE_MS);
    const publishes = [];
    for (let run = 0; run <= runs; run++) {
      const id = `item-${101 + run}`;
      const metricId = `input-${(run % (INPUT_NAMES.length - 1)) + 1}`;
      await ana.call({ type: 'item.update', id, patch: { inputMetricId: metricId } });
      const published = await timedRequest(ana, sync);
      synced(published.reply, 'publish');
      const onServer = readTree(apache)
        .parts.flatMap(({ file }) => file.items)
        .find((i) => i.id === id);
      if (onServer?.fields.inputMetricId !== metricId) throw new Error(`the tag of ${id} is not on the server`);
      // The first run reads the whole file (Apache gave no ETag with the PUT of the catch-up).
      if (run > 0) publishes.push(published);
      await sleep(EDIT_SYNC_SETTLE_MS);
    }
    load.push(loadavg()[0]);
    if (process.env.BENCH_SHARE_REQUESTS) {
      for (const r of apache.requests().slice(seenBefore))
        if (r.method !== 'GET' || r.status !== 304) log(`${r.method} ${r.path} ${r.status}`);
    }
    return rows({ fileBytes, shared, joined, unchanged, merges, publishes, load });
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await apache.stop();
  }
}

function rows({ fileBytes, shared, joined, unchanged, merges, publishes, load }) {
  const msOf = (runs) => median(runs.map((r) => r.ms));
  const most = (runs, key) => Math.max(...runs.map((r) => r[key]));
  const writesOf = (runs) =>
    `${most(runs, 'transactions')} write transactions, ${most(runs, 'writes')} write requests (most in one run)`;
  const pull = msOf(unchanged);
  const merge = msOf(merges);
  const publish = msOf(publishes);
  const noWrites = most(unchanged, 'transactions') === 0 && most(unchanged, 'writes') === 0;
  const info = (figure, ours) => ({ figure, ours, floor: '', budget: '', pass: null });
  return [
    info(
      `sharing: a 10,000-item tree as a shared index and parts (${(fileBytes / 1024 / 1024).toFixed(1)} MB) on Apache, loopback; ` +
        `load average ${load.map((l) => l.toFixed(2)).join(' → ')}`,
      '',
    ),
    info(
      'sharing: share.start (publish the tree) / share.join as a reader (1 run each)',
      `${ms(shared.ms)} / ${ms(joined.ms)}`,
    ),
    {
      figure: `sharing: pull of the unchanged file, conditional GET → 304 (${unchanged.length} pulls)`,
      ours: ms(pull),
      floor: '',
      budget: '< 50 ms',
      pass: pull !== null && pull < 50,
    },
    {
      figure: '  database writes during those pulls',
      ours: writesOf(unchanged),
      floor: '',
      budget: 'none',
      pass: noWrites,
    },
    {
      figure: `sharing: pull and merge of the file with ${CHANGED_ITEMS.toLocaleString('en')} items changed by a teammate (${merges.length} runs)`,
      ours: ms(merge),
      floor: '',
      budget: '< 1 s',
      pass: merge !== null && merge < 1000,
    },
    info('  database writes of one such merge', writesOf(merges)),
    {
      figure: `sharing: publish one tag, "Sync now" after retagging an item (${publishes.length} runs)`,
      ours: ms(publish),
      floor: '',
      budget: '< 200 ms',
      pass: publish !== null && publish < 200,
    },
  ];
}
