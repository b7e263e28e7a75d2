/**
 * Runs the built Firefox extension (.output/firefox-mv2) in Debian's firefox-esr, launched
 * by scripts/browser/firefox.mjs: fixture pages at the sites' real URLs, nothing on the
 * network. What is the tests' own is here: fixture files, the demo workspace, the panel
 * and badges read through their closed shadow roots, and waiting for an assertion to hold.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  type FirefoxLens,
  type FirefoxOptions,
  launchFirefox,
  type ShadowRootRef,
} from '../../../scripts/browser/firefox.mjs';
import { demoWorkspace } from '../../../scripts/demo/workspace.mjs';
import { eventually, FIXTURES_DIR } from '../harness';

export { demoWorkspace, eventually };
export type { FirefoxLens as Lens };

export const JIRA = 'https://acme.atlassian.net';

export function launchLens(options: FirefoxOptions = {}): Promise<FirefoxLens> {
  return launchFirefox(options);
}

/** A tab on one of the extension's own pages, once its view has rendered. */
export async function openExtensionPage(lens: FirefoxLens, path: string, rendered: string): Promise<Page> {
  const page = await lens.extensionPage(path);
  await page.waitForSelector(rendered);
  return page;
}

/** Clicks an element of an extension page (or host page) the way a person does, which Firefox counts as user input. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const target = await page.waitForSelector(`${selector}::-p-text(${text})`);
  if (!target) throw new Error(`No ${selector} saying ${text}`);
  await target.click();
}

export async function serveFixture(lens: FirefoxLens, url: string | RegExp, file: string): Promise<void> {
  lens.serve(url, await readFile(join(FIXTURES_DIR, file), 'utf8'));
}

export async function seedDemo(lens: FirefoxLens): Promise<void> {
  await lens.call({ type: 'workspace.import', document: demoWorkspace(), mode: 'replace' });
}

/** The same seeding as the Chromium tests: an NSM, inputs, and one estimated item linked to `key` (score 400). */
export { seedTree, storedJson } from '../security-helpers';

export interface PanelHandle extends ShadowRootRef {
  text(selector: string): Promise<string | null>;
  exists(selector: string): Promise<boolean>;
  click(selector: string): Promise<void>;
  /** Clicks the pill and waits for the open panel, whose code loads on that first open, to take the focus. */
  openPanel(): Promise<void>;
  focus(selector: string): Promise<void>;
  value(selector: string): Promise<string | null>;
  /** Focuses the field, selects what it holds, and types like a person. */
  type(selector: string, text: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** The pill's text once it is no longer loading and passes `accept`. */
  pill(accept?: (text: string) => boolean): Promise<string | null>;
}

/** The panel's closed shadow root on `page`, once the overlay has made it. */
export async function panelRoot(lens: FirefoxLens, page: Page): Promise<PanelHandle> {
  const root = await eventually(() => lens.shadowRoot(page, 'north-star-lens'), Boolean, 10_000);
  if (!root) throw new Error(`No <north-star-lens> shadow root on ${page.url()}`);
  const onElement = async (selector: string, action: string) => {
    const ok = await root.run<boolean>(
      `(root, s) => { const el = root.querySelector(s); if (!el) return false; el.${action}(); return true; }`,
      selector,
    );
    if (!ok) throw new Error(`Nothing to ${action} at ${selector}`);
  };
  const handle: PanelHandle = {
    ...root,
    text: (selector) => root.run('(root, s) => root.querySelector(s)?.textContent ?? null', selector),
    exists: (selector) => root.run('(root, s) => Boolean(root.querySelector(s))', selector),
    click: (selector) => onElement(selector, 'click'),
    focus: (selector) => onElement(selector, 'focus'),
    value: (selector) => root.run('(root, s) => root.querySelector(s)?.value ?? null', selector),
    async openPanel() {
      await handle.click('[data-testid=pill]');
      const opened = await eventually(
        () =>
          root.run<boolean>(
            '(root) => { const p = root.querySelector("[data-testid=panel]"); return Boolean(p && p.contains(root.activeElement)); }',
          ),
        Boolean,
      );
      if (!opened) throw new Error('The panel did not open and take the focus');
    },
    async type(selector, text) {
      await page.bringToFront();
      await handle.focus(selector);
      await root.run('(root, s) => root.querySelector(s).select?.()', selector);
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text, { delay: 10 });
    },
    async select(selector, value) {
      const ok = await root.run<boolean>(
        `(root, s, v) => { const el = root.querySelector(s); if (!el) return false; el.value = v;
          el.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
        selector,
        value,
      );
      if (!ok) throw new Error(`No select at ${selector}`);
    },
    pill: (accept = () => true) =>
      eventually(
        () => handle.text('[data-testid=pill]'),
        (t) => Boolean(t && !t.includes('…') && accept(t)),
      ),
  };
  return handle;
}

/** The text of every badge on the page and of the link before it, in document order. */
export async function badgeTexts(lens: FirefoxLens, page: Page): Promise<{ anchorText: string; badge: string }[]> {
  const roots = await lens.shadowRoots(page, '[data-nsl-badge]');
  return Promise.all(
    roots.map((root) =>
      root.run<{ anchorText: string; badge: string }>(
        `(root) => ({ anchorText: root.host.previousElementSibling?.textContent ?? '',
          badge: root.querySelector('span')?.textContent ?? '' })`,
      ),
    ),
  );
}

/** How many badges the page holds, counted by page script (which sees the hosts, not inside them). */
export function badgeCount(lens: FirefoxLens, page: Page): Promise<number> {
  return lens.evaluate(page, `() => document.querySelectorAll('[data-nsl-badge]').length`);
}
