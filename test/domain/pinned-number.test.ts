// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePin, findPinned, numberShape, pinFor, withPin, type NumberPin } from '../../lib/domain/pinned-number';
import { readPageText } from '../../lib/state/page/page-text';

/** A saved chart page from test/fixtures/pin, read as the panel reads the host page. */
function pageTexts(name: string): { texts: string[]; headline: number } {
  const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pin', name), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const page = readPageText(doc.body);
  const headline = doc.getElementById('headline');
  return { texts: page.texts, headline: headline ? page.nodes.findIndex((n) => headline.contains(n)) : -1 };
}

function pinOn(name: string) {
  const { texts, headline } = pageTexts(name);
  const pin = describePin(texts, headline);
  if (!pin) throw new Error(`no pin on ${name}`);
  return pin;
}

describe('pinning the headline number of a chart page', () => {
  it('remembers the words beside the number and its shape, not where it sits in the page', () => {
    expect(pinOn('chart-kpi.html')).toEqual({
      label: 'Weekly active teams',
      labelAfter: false,
      shape: { prefix: '', percent: false },
      gap: 1,
    });
  });

  it('finds the number again on the same page', () => {
    const { texts } = pageTexts('chart-kpi.html');
    expect(findPinned(pinOn('chart-kpi.html'), texts)).toMatchObject({ text: '51,870', value: 51_870 });
  });

  it('finds it after a re-render with new class names, the cards swapped and the label also heading a table', () => {
    const { texts, headline } = pageTexts('chart-kpi-rerendered.html');
    const found = findPinned(pinOn('chart-kpi.html'), texts);
    expect(found).toMatchObject({ text: '52,410', value: 52_410 });
    expect(found?.index).toBe(headline);
  });

  it('takes a second number beside the same label only when that one was pinned', () => {
    const texts = ['Signups', '1,200', '1,350', 'Conversions', '310'];
    const second = describePin(texts, 2)!;
    expect(second).toMatchObject({ label: 'Signups', gap: 2 });
    expect(findPinned(second, ['Signups', '1,260', '1,410', 'Conversions', '290'])?.value).toBe(1410);
    expect(findPinned(describePin(texts, 1)!, ['Signups', '1,260', '1,410'])?.value).toBe(1260);
  });

  it('counts every number between the label and the pinned one, whatever its shape', () => {
    const pin = describePin(['Revenue', '€1,200', '+4%', '12,000', 'orders'], 3)!;
    expect(pin).toMatchObject({ label: 'Revenue', gap: 3, shape: { prefix: '', percent: false } });
    expect(findPinned(pin, ['Revenue', '€1,350', '+2%', '12,800', 'orders'])?.value).toBe(12_800);
    expect(numberShape('€12,400')).toEqual({ prefix: '€', percent: false });
    expect(numberShape('3.4%')).toEqual({ prefix: '', percent: true });
  });

  it('finds nothing where the pinned place now holds a number of another shape', () => {
    const pin = describePin(['Revenue', '12,000'], 1)!;
    expect(findPinned(pin, ['Revenue', '€12,000'])).toBeNull();
    expect(findPinned(pin, ['Revenue', '12%'])).toBeNull();
  });

  it('finds nothing when the number is still loading, even where the label also heads a table column', () => {
    const { texts } = pageTexts('chart-kpi-rerendered.html');
    const loading = texts.map((t) => (t === '52,410' ? '…' : t));
    expect(loading).toContain('48,120');
    expect(findPinned(pinOn('chart-kpi.html'), loading)).toBeNull();
  });

  it('finds the number in a re-rendered page in another language, by the label it had when pinned', () => {
    const { texts, headline } = pageTexts('chart-kpi-de-rerendered.html');
    expect(findPinned(pinOn('chart-kpi-de.html'), texts)).toMatchObject({ index: headline, value: 53_002 });
  });

  it('works with labels in any language, as long as the page still says what it said when pinned', () => {
    expect(pinOn('chart-kpi-de.html').label).toBe('Wöchentlich aktive Teams');
    const english = pageTexts('chart-kpi.html').texts;
    expect(findPinned(pinOn('chart-kpi-de.html'), english)).toBeNull();
  });

  it('finds nothing when the number is gone, rather than taking the next card’s number', () => {
    const { texts } = pageTexts('chart-kpi-missing.html');
    expect(texts).toContain('12,340');
    expect(findPinned(pinOn('chart-kpi.html'), texts)).toBeNull();
  });

  it('uses a label after the number when none precedes it', () => {
    const pin = describePin(['51,870', 'weekly active teams', '12,340', 'teams inviting'], 0)!;
    expect(pin).toMatchObject({ label: 'weekly active teams', labelAfter: true, gap: 1 });
    expect(findPinned(pin, ['49,000', 'Weekly active teams', '11,000', 'teams inviting'])?.value).toBe(49_000);
  });

  it('refuses to pin what is not a number, or a number with no words near it', () => {
    expect(describePin(['Weekly active teams', 'Nov 23 – Nov 30'], 1)).toBeNull();
    expect(describePin(['12', '13', '14'], 1)).toBeNull();
    expect(describePin(['Teams'], 3)).toBeNull();
  });
});

describe("a metric's pins, one per chart page", () => {
  const pin = (sourceUrl: string, label: string): NumberPin => ({
    sourceUrl,
    label,
    labelAfter: false,
    shape: { prefix: '', percent: false },
    gap: 1,
    autoRecord: false,
  });
  const chart = 'https://app.amplitude.com/analytics/acme/chart/mccedr54';

  it('finds the page’s pin by the chart’s address, ignoring campaign tags and a trailing slash', () => {
    const pins = [pin(chart, 'Weekly active teams')];
    expect(pinFor(pins, `${chart}/?utm_source=mail`)?.label).toBe('Weekly active teams');
    expect(pinFor(pins, 'https://app.amplitude.com/analytics/acme/chart/other')).toBeNull();
    expect(pinFor(undefined, chart)).toBeNull();
  });

  it('replaces the page’s pin when pinned again, and removes it', () => {
    const other = pin('https://eu.posthog.com/project/1/insights/abc', 'Signups');
    const pins = withPin([other, pin(chart, 'Old')], `${chart}/`, pin(chart, 'New'));
    expect(pins.map((p) => p.label)).toEqual(['Signups', 'New']);
    expect(withPin(pins, chart, null)).toEqual([other]);
  });
});
