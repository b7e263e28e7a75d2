/**
 * The workspace as files: export it whole, import one after seeing what it would add
 * and change (a bad file changes nothing and says what is wrong and where), export the
 * ranked backlog for spreadsheets, and delete everything after a confirmation.
 */
import { signal } from '@preact/signals';
import { RECORD_KINDS, type ImportSummary, type RecordKind } from '../../lib/domain/types';
import { MAX_IMPORT_BYTES } from '../../lib/domain/workspace-file';
import { request, RequestError } from '../../lib/messaging/client';
import { treeSnapshot } from '../../lib/state/workspace/tree';
import { download } from '../common/download';
import { CsvButton } from './CsvButton';
import { ItemImportSection } from './ItemImport';
import { ValueImportSection } from './ValueImport';

interface PendingImport {
  fileName: string;
  document: unknown;
  merge: ImportSummary;
  replace: ImportSummary;
}

const pending = signal<PendingImport | null>(null);
const importError = signal<string | null>(null);
const importDone = signal<string | null>(null);
const busy = signal(false);
const confirmingClear = signal(false);
const clearDone = signal(false);
const exportError = signal<string | null>(null);

const STORE_LABELS: Record<RecordKind, string> = {
  trees: 'Trees',
  metrics: 'Metrics',
  observations: 'Observations',
  items: 'Items',
  reviews: 'Reviews',
  history: 'North Star changes',
  worksheets: 'NSM worksheets',
  keyResults: 'Key results',
  thresholds: 'Metric thresholds',
  shipments: 'Ship dates',
  experiments: 'Experiments',
  reviewNotes: 'Weekly review notes',
};

function describeFailure(failure: unknown): string {
  if (failure instanceof RequestError) {
    const where = failure.path && !failure.message.startsWith(failure.path) ? ` (at ${failure.path})` : '';
    return `${failure.message}${where}`;
  }
  return failure instanceof Error ? failure.message : String(failure);
}

async function exportWorkspace(): Promise<void> {
  try {
    exportError.value = null;
    const file = await request({ type: 'workspace.export' });
    const day = new Date().toISOString().slice(0, 10);
    download(`north-star-lens-${day}.json`, JSON.stringify(file, null, 2), 'application/json');
  } catch (e) {
    exportError.value = describeFailure(e);
  }
}

/** JSON.parse's message names a position; a line and column are what an editor shows. */
function jsonProblem(text: string, failure: unknown): string {
  const message = failure instanceof Error ? failure.message : String(failure);
  const position = /position (\d+)/.exec(message);
  if (!position) return `This file is not valid JSON: ${message}`;
  const upTo = text.slice(0, Number(position[1]));
  const line = upTo.split('\n').length;
  const column = upTo.length - upTo.lastIndexOf('\n');
  return `This file is not valid JSON: the text breaks at line ${line}, column ${column}.`;
}

async function chooseFile(file: File | undefined): Promise<void> {
  pending.value = null;
  importError.value = null;
  importDone.value = null;
  if (!file) return;
  if (file.size > MAX_IMPORT_BYTES) {
    importError.value =
      `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an export is at most ` +
      `${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was changed.`;
    return;
  }
  const text = await file.text();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    importError.value = `${jsonProblem(text, e)} Nothing was changed.`;
    return;
  }
  busy.value = true;
  try {
    const [merge, replace] = await Promise.all([
      request({ type: 'workspace.previewImport', document, mode: 'merge' }),
      request({ type: 'workspace.previewImport', document, mode: 'replace' }),
    ]);
    pending.value = { fileName: file.name, document, merge, replace };
  } catch (e) {
    importError.value = `This file cannot be imported: ${describeFailure(e)}. Nothing was changed.`;
  } finally {
    busy.value = false;
  }
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

async function runImport(mode: 'merge' | 'replace'): Promise<void> {
  const current = pending.value;
  if (!current) return;
  busy.value = true;
  try {
    const summary = await request({ type: 'workspace.import', document: current.document, mode });
    pending.value = null;
    importDone.value = `Imported ${current.fileName}: ${total(summary.added)} added, ${total(summary.updated)} updated${
      mode === 'replace' ? `, ${total(summary.removed)} removed` : ''
    }.`;
  } catch (e) {
    importError.value = `The import was refused: ${describeFailure(e)}. Nothing was changed.`;
  } finally {
    busy.value = false;
  }
}

async function clearAll(): Promise<void> {
  busy.value = true;
  try {
    await request({ type: 'workspace.clear' });
    confirmingClear.value = false;
    clearDone.value = true;
  } catch (e) {
    importError.value = describeFailure(e);
  } finally {
    busy.value = false;
  }
}

