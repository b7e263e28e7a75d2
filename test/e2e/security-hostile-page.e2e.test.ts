import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanText } from '../../lib/sites/text';
import { badgeTexts, panelRoot, type ShadowHandle } from './shadow';
import { eventually, launchLens, type Lens } from './harness';
import { recordFigure } from '../security/figures';
import {
  JIRA,
  boxOf,
  clickLikeAPerson,
  elementsInOurShadowRoots,
  hostileFixture,
  pageErrors,
  pwned,
  seedTree,
  storedJson,
} from './security-helpers';

/** Stored text that a page must never see, and that must never run when shown. */
const NSM_NAME = `<script>__pwned.push('nsm')</script>Zephyr weekly teams`;
const INPUT_NAME = `<img src=x onerror="__pwned.push('input')">Quasar activation`;
const NOTES = `"><svg onload=__pwned.push('notes')>confidential acquisition plan`;
const SECRETS = ['Zephyr weekly teams', 'Quasar activation', 'confidential acquisition plan', 'Quasar', 'acquisition'];

/** Markup that would mean a payload became an element, or a link a click would run. */
const FORBIDDEN_TAGS = [
  'img',
  'script',
  'iframe',
  'object',
  'embed',
  'a',
  'image',
  'foreignobject',
  'link',
  'meta',
  'base',
  'frame',
];

const figures = { titles: 0, storedPayloads: 3, boardLinks: 0, cssRules: 5, spoofed: 0, snoopChannels: 0 };

