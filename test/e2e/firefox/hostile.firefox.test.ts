import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../harness';
import {
  badgeTexts,
  eventually,
  JIRA,
  launchLens,
  type Lens,
  type PanelHandle,
  panelRoot,
  seedTree,
  storedJson,
} from './harness';

/** Stored text that a page must never see, and that must never run when shown. */
const NSM_NAME = `<script>__pwned.push('nsm')</script>Zephyr weekly teams`;
const INPUT_NAME = `<img src=x onerror="__pwned.push('input')">Quasar activation`;
const NOTES = `"><svg onload=__pwned.push('notes')>confidential acquisition plan`;
const SECRETS = ['Zephyr weekly teams', 'Quasar activation', 'confidential acquisition plan'];
const FORBIDDEN_TAGS = ['img', 'script', 'iframe', 'object', 'embed', 'a', 'image', 'foreignobject', 'link', 'svg'];

const hostile = (name: string) => readFile(join(FIXTURES_DIR, 'hostile', name), 'utf8');

/**
 * The hostile fixtures of test/fixtures/hostile in Firefox, where content scripts see the
 * page's DOM through Xray wrappers instead of Chromium's isolated worlds: the page patches
 * attachShadow, posts spoofed messages and walks the DOM for stored secrets.
 */
describe('Firefox: a hostile host page', () => {
  let lens: Lens;
  let itemId: string;

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, { nsm: NSM_NAME, input: INPUT_NAME, key: 'XSS-1', title: 'stored title' });
    itemId = seeded.item.id;
    await lens.call({ type: 'item.update', id: itemId, patch: { notes: NOTES } });
    lens.serve(new RegExp(`^${JIRA}/browse/XSS-`), await hostile('jira-ticket-payloads.html'));
    lens.serve(`${JIRA}/jira/software/projects/SEC/boards/1`, await hostile('jira-board-payloads.html'));
  });
  afterAll(async () => {
    await lens?.close();
  });

  async function openExpanded(url: string): Promise<{ page: Page; panel: PanelHandle }> {
    const page = await lens.open(url);
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('Quasar'));
    await panel.openPanel();
    return { page, panel };
  }

  async function expectNothingRan(page: Page): Promise<void> {
    expect(await lens.evaluate(page, '() => window.__pwned')).toEqual([]);
    expect(await lens.evaluate(page, '() => window.__errors')).toEqual([]);
    const roots = await lens.shadowRoots(page, 'north-star-lens, [data-nsl-badge]');
    const elements = (
      await Promise.all(
        roots.map((root) =>
          root.run<{ tag: string; attributes: string[] }[]>(
            `(root) => [...root.querySelectorAll('*')].map((e) => ({ tag: e.localName, attributes: e.getAttributeNames() }))`,
          ),
        ),
      )
    ).flat();
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.filter((e) => FORBIDDEN_TAGS.includes(e.tag)).map((e) => e.tag)).toEqual([]);
    expect(elements.flatMap((e) => e.attributes).filter((name) => /^on/i.test(name))).toEqual([]);
  }

  it('shows a title made of markup, script and RTL overrides as the very characters, and runs none of it', async () => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/XSS-1`);
    const heading = await lens.evaluate<string>(page, `() => document.querySelector('h1').textContent`);
    expect(heading).toContain('<img src=x onerror=');
    expect(await panel.text('.panel-title')).toContain('<img src=x onerror=');
    expect(await panel.text('[data-testid=path]')).toContain(INPUT_NAME);
    expect(await panel.text('[data-testid=path]')).toContain(NSM_NAME);
    expect(await panel.value('#nsl-notes')).toBe(NOTES);
    await expectNothingRan(page);
    await page.close();
  });

  it('keeps its shadow roots closed although the page patched attachShadow first, and leaks no secret', async () => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/XSS-1`);
    expect(panel.mode).toBe('closed');
    const report = await lens.evaluate<Record<string, unknown>>(page, '(secrets) => window.snoop(secrets)', SECRETS);
    expect(report).toMatchObject({ openRoots: 0, capturedRoots: 0, found: [] });
    expect(report.hosts).toBeGreaterThanOrEqual(1);
    const messages = await lens.evaluate<string>(page, '() => JSON.stringify(window.__messages)');
    expect(messages).not.toContain(lens.origin);
    expect(messages).not.toMatch(/overlay|north-star/i);
    await expectNothingRan(page);
    await page.close();
  });

  it('does not write, delete or reveal anything when the page posts spoofed messages and events', async () => {
    const { page, panel } = await openExpanded(`${JIRA}/browse/XSS-1`);
    const before = await storedJson(lens);
    expect(await lens.evaluate<number>(page, '(id) => window.spoof(id)', itemId)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await storedJson(lens)).toBe(before);
    expect(await panel.value('#nsl-notes')).toBe(NOTES);
    await expectNothingRan(page);
    await page.close();
  });

  it('puts badges, as text, only beside real ticket links: never beside javascript:, data: or look-alikes', async () => {
    const page = await lens.open(`${JIRA}/jira/software/projects/SEC/boards/1`);
    const badges = await eventually(
      () => badgeTexts(lens, page),
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
    await expectNothingRan(page);
    await page.close();
  });

  it('printed no error of its own', () => {
    expect(lens.extensionErrors()).toEqual([]);
  });
});
