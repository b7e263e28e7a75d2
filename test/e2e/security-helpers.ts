/** Shared steps of the adversarial browser tests (test/e2e/security-*.e2e.test.ts). */
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES_DIR, type Lens } from './harness';
import type { ShadowHandle } from './shadow';

export const JIRA = 'https://acme.atlassian.net';

export function hostileFixture(name: string): Promise<string> {
  return readFile(join(FIXTURES_DIR, 'hostile', name), 'utf8');
}

/** A tree with an NSM, two input metrics and one item linked to `key`, estimated so it has a score. */
/** Any browser's lens: both launchers send requests the same way. */
type Caller = Pick<Lens, 'call'>;

export async function seedTree(
  lens: Caller,
  names: { nsm: string; input: string; other?: string; key: string; title: string },
) {
  const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
  const nsm = await lens.call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'nsm',
    name: names.nsm,
    fields: { period: 'week' },
  });
  const input = await lens.call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: names.input,
    fields: { ownerTeam: 'Growth' },
  });
  const other = await lens.call({
    type: 'metric.create',
    treeId: tree.id,
    role: 'input',
    name: names.other ?? 'Projects shared',
    fields: { ownerTeam: 'Collab' },
  });
  const item = await lens.call({
    type: 'item.create',
    treeId: tree.id,
    title: names.title,
    links: [{ site: 'jira', key: names.key, url: `${JIRA}/browse/${names.key}` }],
    inputMetricId: input.id,
  });
  const estimated = await lens.call({
    type: 'item.update',
    id: item.id,
    patch: { rice: { reach: 1000, impact: 2, confidence: 0.8, effort: 4 } },
  });
  return { tree, nsm, input, other, item: estimated };
}

/** Everything stored, as one string: equal strings mean nothing changed. */
export async function storedJson(lens: Caller): Promise<string> {
  const { exportedAt: _when, ...data } = (await lens.call({ type: 'workspace.export' })) as Record<string, unknown>;
  return JSON.stringify(data);
}

/** Where an element of the panel is on screen, in page coordinates. */
export function boxOf(
  panel: ShadowHandle,
  selector: string,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return panel.run(
    `(root, s) => { const el = root.querySelector(s); if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }`,
    selector,
  );
}

/** Clicks the middle of an element with the real mouse: whatever the page stacks on top gets the click instead. */
export async function clickLikeAPerson(page: Page, panel: ShadowHandle, selector: string): Promise<void> {
  const box = await boxOf(panel, selector);
  if (!box || box.width === 0 || box.height === 0) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** What the page's own error handlers saw (fixtures record into window.__errors). */
export function pageErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? []);
}

/** What page-controlled text made run (fixtures' payloads push into window.__pwned). */
export function pwned(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown[] }).__pwned ?? []);
}

interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Every element inside the extension's own shadow roots (panel and badges), read through
 * the DevTools protocol, with the names of its attributes: what a payload would have
 * become had it been parsed as markup.
 */
export async function elementsInOurShadowRoots(page: Page): Promise<{ tag: string; attributes: string[] }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: { tag: string; attributes: string[] }[] = [];
  const collect = (node: DomNode) => {
    if (!node.nodeName.startsWith('#')) {
      const names = (node.attributes ?? []).filter((_, i) => i % 2 === 0);
      out.push({ tag: node.nodeName.toLowerCase(), attributes: names });
    }
    for (const child of node.children ?? []) collect(child);
    for (const shadow of node.shadowRoots ?? []) collect(shadow);
  };
  const walk = (node: DomNode) => {
    const ours = node.nodeName === 'NORTH-STAR-LENS' || node.attributes?.includes('data-nsl-badge');
    if (ours) for (const shadow of node.shadowRoots ?? []) collect(shadow);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return out;
}
