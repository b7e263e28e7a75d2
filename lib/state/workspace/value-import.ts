/**
 * Importing a metric's values from an analytics export: the file as parsed, what the
 * person picked (series, metric, roll-up), the values that follow from it, and what the
 * background says importing them would do. Started from the Data section or from a
 * metric's card (`origin`), so the preview shows where the file was picked.
 */
import { batch, computed, signal } from '@preact/signals-core';
import { parseAnalyticsExport } from '../../domain/import/analytics-export';
import type { AnalyticsImport } from '../../domain/import/metric-series';
import type { RollUpMethod } from '../../domain/import/roll-up';
import { seriesOptions, valueSourceKey, valuesFor, type ValueImportSummary } from '../../domain/import/value-choice';
import type { Id } from '../../domain/types';
import { request } from '../../messaging/client';
import { failureText, readImportFile } from './import-file';
import { importKept, KeptPreview } from './staged-import';
import { settings, treeMetrics } from './tree';

export interface ValueFile {
  name: string;
  parsed: AnalyticsImport;
}

export const valueFile = signal<ValueFile | null>(null);
/** Why the picked file cannot be imported at all; per-line problems are in the parse. */
export const valueFileError = signal<string | null>(null);
export const valueImportDone = signal<string | null>(null);
/** Where the file was picked: 'data', or the id of the metric whose card it was picked on. */
export const valueOrigin = signal<string>('data');
export const chosenSeries = signal('');
export const chosenMetricId = signal<Id>('');
export const chosenMethod = signal<RollUpMethod>('sum');
export const valuePreview = signal<ValueImportSummary | null>(null);
export const valueBusy = signal(false);

export const valueOptions = computed(() => (valueFile.value ? seriesOptions(valueFile.value.parsed) : []));
export const targetMetric = computed(() => treeMetrics.value.find((m) => m.id === chosenMetricId.value) ?? null);
export const chosenIsTotal = computed(
  () => valueOptions.value.find((o) => o.label === chosenSeries.value)?.kind === 'total',
);
/** The values the import would record: rolled up to the metric's period, dated at each period's end. */
export const plannedValues = computed(() => {
  const file = valueFile.value;
  const metric = targetMetric.value;
  if (!file || !metric) return [];
  return valuesFor(file.parsed, chosenSeries.value, metric.period, chosenMethod.value);
});

let sequence = 0;
/** The values of the newest preview, kept in the worker for the import to name. */
const kept = new KeptPreview();

/** Asks the background what importing the planned values would do; a newer ask supersedes an older one. */
export async function refreshValuePreview(): Promise<void> {
  const mine = ++sequence;
  const metric = targetMetric.value;
  const planned = plannedValues.value;
  const values = planned.map(({ at, value }) => ({ at, value }));
  if (!metric || values.length === 0) {
    valuePreview.value = null;
    return;
  }
  try {
    const { staged, ...summary } = await request({ type: 'observations.previewImport', metricId: metric.id, values });
    if (mine !== sequence) return;
    valuePreview.value = summary;
    kept.keep(staged, [metric.id, planned]);
  } catch (failure) {
    if (mine === sequence) valueFileError.value = failureText(failure);
  }
}

/** Reads and parses the picked file and offers last time's choices for the same kind of file. */
export async function chooseValueFile(file: File | undefined, origin = 'data'): Promise<void> {
  batch(() => {
    valueFile.value = null;
    valueFileError.value = null;
    valueImportDone.value = null;
    valuePreview.value = null;
    valueOrigin.value = origin;
  });
  if (!file) return;
  const read = await readImportFile(file);
  if (!read.ok) {
    valueFileError.value = read.message;
    return;
  }
  const parsed = parseAnalyticsExport(read.text);
  const options = seriesOptions(parsed);
  if (options.length === 0) {
    const reason = parsed.problems[0]?.message ?? 'No dated values were found in the file.';
    valueFileError.value = `${reason} Nothing was changed.`;
    return;
  }
  const remembered = settings.value?.importMappings?.values[valueSourceKey(parsed)];
  const metrics = treeMetrics.value;
  const knownMetric = (id: Id | undefined) => (id && metrics.some((m) => m.id === id) ? id : undefined);
  batch(() => {
    valueFile.value = { name: read.name, parsed };
    chosenSeries.value = options.some((o) => o.label === remembered?.series) ? remembered!.series : options[0]!.label;
    chosenMetricId.value =
      (origin !== 'data' ? knownMetric(origin) : undefined) ??
      knownMetric(remembered?.metricId) ??
      metrics.find((m) => m.role === 'nsm')?.id ??
      metrics[0]?.id ??
      '';
    chosenMethod.value = remembered?.method ?? 'sum';
  });
  await refreshValuePreview();
}

export function chooseValueMapping(change: { series?: string; metricId?: Id; method?: RollUpMethod }): void {
  batch(() => {
    if (change.series !== undefined) chosenSeries.value = change.series;
    if (change.metricId !== undefined) chosenMetricId.value = change.metricId;
    if (change.method !== undefined) chosenMethod.value = change.method;
  });
  void refreshValuePreview();
}

export function cancelValueImport(): void {
  valueFile.value = null;
  valuePreview.value = null;
}

/** One request, one transaction; the mapping is remembered with it. */
export async function runValueImport(): Promise<void> {
  const file = valueFile.value;
  const metric = targetMetric.value;
  if (!file || !metric) return;
  valueBusy.value = true;
  try {
    const planned = plannedValues.value;
    const remember = {
      key: valueSourceKey(file.parsed),
      mapping: { series: chosenSeries.value, metricId: metric.id, method: chosenMethod.value },
    };
    const summary = await importKept(
      kept.idFor([metric.id, planned]),
      (staged) => request({ type: 'observations.importStaged', staged, remember }),
      () =>
        request({
          type: 'observations.import',
          metricId: metric.id,
          values: planned.map(({ at, value }) => ({ at, value })),
          remember,
        }),
    );
    kept.forget();
    batch(() => {
      valueFile.value = null;
      valuePreview.value = null;
      valueImportDone.value =
        `Imported ${file.name} into ${metric.name}: ${summary.added} new, ${summary.changed} changed, ` +
        `${summary.unchanged} unchanged.`;
    });
  } catch (failure) {
    valueFileError.value = `The import was refused: ${failureText(failure)}. Nothing was changed.`;
  } finally {
    valueBusy.value = false;
  }
}
