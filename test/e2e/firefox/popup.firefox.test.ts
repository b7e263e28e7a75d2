import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickText, eventually, launchLens, type Lens, openExtensionPage, seedDemo } from './harness';

/**
 * The popup page opened as a tab: a headless browser cannot click the toolbar button. In a
 * tab, the "current tab" the popup reads is its own extension page, which cannot be linked.
 */
describe('Firefox: the popup page', () => {
  let lens: Lens;
  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('shows the North Star with its latest value and trend, and says its own page cannot be linked', async () => {
    const popup = await openExtensionPage(lens, 'popup.html', '#nsm-name');
    const shown = await eventually(
      () =>
        lens.evaluate<{ name: string; value: string; trend: string; page: string }>(
          popup,
          `() => ({
            name: document.querySelector('#nsm-name')?.textContent,
            value: document.querySelector('.nsm-value')?.textContent ?? '',
            trend: document.querySelector('.trend')?.textContent ?? '',
            page: document.querySelector('.this-page')?.textContent ?? '',
          })`,
        ),
      (s) => s.page.length > 0,
    );
    const values = await lens.call({ type: 'observations.list', metricId: 'm-nsm' });
    const latest = values.sort((a, b) => a.at.localeCompare(b.at)).at(-1)!;
    expect(shown.name).toBe('Nights booked');
    expect(shown.value).toContain(latest.value.toLocaleString('en-US'));
    expect(shown.trend).toMatch(/(up|down) \d+%/);
    expect(shown.page).toContain('Browser pages cannot be linked.');
    await popup.close();
  });

  it('adds an idea tagged to an input metric, unlinked to any page', async () => {
    const popup = await openExtensionPage(lens, 'popup.html', '#idea-title');
    await popup.type('#idea-title', 'Host response badges');
    await popup.select('#idea-metric', 'm-conversion');
    await clickText(popup, 'button', 'Add idea');
    await popup.waitForSelector('.ok-text');
    const item = await eventually(
      async () => (await lens.call({ type: 'snapshot.get' })).items.find((i) => i.title === 'Host response badges'),
      Boolean,
    );
    expect(item?.inputMetricId).toBe('m-conversion');
    expect(item?.links).toEqual([]);
    await popup.close();
  });

  it('opens the dashboard in a new tab', async () => {
    const popup = await openExtensionPage(lens, 'popup.html', '.popup-head');
    await clickText(popup, 'button', 'Open dashboard');
    // Tabs the extension opens itself are not the lens's: the background lists its views.
    const views = await eventually(
      () =>
        lens.inBackground<string[]>(
          `(bg) => bg.browser.extension.getViews({ type: 'tab' }).map((w) => new URL(w.location.href).pathname)`,
        ),
      (paths) => paths.filter((p) => p === '/dashboard.html').length >= 2,
    );
    // One dashboard is the lens's own bridge page; the other is the one the popup opened.
    expect(views.filter((p) => p === '/dashboard.html')).toHaveLength(2);
  });

  it('printed no error of its own', () => {
    expect(lens.extensionErrors()).toEqual([]);
  });
});
