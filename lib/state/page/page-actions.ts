/**
 * What the open panel does to this page's entity: track it, link a chart to a metric,
 * record a value. Each reloads the page state afterwards (page.ts). Part of the panel's
 * code, not of the content script: only the open panel offers these.
 */
import { request } from '../../messaging/client';
import { chartMetric, entity, loadPage, pageContext, pageMetrics } from './page';

/** Turns this page's ticket into an item of the active tree, titled as the page is. */
export async function trackThisPage(): Promise<void> {
  const current = entity.value;
  const tree = pageContext.value?.tree;
  if (!current || !tree) return;
  try {
    await request({
      type: 'item.create',
      treeId: tree.id,
      title: current.title || current.key,
      links: [{ site: current.site, key: current.key, url: current.url }],
    });
  } finally {
    // Also after a failure: a create that was stored but never confirmed shows up as tracked.
    await loadPage();
  }
}

/** Records that this chart or dashboard shows `metricId`, so the panel recognises it next time. */
export async function linkChartToMetric(metricId: string): Promise<void> {
  const current = entity.value;
  const metric = pageMetrics.value.find((m) => m.id === metricId);
  if (!current || !metric) return;
  const sourceUrls = metric.sourceUrls.includes(current.url) ? metric.sourceUrls : [...metric.sourceUrls, current.url];
  await request({ type: 'metric.update', id: metric.id, patch: { sourceUrls } });
  await loadPage();
}

export async function recordValue(value: number, at: string, note: string): Promise<void> {
  const metric = chartMetric.value;
  const current = entity.value;
  if (!metric || !current) return;
  try {
    await request({ type: 'observation.add', metricId: metric.id, at, value, sourceUrl: current.url, note });
  } finally {
    await loadPage();
  }
}
