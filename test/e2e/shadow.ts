/**
 * Reaches into the extension's CLOSED shadow roots the way DevTools does, through the
 * DevTools protocol: page script cannot, which is the point of closing them. Clicks and
 * focus go through real DOM calls; typing then uses Playwright's real keyboard.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface ShadowHandle {
  /** Runs `fn` with the shadow root as its argument, in the page, and returns its JSON result. */
  run<T>(fn: string, ...args: unknown[]): Promise<T>;
  text(selector: string): Promise<string | null>;
  exists(selector: string): Promise<boolean>;
  click(selector: string): Promise<void>;
  /** Clicks the pill and waits for the open panel, whose code loads on that first open, to take the focus. */
  openPanel(): Promise<void>;
  focus(selector: string): Promise<void>;
  value(selector: string): Promise<string | null>;
  /** Focuses the field, selects what it holds, and types like a person. */
  type(selector: string, text: string, options?: { replace?: boolean; delay?: number }): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  close(): Promise<void>;
}

function findAll(node: DomNode, match: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const child of node.children ?? []) findAll(child, match, out);
  for (const root of node.shadowRoots ?? []) findAll(root, match, out);
  return out;
}

async function shadowRootObject(cdp: CDPSession, hostName: string): Promise<string | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = findAll(root, (n) => n.nodeName === hostName.toUpperCase())[0];
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
    object: { objectId?: string };
  };
  return object.objectId ?? null;
}

export async function panelRoot(page: Page, hostName = 'north-star-lens', timeoutMs = 10_000): Promise<ShadowHandle> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  const deadline = Date.now() + timeoutMs;
  let objectId = await shadowRootObject(cdp, hostName);
  while (!objectId && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    objectId = await shadowRootObject(cdp, hostName);
  }
  if (!objectId) throw new Error(`No <${hostName}> shadow root on ${page.url()}`);
  const rootId = objectId;

  const run = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    const result = (await cdp.send('Runtime.callFunctionOn', {
      objectId: rootId,
      functionDeclaration: `function(...args) { return (${fn})(this, ...args); }`,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result.result.value as T;
  };

  const handle: ShadowHandle = {
    run,
    text: (selector) => run('(root, s) => root.querySelector(s)?.textContent ?? null', selector),
    exists: (selector) => run('(root, s) => Boolean(root.querySelector(s))', selector),
    async click(selector) {
      const ok = await run<boolean>(
        '(root, s) => { const el = root.querySelector(s); if (!el) return false; el.click(); return true; }',
        selector,
      );
      if (!ok) throw new Error(`Nothing to click at ${selector}`);
    },
    async openPanel() {
      await handle.click('[data-testid=pill]');
      const deadline = Date.now() + 15_000;
      // Open means shown and holding the focus, as a person sees it before typing: the
      // panel moves the focus into itself once it has rendered, and on a busy machine that
      // can come after a test's own focus, taking the keys it then types.
      const opened =
        '(root) => { const panel = root.querySelector("[data-testid=panel]"); return Boolean(panel && panel.contains(root.activeElement)); }';
      while (!(await run<boolean>(opened))) {
        if (Date.now() > deadline) throw new Error('The panel did not open and take the focus');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async focus(selector) {
      const ok = await run<boolean>(
        '(root, s) => { const el = root.querySelector(s); if (!el) return false; el.focus(); return true; }',
        selector,
      );
      if (!ok) throw new Error(`Nothing to focus at ${selector}`);
    },
    value: (selector) => run('(root, s) => root.querySelector(s)?.value ?? null', selector),
    async type(selector, text, options = {}) {
      await handle.focus(selector);
      if (options.replace ?? true) {
        await run('(root, s) => root.querySelector(s).select?.()', selector);
        await page.keyboard.press('Backspace');
      }
      await page.keyboard.type(text, { delay: options.delay ?? 10 });
    },
    async select(selector, value) {
      const ok = await run<boolean>(
        `(root, s, v) => { const el = root.querySelector(s); if (!el) return false; el.value = v; el.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
        selector,
        value,
      );
      if (!ok) throw new Error(`No select at ${selector}`);
    },
    close: () => cdp.detach(),
  };
  return handle;
}

/** The text of every badge on the page, in document order, read through their closed shadow roots. */
export async function badgeTexts(page: Page): Promise<{ anchorText: string; badge: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: { anchorText: string; badge: string }[] = [];
  const textOf = (node: DomNode): string =>
    node.nodeName === '#text'
      ? (node as DomNode & { nodeValue: string }).nodeValue
      : (node.children ?? []).map(textOf).join('');
  const walk = (node: DomNode) => {
    const children = node.children ?? [];
    children.forEach((child, index) => {
      if (child.attributes?.includes('data-nsl-badge')) {
        const label = (child.shadowRoots?.[0]?.children ?? []).find((n) => n.nodeName === 'SPAN');
        const anchor = children[index - 1];
        out.push({ anchorText: anchor ? textOf(anchor) : '', badge: label ? textOf(label) : '' });
      }
      walk(child);
    });
  };
  walk(root);
  return out;
}
