/**
 * Importing tickets from a tracker's export: which tracker, the address the file does not
 * carry (Jira's site, Linear's workspace), the file as parsed, the label table and RICE
 * columns the person set (last time's choices offered again), the rows that follow, and
 * what the background says importing them would do.
 */
import { batch, computed, signal } from '@preact/signals-core';
import { parseAsanaCsv } from '../../domain/import/asana-csv';
import { parseGhIssueJson, parseGitHubProjectExport } from '../../domain/import/github-issues';
import type { ItemMapping, RiceColumnField } from '../../domain/import/import-mappings';
import type { ItemImportSummary } from '../../domain/import/item-plan';
import {
  fieldNames,
  labelChoices,
  mapTrackerRows,
  pointsRateProblem,
  statusChoices,
} from '../../domain/import/item-rows';
import { parseJiraCsv } from '../../domain/import/jira-csv';
import { parseLinearCsv } from '../../domain/import/linear-csv';
import type { TrackerImport, TrackerSource } from '../../domain/import/tracker-rows';
import { parseTrelloJson } from '../../domain/import/trello-json';
import { parseNumberText } from '../../domain/number-text';
import type { Id, ItemStatus } from '../../domain/types';
import { request } from '../../messaging/client';
import { failureText, readImportFile } from './import-file';
import { importKept, KeptPreview } from './staged-import';
import { settings, tree, treeMetrics } from './tree';

const PARSERS: Record<TrackerSource, (text: string, site: string) => TrackerImport> = {
  jira: parseJiraCsv,
  linear: parseLinearCsv,
  'github-issues': parseGhIssueJson,
  'github-project': parseGitHubProjectExport,
  asana: parseAsanaCsv,
  trello: parseTrelloJson,
};

/** The trackers whose files do not say where they came from: the address is asked once, then remembered. */
export const NEEDS_SITE: Partial<Record<TrackerSource, string>> = {
  jira: 'Your Jira address, e.g. https://acme.atlassian.net',
  linear: 'Your Linear workspace: the name in linear.app/<workspace>/…',
};

export const trackerSource = signal<TrackerSource>('jira');
/** The address typed; null until typed, so the remembered one shows. */
export const siteText = signal<string | null>(null);
export const itemFile = signal<{ name: string; text: string; parsed: TrackerImport } | null>(null);
export const itemFileError = signal<string | null>(null);
export const itemImportDone = signal<string | null>(null);
export const labelTable = signal<Record<string, Id | null>>({});
/** Status names (lower case) the person mapped, last time's offered again. */
export const statusTable = signal<Record<string, ItemStatus>>({});
export const riceColumns = signal<Partial<Record<RiceColumnField, string>>>({});
export const pointsText = signal('');
export const overwrite = signal(false);
export const itemPreview = signal<ItemImportSummary | null>(null);
export const itemBusy = signal(false);

const remembered = computed(() => settings.value?.importMappings?.items[trackerSource.value]);
export const site = computed(() => siteText.value ?? remembered.value?.site ?? '');
export const pointsProblem = computed(() => pointsRateProblem(pointsText.value));
export const labels = computed(() => {
  const file = itemFile.value;
  return file ? labelChoices(file.parsed, treeMetrics.value, { ...emptyMapping(), labels: labelTable.value }) : [];
});
export const statuses = computed(() => {
  const file = itemFile.value;
  return file ? statusChoices(file.parsed, { ...emptyMapping(), statuses: statusTable.value }) : [];
});
export const columns = computed(() => (itemFile.value ? fieldNames(itemFile.value.parsed) : []));
export const mapping = computed<ItemMapping>(() => ({
  site: site.value.trim(),
  labels: Object.fromEntries(labels.value.map((l) => [l.label, l.metricId])),
  rice: riceColumns.value,
  pointsPerMonth: pointsProblem.value ? null : parseNumberText(pointsText.value),
  statuses: Object.fromEntries(statuses.value.map((s) => [s.key, s.status])),
}));
export const mapped = computed(() => (itemFile.value ? mapTrackerRows(itemFile.value.parsed, mapping.value) : null));

function emptyMapping(): ItemMapping {
  return { site: '', labels: {}, rice: {}, pointsPerMonth: null };
}

