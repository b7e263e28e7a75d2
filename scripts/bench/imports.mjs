/**
 * Issue 18's figures: metric values and tickets from exported files, parsed, previewed and
 * imported as the dashboard does it. The parsers run in the dashboard page (bundled from
 * lib/domain/import/bench-entry.ts and added to the page as an extension script), the
 * preview and the import are the real requests to the worker, as the dashboard sends them:
 * the rows go with the preview, and the import names the id the worker kept them under. Each run imports into a
 * fresh metric or tree, so every value and ticket is written, as on a first import.
 *
 *   npm run bench -- --only imports [--runs 5]
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser } from './browser.mjs';
import { writeFile } from 'node:fs/promises';
import { instrumented } from './extension.mjs';
import { importStaged, stageWorkspace } from './measure.mjs';
import { ROOT } from './paths.mjs';
import { median, ms } from './table.mjs';
import { benchWorkspace } from './workspace.mjs';

const BUNDLE = 'bench-imports.js';
const OBSERVATION_ROWS = 100_000;
const JIRA_ROWS = 10_000;
/** The workspace import's own figure, measured in the same browser: how loaded the machine is. */
const REFERENCE_FILE = 'bench-workspace.json';

/** The parsers as the dashboard bundles them, for the page to call. */
async function bundleParsers(dir) {
  const entry = (file) => JSON.stringify(join(ROOT, 'lib/domain/import', file));
  await build({
    stdin: {
      contents: [
        `export * from ${entry('bench-entry.ts')};`,
        `export { valuesFor } from ${entry('value-choice.ts')};`,
        `export { mapTrackerRows } from ${entry('item-rows.ts')};`,
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__nslImports',
    platform: 'browser',
    outfile: join(dir, BUNDLE),
    logLevel: 'silent',
  });
}

/** In the page: 100,000 daily rows → weekly values of a fresh metric. */
function valuesRun({ rows, metricId }) {
  const api = window.__nslImports;
  const text = api.observationRowsCsv(rows);
  const send = (message) =>
    chrome.runtime.sendMessage(message).then((reply) => {
      if (!reply?.ok) throw new Error(JSON.stringify(reply?.error));
      return reply.value;
    });
  return (async () => {
    const start = performance.now();
    const parsed = api.parseObservationRows(await new File([text], 'rows.csv').text());
    const values = api.valuesFor(parsed, 'Weekly active teams', 'week', 'sum').map(({ at, value }) => ({ at, value }));
    const parsedAt = performance.now();
    const { staged } = await send({ type: 'observations.previewImport', metricId, values });
    const previewedAt = performance.now();
    const summary = await send({ type: 'observations.importStaged', staged });
    const end = performance.now();
    return {
      parse: parsedAt - start,
      preview: previewedAt - parsedAt,
      write: end - previewedAt,
      total: end - start,
      summary,
    };
  })();
}

/** In the page: 10,000 Jira rows → items of a fresh tree. */
function jiraRun({ rows, treeId, metricId }) {
  const api = window.__nslImports;
  const text = api.jiraRowsCsv(rows);
  const send = (message) =>
    chrome.runtime.sendMessage(message).then((reply) => {
      if (!reply?.ok) throw new Error(JSON.stringify(reply?.error));
      return reply.value;
    });
  const mapping = {
    site: 'https://bench.atlassian.net',
    labels: { 'weekly-active-teams': metricId },
    rice: { effort: 'Story Points' },
    pointsPerMonth: 5,
  };
  return (async () => {
    const start = performance.now();
    const parsed = api.parseJiraRows(await new File([text], 'jira.csv').text());
    const mapped = api.mapTrackerRows(parsed, mapping).rows;
    const parsedAt = performance.now();
    const fields = { treeId, rows: mapped, overwrite: false };
    const { staged } = await send({ type: 'items.previewImport', ...fields });
    const previewedAt = performance.now();
    const summary = await send({ type: 'items.importStaged', staged, remember: { source: 'jira', mapping } });
    const end = performance.now();
    return {
      parse: parsedAt - start,
      preview: previewedAt - parsedAt,
      write: end - previewedAt,
      total: end - start,
      summary,
    };
  })();
}

/**
 * Waits until the worker has answered nothing for half a second: the dashboard reloads the
 * tree after each import's change notice, and the next run should not share the cores with it.
 */
async function settled(browser) {
  await browser.workerTimes();
  for (let quiet = 0; quiet < 5; ) {
    await new Promise((r) => setTimeout(r, 100));
    quiet = (await browser.workerTimes()).length === 0 ? quiet + 1 : 0;
  }
}

/** Rows of the bench's table (see table.mjs) for the import figures, measured in a browser of their own. */
export async function importRows(oursDir, workDir, { runs = 5, log = () => undefined } = {}) {
  const dir = await instrumented(oursDir, join(workDir, 'ours-imports'));
  await bundleParsers(dir);
  await writeFile(join(dir, REFERENCE_FILE), JSON.stringify(benchWorkspace()));
  const browser = await launchBrowser(dir);
  try {
    const page = await browser.open(`chrome-extension://${browser.extensionId}/dashboard.html#data`);
    await page.addScriptTag({ url: `chrome-extension://${browser.extensionId}/${BUNDLE}` });
    const values = [];
    const jira = [];
    log(`imports: ${count(OBSERVATION_ROWS)} observation rows and ${count(JIRA_ROWS)} Jira rows, ${runs} runs…`);
    // Each run starts from an empty workspace, as the workspace import's figure does.
    const freshTree = async (name) => {
      await browser.call({ type: 'workspace.clear' });
      const tree = await browser.call({ type: 'tree.create', name });
      const fields = { period: 'week' };
      const metric = await browser.call({ type: 'metric.create', treeId: tree.id, role: 'input', name, fields });
      await settled(browser);
      return { treeId: tree.id, metricId: metric.id };
    };
    await stageWorkspace(browser, REFERENCE_FILE);
    const reference = [];
    for (let i = 0; i < runs; i++) {
      reference.push(await importStaged(browser));
      const { metricId } = await freshTree('Weekly active teams');
      values.push(
        withWorkerTimes(
          await page.evaluate(valuesRun, { rows: OBSERVATION_ROWS, metricId }),
          'observations',
          await browser.workerTimes(),
        ),
      );
      const { treeId, metricId: inputId } = await freshTree('Teams');
      jira.push(
        withWorkerTimes(
          await page.evaluate(jiraRun, { rows: JIRA_ROWS, treeId, metricId: inputId }),
          'items',
          await browser.workerTimes(),
        ),
      );
    }
    return [
      ...figureRows(
        `${count(OBSERVATION_ROWS)} observation rows (daily) → ${count(values[0].summary.added)} weekly values`,
        values,
        2000,
      ),
      {
        figure: 'for reference, in the same browser: workspace.import of 10,000 items + 100 metrics, worker time',
        ours: ms(median(reference)),
        floor: '',
        budget: '',
        pass: null,
      },
      ...figureRows(`${count(JIRA_ROWS)} Jira rows → ${count(jira[0].summary.added)} items`, jira, 1000),
    ];
  } finally {
    await browser.close();
  }
}

/**
 * The worker's own time for the preview and the import (sw-timer.js: from the runtime handing
 * the message over to the answer, the gate's check included); the rest of each request's
 * time in the page is the message's way there and back.
 */
function withWorkerTimes(run, family, times) {
  const of = (type) => times.find((t) => t.type === `${family}.${type}`)?.ms ?? null;
  return { ...run, previewWorker: of('previewImport'), writeWorker: of('importStaged') };
}

function count(n) {
  return n.toLocaleString('en');
}

function figureRows(what, runs, budgetMs) {
  const total = median(runs.map((r) => r.total));
  const part = (key) => ms(median(runs.map((r) => r[key])));
  return [
    {
      figure: `import ${what}: parsed, previewed and imported, dashboard page + worker (${runs.length} runs)`,
      ours: ms(total),
      floor: '',
      budget: `< ${budgetMs / 1000} s`,
      pass: total < budgetMs,
    },
    {
      figure: `  of which: read + parse + map in the page / preview request / import request (one transaction)`,
      ours: `${part('parse')} / ${part('preview')} / ${part('write')}`,
      floor: '',
      budget: '',
      pass: null,
    },
    {
      figure: `  the preview / the import inside the worker (the gate's check included)`,
      ours: `${part('previewWorker')} / ${part('writeWorker')}`,
      floor: '',
      budget: '',
      pass: null,
    },
  ];
}
