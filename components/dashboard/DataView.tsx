/**
 * The workspace as files: export it whole, import one after seeing what it would add
 * and change (a bad file changes nothing and says what is wrong and where), export the
 * ranked backlog for spreadsheets, and delete everything after a confirmation.
 */
import { signal } from '@preact/signals';
import { RECORD_KINDS, type RecordKind } from '../../lib/domain/types';
import { request } from '../../lib/messaging/client';
import { treeSnapshot } from '../../lib/state/workspace/tree';
import {
  chooseFile,
  describeFailure,
  exportError,
  exportedText,
  fileBusy,
  importDone,
  importError,
  pendingImport,
  runImport,
  total,
  type PendingImport,
} from '../../lib/state/workspace/workspace-file';
import { download } from '../common/download';
import { CsvButton } from './CsvButton';
import { ItemImportSection } from './ItemImport';
import { ValueImportSection } from './ValueImport';

const confirmingClear = signal(false);
const clearDone = signal(false);

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

async function exportWorkspace(): Promise<void> {
  try {
    exportError.value = null;
    const parts = await exportedText();
    const day = new Date().toISOString().slice(0, 10);
    download(`north-star-lens-${day}.json`, parts, 'application/json');
  } catch (e) {
    exportError.value = describeFailure(e);
  }
}

async function clearAll(): Promise<void> {
  fileBusy.value = true;
  try {
    await request({ type: 'workspace.clear' });
    confirmingClear.value = false;
    clearDone.value = true;
  } catch (e) {
    importError.value = describeFailure(e);
  } finally {
    fileBusy.value = false;
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
        <button type="button" class="btn primary" disabled={fileBusy.value} onClick={() => void runImport('merge')}>
          Import and merge
        </button>
        <button type="button" class="btn danger" disabled={fileBusy.value} onClick={() => void runImport('replace')}>
          Replace my workspace with this file
        </button>
        <button type="button" class="btn quiet" onClick={() => (pendingImport.value = null)}>
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
        <button type="button" class="btn danger solid" disabled={fileBusy.value} onClick={() => void clearAll()}>
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
            disabled={fileBusy.value}
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
        {pendingImport.value ? <Preview item={pendingImport.value} /> : null}
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