function Preview({ item }: { item: PendingImport }) {
  const summary = item.merge;
  const nothing = total(summary.added) + total(summary.updated) === 0;
  return (
    <div class="import-preview card" role="region" aria-labelledby="preview-heading">
      <h3 id="preview-heading">Before importing {item.fileName}</h3>
      <p class="muted small">
        Nothing has been written yet. Merging adds new records and updates those with the same id; nothing of yours is
        removed. Replacing makes your workspace exactly this file.
      </p>
      <table class="summary-table">
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col" class="num">
              Added
            </th>
            <th scope="col" class="num">
              Changed
            </th>
            <th scope="col" class="num">
              Removed if replacing
            </th>
          </tr>
        </thead>
        <tbody>
          {RECORD_KINDS.map((store) => (
            <tr key={store}>
              <th scope="row">{STORE_LABELS[store]}</th>
              <td class="num">{summary.added[store]}</td>
              <td class="num">{summary.updated[store]}</td>
              <td class="num">{item.replace.removed[store]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nothing ? <p class="notice">This file holds nothing you do not already have.</p> : null}
      <div class="actions">
        <button type="button" class="btn primary" disabled={busy.value} onClick={() => void runImport('merge')}>
          Import and merge
        </button>
        <button type="button" class="btn danger" disabled={busy.value} onClick={() => void runImport('replace')}>
          Replace my workspace with this file
        </button>
        <button type="button" class="btn quiet" onClick={() => (pending.value = null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ClearAll() {
  const snap = treeSnapshot.value;
  if (clearDone.value)
    return <p class="notice ok">Everything was deleted. The dashboard starts again from the beginning.</p>;
  if (!confirmingClear.value) {
    return (
      <button type="button" class="btn danger" onClick={() => (confirmingClear.value = true)}>
        Delete everything…
      </button>
    );
  }
  return (
    <div class="confirm-box" role="alertdialog" aria-labelledby="clear-heading" aria-describedby="clear-text">
      <h3 id="clear-heading">Delete the whole workspace?</h3>
      <p id="clear-text">
        This deletes {snap?.trees.length ?? 0} {snap?.trees.length === 1 ? 'tree' : 'trees'} with all their metrics,
        items, values and reviews from this browser. It cannot be undone: export the workspace first if you may need it.
      </p>
      <div class="actions">
        <button type="button" class="btn danger solid" disabled={busy.value} onClick={() => void clearAll()}>
          Delete everything
        </button>
        <button type="button" class="btn" onClick={() => (confirmingClear.value = false)} ref={(el) => el?.focus()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: views are named for their section; no typed-array DataView here
export function DataView() {
  return (
    <div class="data-view">
      <h2>Data</h2>
      <p class="muted">
        Everything stays in this browser. Files are how it moves: to another browser, a colleague or a spreadsheet.
      </p>
      <section class="card data-card" aria-labelledby="export-heading">
        <h3 id="export-heading">Export</h3>
        <p class="muted small">
          The whole workspace as JSON (every tree), in the documented format; or the active tree’s ranked backlog as
          CSV.
        </p>
        <div class="actions">
          <button type="button" class="btn primary" onClick={() => void exportWorkspace()}>
            Export workspace (JSON)
          </button>
          <CsvButton />
        </div>
        {exportError.value ? <p class="notice error">{exportError.value}</p> : null}
      </section>
      <section class="card data-card" aria-labelledby="import-heading">
        <h3 id="import-heading">Import</h3>
        <p class="muted small">
          You will see what the file adds and changes before anything is written. A file with any problem changes
          nothing.
        </p>
        <div class="field file-field">
          <label for="import-file">Workspace file (.json)</label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            disabled={busy.value}
            onChange={(e) => {
              const input = e.currentTarget;
              void chooseFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
        <div aria-live="polite">
          {importError.value ? (
            <p class="notice error import-error" role="alert">
              {importError.value}
            </p>
          ) : null}
          {importDone.value ? <p class="notice ok import-done">{importDone.value}</p> : null}
        </div>
        {pending.value ? <Preview item={pending.value} /> : null}
      </section>
      <ValueImportSection />
      <ItemImportSection />
      <section class="card data-card danger-zone" aria-labelledby="clear-section-heading">
        <h3 id="clear-section-heading">Delete all data</h3>
        <p class="muted small">
          Removes every tree, metric, item, value and review North Star Lens keeps in this browser.
        </p>
        <ClearAll />
      </section>
    </div>
  );
}