export function chooseTracker(source: TrackerSource): void {
  batch(() => {
    trackerSource.value = source;
    siteText.value = null;
    itemFile.value = null;
    itemFileError.value = null;
    itemPreview.value = null;
  });
}

let sequence = 0;
/** The rows of the newest preview, kept in the worker for the import to name. */
const kept = new KeptPreview();

export async function refreshItemPreview(): Promise<void> {
  const mine = ++sequence;
  const treeId = tree.value?.id;
  const rows = mapped.value?.rows ?? [];
  const replace = overwrite.value;
  if (!treeId || rows.length === 0 || pointsProblem.value) {
    itemPreview.value = null;
    return;
  }
  try {
    const { staged, ...summary } = await request({ type: 'items.previewImport', treeId, rows, overwrite: replace });
    if (mine !== sequence) return;
    itemPreview.value = summary;
    kept.keep(staged, [treeId, rows, replace]);
  } catch (failure) {
    if (mine === sequence) itemFileError.value = failureText(failure);
  }
}

export async function chooseItemFile(file: File | undefined): Promise<void> {
  batch(() => {
    itemFile.value = null;
    itemFileError.value = null;
    itemImportDone.value = null;
    itemPreview.value = null;
  });
  if (!file) return;
  const read = await readImportFile(file);
  if (!read.ok) {
    itemFileError.value = read.message;
    return;
  }
  const parsed = PARSERS[trackerSource.value](read.text, site.value);
  if (parsed.rows.length === 0) {
    itemFileError.value = `${parsed.problems[0]?.message ?? 'The file holds no tickets.'} Nothing was changed.`;
    return;
  }
  const kept = remembered.value ?? emptyMapping();
  batch(() => {
    itemFile.value = { name: read.name, text: read.text, parsed };
    labelTable.value = kept.labels;
    statusTable.value = kept.statuses ?? {};
    riceColumns.value = kept.rice;
    pointsText.value = kept.pointsPerMonth === null ? '' : String(kept.pointsPerMonth);
  });
  await refreshItemPreview();
}

/** A new address re-reads the file already picked: every link is built from it. */
export function setSite(text: string): void {
  siteText.value = text;
  const file = itemFile.value;
  if (!file) return;
  const parsed = PARSERS[trackerSource.value](file.text, site.value);
  // While the address is half typed the file stays picked, with no preview to import from.
  if (parsed.rows.length === 0) {
    batch(() => {
      itemPreview.value = null;
      itemFileError.value = parsed.problems[0]?.message ?? 'The file holds no tickets.';
    });
    return;
  }
  batch(() => {
    itemFileError.value = null;
    itemFile.value = { ...file, parsed };
  });
  void refreshItemPreview();
}

/** Changes one choice and asks for the preview again. */
export function setItemChoice(change: () => void): void {
  change();
  void refreshItemPreview();
}

export function setLabel(label: string, metricId: Id | null): void {
  setItemChoice(() => (labelTable.value = { ...labelTable.value, [label]: metricId }));
}

export function setStatus(key: string, status: ItemStatus): void {
  setItemChoice(() => (statusTable.value = { ...statusTable.value, [key]: status }));
}

export function cancelItemImport(): void {
  itemFile.value = null;
  itemPreview.value = null;
}

export async function runItemImport(): Promise<void> {
  const file = itemFile.value;
  const treeId = tree.value?.id;
  const rows = mapped.value?.rows;
  if (!file || !treeId || !rows || pointsProblem.value) return;
  itemBusy.value = true;
  try {
    const remember = { source: trackerSource.value, mapping: mapping.value };
    const summary = await importKept(
      kept.idFor([treeId, rows, overwrite.value]),
      (staged) => request({ type: 'items.importStaged', staged, remember }),
      () => request({ type: 'items.import', treeId, rows, overwrite: overwrite.value, remember }),
    );
    kept.forget();
    const skipped = mapped.value?.skipped.length ?? 0;
    batch(() => {
      itemFile.value = null;
      itemPreview.value = null;
      itemImportDone.value =
        `Imported ${file.name}: ${summary.added} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${skipped} skipped.`;
    });
  } catch (failure) {
    itemFileError.value = `The import was refused: ${failureText(failure)}. Nothing was changed.`;
  } finally {
    itemBusy.value = false;
  }
}
