/**
 * Auto-capture of a pinned number: when a chart page opens (its early `page.open`), and
 * only if the page's metric has its number pinned there with "record it on every visit"
 * on, the background puts the job and then the capture script
 * (entrypoints/pin-capture.ts) into that frame's isolated world. Every other page gets
 * nothing: the content script carries none of this.
 */
import { browser } from 'wxt/browser';
import { pinFor } from '../domain/pinned-number';
import { CAPTURE_JOB, type CaptureJob } from '../domain/capture';
import { entityAtUrl } from '../sites';
import { type LensDb, findMetricBySourceUrl, getSettings } from '../storage';
import type { MessageSender } from './panel-injection';

const PIN_CAPTURE_SCRIPT = '/pin-capture.js';

/** The capture job for a page at `url`, or null when nothing is to be recorded there. */
export async function captureJobFor(db: LensDb, url: string): Promise<CaptureJob | null> {
  const { activeTreeId, customDomains, disabledSites } = await getSettings(db);
  const chart = entityAtUrl(new URL(url), customDomains);
  if (!activeTreeId || chart?.kind !== 'analytics' || disabledSites.includes(chart.site)) return null;
  const metric = await findMetricBySourceUrl(db, activeTreeId, chart.url);
  const pin = metric && pinFor(metric.pins, chart.url);
  return metric && pin?.autoRecord ? { metricId: metric.id, sourceUrl: chart.url, pin } : null;
}

export async function captureIfPinned(database: () => Promise<LensDb>, url: string, sender: MessageSender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  try {
    const job = await captureJobFor(await database(), url);
    if (!job) return;
    const target = { tabId, frameIds: [sender.frameId ?? 0] };
    await browser.scripting.executeScript({
      target,
      func: (name: string, value: CaptureJob) => {
        (globalThis as Record<string, unknown>)[name] = value;
      },
      args: [CAPTURE_JOB, job],
    });
    await browser.scripting.executeScript({ target, files: [PIN_CAPTURE_SCRIPT] });
  } catch (failure) {
    console.error('North Star Lens: the pinned number could not be captured', failure);
  }
}