describe('a hostile host page', () => {
  let lens: Lens;
  let itemId: string;

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, {
      nsm: NSM_NAME,
      input: INPUT_NAME,
      key: 'XSS-1',
      title: `<b onmouseover=alert(1)>stored title</b>`,
    });
    itemId = seeded.item.id;
    await lens.call({ type: 'item.update', id: itemId, patch: { notes: NOTES } });
    await lens.serve(new RegExp(`^${JIRA}/browse/XSS-`), await hostileFixture('jira-ticket-payloads.html'));
    await lens.serve(`${JIRA}/jira/software/projects/SEC/boards/1`, await hostileFixture('jira-board-payloads.html'));
    await lens.serve(new RegExp(`^${JIRA}/browse/CSS-`), await hostileFixture('css-takeover.html'));
  });
  afterAll(async () => {
    recordFigure('hostile page: payloads tried', {
      'titles carrying markup, script, RTL and 100k characters': figures.titles,
      'stored names and notes carrying markup': figures.storedPayloads,
      'board links (script in text, query, key; javascript:, data:, look-alike hosts)': figures.boardLinks,
      'CSS takeover rules': figures.cssRules,
      'spoofed postMessage / DOM events': figures.spoofed,
      'snooping channels × guessed secrets': figures.snoopChannels,
    });
    await lens?.close();
  });

  async function openExpanded(url: string, pillIncludes: string): Promise<{ page: Page; panel: ShadowHandle }> {
    const page = await lens.open(url);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes(pillIncludes)),
    );
    await panel.openPanel();
    await eventually(() => panel.exists('[data-testid=panel]'), Boolean);
    return { page, panel };
  }

  async function expectNothingRan(page: Page): Promise<void> {
    expect(await pwned(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
    const elements = await elementsInOurShadowRoots(page);
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.filter((e) => FORBIDDEN_TAGS.includes(e.tag)).map((e) => e.tag)).toEqual([]);
    expect(elements.flatMap((e) => e.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
  }

  it('shows a ticket title made of markup, script and RTL overrides as the very characters, and runs none of it', async () => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/XSS-1`, 'Quasar');
    const heading = cleanText(await page.evaluate(() => document.querySelector('h1')!.textContent));
    expect(heading).toContain('<img src=x onerror=');
    expect(heading).toContain('\u202E');
    expect(await panel.text('.panel-title')).toBe(heading);
    expect(await panel.text('[data-testid=path]')).toContain(INPUT_NAME);
    expect(await panel.text('[data-testid=path]')).toContain(NSM_NAME);
    expect(await panel.value('#nsl-notes')).toBe(NOTES);
    expect(await panel.text('[data-testid=pill]')).toBeNull();
    await panel.click('.panel-head button.icon');
    expect(await eventually(() => panel.text('[data-testid=pill]'), Boolean)).toBe(`★${INPUT_NAME} · 400`);
    await expectNothingRan(page);
    figures.titles += 1;
    await page.close();
  });

  it.each([
    ['XSS-2', 'a 100,000-character right-to-left title'],
    ['XSS-3', 'a title of 600 emoji, cut where no half emoji remains'],
  ])('tracks %s, with %s, as plain text within the length a name may have', async (key) => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/${key}`, 'Not tracked');
    const heading = cleanText(await page.evaluate(() => document.querySelector('h1')!.textContent));
    expect(heading.length).toBeLessThanOrEqual(500);
    expect(await panel.text('.panel-title')).toBe(heading);
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-notes'), Boolean);
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key }] });
    expect(stored.item?.title).toBe(heading);
    expect(stored.item?.title).not.toMatch(/[\uD800-\uDBFF]$/);
    await expectNothingRan(page);
    figures.titles += 1;
    await page.close();
  });

  it('puts badges, as text, only beside real ticket links: never beside javascript:, data:, look-alike or malformed ones', async () => {
    const page = await lens.open(`${JIRA}/jira/software/projects/SEC/boards/1`);
    const anchors = await page.evaluate(() => document.querySelectorAll('#cards a').length);
    figures.boardLinks = anchors;
    const badges = await eventually(
      () => badgeTexts(page),
      (b) => b.length === 5 && !b.some((x) => x.badge === '…'),
    );
    expect(badges.map((b) => b.anchorText)).toEqual([
      "<img src=x onerror=__pwned.push('card-text')> XSS-1",
      'XSS-1 with a script in the query',
      'protocol-relative XSS-2',
      'XSS-3',
      '\u202EXSS-4 RTL',
    ]);
    expect(badges[0]!.badge).toMatch(/^<img src=x.* · 400$/);
    expect(badges[1]!.badge).toBe(badges[0]!.badge);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => document.querySelectorAll('[data-nsl-badge]').length)).toBe(5);
    await expectNothingRan(page);
    await page.close();
  });

  it('still shows, lays out and works the panel and badges on a page whose CSS unsets, hides and covers everything', async () => {
    const page = await lens.open(`${JIRA}/browse/CSS-1`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Not tracked')),
    );

    const pill = await boxOf(panel, '[data-testid=pill]');
    expect(pill!.width).toBeGreaterThan(100);
    expect(pill!.height).toBeGreaterThan(20);
    expect(pill!.x + pill!.width).toBeLessThanOrEqual(1280);
    expect(pill!.y + pill!.height).toBeLessThanOrEqual(800);
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
      [pill!.x + pill!.width / 2, pill!.y + pill!.height / 2],
    );
    expect(onTop).toBe('NORTH-STAR-LENS');

    await clickLikeAPerson(page, panel, '[data-testid=pill]');
    await eventually(() => panel.exists('[data-testid=panel]'), Boolean);
    const style = await panel.run<Record<string, string>>(`(root) => {
      const s = getComputedStyle(root.querySelector('[data-testid=panel]'));
      return { fontSize: s.fontSize, color: s.color, visibility: s.visibility, opacity: s.opacity, display: s.display, fontFamily: s.fontFamily };
    }`);
    expect(style).toMatchObject({ fontSize: '13px', visibility: 'visible', opacity: '1' });
    expect(style.display).not.toBe('none');
    expect(style.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.fontFamily).not.toContain('Comic Sans');

    await clickLikeAPerson(page, panel, '.track button.primary');
    await eventually(() => panel.exists('#nsl-notes'), Boolean);
    await clickLikeAPerson(page, panel, '#nsl-notes');
    await page.keyboard.type('typed through a hostile stylesheet', { delay: 5 });
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'CSS-1' }] });
    expect(stored.item?.notes).toBe('typed through a hostile stylesheet');
    expect(await page.evaluate(() => (window as unknown as { __overlayClicks: number }).__overlayClicks)).toBe(0);

    const badge = await eventually(
      () =>
        page.evaluate(() => {
          const host = document.querySelector('[data-nsl-badge]');
          if (!host) return null;
          const s = getComputedStyle(host);
          const r = host.getBoundingClientRect();
          return {
            display: s.display,
            visibility: s.visibility,
            opacity: s.opacity,
            transform: s.transform,
            width: r.width,
          };
        }),
      (b) => b !== null && b.width > 0,
    );
    expect(badge).toMatchObject({ visibility: 'visible', opacity: '1', transform: 'none' });
    expect(badge!.display).not.toBe('none');
    expect(badge!.width).toBeGreaterThan(20);
    expect(await pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('lets page script that reads the DOM, patches attachShadow and walks shadow roots learn nothing that is stored', async () => {
    const { page } = await openExpanded(`${JIRA}/browse/XSS-1`, 'Quasar');
    const report = await page.evaluate(
      (secrets) => (window as unknown as { snoop(s: string[]): Record<string, unknown> }).snoop(secrets),
      SECRETS,
    );
    expect(report).toMatchObject({ openRoots: 0, capturedRoots: 0, found: [] });
    expect(report.hosts).toBeGreaterThanOrEqual(1);
    figures.snoopChannels = SECRETS.length * 6;

    const messages = await page.evaluate(() =>
      JSON.stringify((window as unknown as { __messages: unknown[] }).__messages),
    );
    expect(messages).not.toContain(lens.extensionId);
    expect(messages).not.toMatch(/wxt|overlay|north-star/i);
    await expectNothingRan(page);
    await page.close();
  });

  it('does not write, delete or reveal anything when the page posts spoofed messages and synthetic events', async () => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/XSS-1`, 'Quasar');
    const before = await storedJson(lens);
    const sent = await page.evaluate((id) => (window as unknown as { spoof(id: string): number }).spoof(id), itemId);
    figures.spoofed = sent;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedJson(lens)).toBe(before);
    expect(await panel.exists('[data-testid=panel]')).toBe(true);
    expect(await panel.value('#nsl-notes')).toBe(NOTES);
    await expectNothingRan(page);
    await page.close();
  });
});
