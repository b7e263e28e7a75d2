/**
 * Importing tickets from a tracker's export: Jira or Linear CSV, GitHub's `gh issue list
 * --json` or Project export, Asana CSV, Trello JSON. Each ticket becomes an item with its
 * link, title and status; labels map to input metrics through a table the person can
 * change; RICE can be read from columns of the file. The preview says what is new,
 * updated, unchanged and skipped (with the reason) before anything is written.
 */
import type { TrackerSource } from '../../lib/domain/import/tracker-rows';
import { TRACKER_SOURCES } from '../../lib/domain/import/import-mappings';
import {
  cancelItemImport,
  chooseItemFile,
  chooseTracker,
  itemBusy,
  itemFile,
  itemFileError,
  itemImportDone,
  itemPreview,
  mapped,
  NEEDS_SITE,
  overwrite,
  pointsProblem,
  runItemImport,
  setItemChoice,
  setSite,
  site,
  trackerSource,
} from '../../lib/state/workspace/item-import';
import { problemText } from '../../lib/state/workspace/import-file';
import { SelectField, TextField } from '../common/Field';
import { ItemMappingFields } from './ItemMappingFields';

const SOURCE_LABELS: Record<TrackerSource, string> = {
  jira: 'Jira (CSV export)',
  linear: 'Linear (CSV export)',
  'github-issues': 'GitHub issues (gh issue list --json)',
  'github-project': 'GitHub Project (Export view data)',
  asana: 'Asana (CSV export)',
  trello: 'Trello (board JSON)',
};
const ACCEPT: Record<TrackerSource, string> = {
  jira: '.csv,text/csv',
  linear: '.csv,text/csv',
  'github-issues': '.json,application/json',
  'github-project': '.tsv,.csv,text/tab-separated-values,text/csv',
  asana: '.csv,text/csv',
  trello: '.json,application/json',
};
const SHOWN = 20;

function Skipped() {
  const rows = mapped.value;
  if (!rows || rows.skipped.length + rows.notes.length === 0) return null;
  return (
    <div class="import-problems">
      {rows.skipped.length ? (
        <>
          <p class="small">Skipped:</p>
          <ul class="small item-import-skipped">
            {rows.skipped.slice(0, SHOWN).map((s) => (
              <li key={`${s.line}:${s.reason}`}>{problemText({ line: s.line, column: 0, message: s.reason })}</li>
            ))}
            {rows.skipped.length > SHOWN ? <li>… and {rows.skipped.length - SHOWN} more</li> : null}
          </ul>
        </>
      ) : null}
      {rows.notes.length ? (
        <>
          <p class="small">Imported without some value:</p>
          <ul class="small item-import-notes">
            {rows.notes.slice(0, SHOWN).map((p) => (
              <li key={`${p.line}:${p.column}:${p.message}`}>{problemText(p)}</li>
            ))}
            {rows.notes.length > SHOWN ? <li>… and {rows.notes.length - SHOWN} more</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ItemPreview() {
  const file = itemFile.value!;
  const summary = itemPreview.value;
  const skipped = mapped.value?.skipped.length ?? 0;
  return (
    <div class="import-preview card item-import-preview" role="region" aria-labelledby="item-preview-heading">
      <h3 id="item-preview-heading">Before importing {file.name}</h3>
      <p class="muted small">Nothing has been written yet. Tickets already tracked are matched by their link.</p>
      <ItemMappingFields />
      <div class="field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={overwrite.value}
            onChange={(e) => setItemChoice(() => (overwrite.value = e.currentTarget.checked))}
          />{' '}
          Overwrite tags and RICE values already set in North Star Lens
        </label>
      </div>
      {summary ? (
        <p class="item-import-summary">
          {summary.added} new, {summary.updated} updated, {summary.unchanged} unchanged, {skipped} skipped.
        </p>
      ) : null}
      <Skipped />
      <div class="actions">
        <button
          type="button"
          class="btn primary"
          disabled={itemBusy.value || !summary || pointsProblem.value !== null || summary.added + summary.updated === 0}
          onClick={() => void runItemImport()}
        >
          Import tickets
        </button>
        <button type="button" class="btn quiet" onClick={cancelItemImport}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function ItemImportSection() {
  const source = trackerSource.value;
  const siteHint = NEEDS_SITE[source];
  return (
    <section class="card data-card" aria-labelledby="item-import-heading">
      <h3 id="item-import-heading">Import tickets</h3>
      <p class="muted small">
        Tickets from a tracker’s export become items of the active tree, with their link, title and status. Importing
        again updates titles and statuses and adds nothing twice.
      </p>
      <SelectField
        id="item-source"
        label="Tracker"
        value={source}
        options={TRACKER_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        onChange={(value) => chooseTracker(value as TrackerSource)}
      />
      {siteHint ? (
        <TextField
          id="item-site"
          label={source === 'jira' ? 'Jira address' : 'Linear workspace'}
          hint={siteHint}
          value={site.value}
          onInput={setSite}
        />
      ) : null}
      <div class="field file-field">
        <label for="item-file">Export file</label>
        <input
          id="item-file"
          type="file"
          accept={ACCEPT[source]}
          disabled={itemBusy.value}
          onChange={(e) => {
            const input = e.currentTarget;
            void chooseItemFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      <div aria-live="polite">
        {itemFileError.value ? (
          <p class="notice error item-import-error" role="alert">
            {itemFileError.value}
          </p>
        ) : null}
        {itemImportDone.value ? <p class="notice ok item-import-done">{itemImportDone.value}</p> : null}
      </div>
      {itemFile.value ? <ItemPreview /> : null}
    </section>
  );
}
