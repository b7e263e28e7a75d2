// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from '../../lib/messaging/protocol';
import { BADGE_CSS } from '../../components/badges/badge-style';

type BadgeModule = typeof import('../../components/badges/badge-element');

const linked: Badge = { site: 'jira', key: 'ABC-1', itemId: 'item-1', metricName: 'Teams inviting a…', score: 800 };

/** The closed shadow roots the module makes, which the page (and `host.shadowRoot`) cannot reach. */
function recordShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const native = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = native.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** A fresh copy of the module: it keeps its prepared host and shared sheet between calls. */
async function freshModule(): Promise<BadgeModule> {
  vi.resetModules();
  return import('../../components/badges/badge-element');
}

describe('a badge', () => {
  let roots: ShadowRoot[];
  beforeEach(() => {
    roots = recordShadowRoots();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('is a marked host with a closed shadow root the page cannot open', async () => {
    const { createBadge } = await freshModule();
    const { host } = createBadge(linked);
    expect(host.hasAttribute('data-nsl-badge')).toBe(true);
    expect(host.style.getPropertyValue('display')).toBe('inline');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
  });

  it('says which input metric and score, unlinked, or that the workspace could not be read', async () => {
    const { createBadge } = await freshModule();
    expect(createBadge(linked).label.textContent).toBe('Teams inviting a… · 800');
    expect(createBadge({ ...linked, score: null }).label.textContent).toBe('Teams inviting a… · unscored');
    expect(createBadge({ ...linked, metricName: null }).label.textContent).toBe('unlinked');
    expect(createBadge(null).label.textContent).toBe('unlinked');
    expect(createBadge(null).label.title).toBe('Not tracked in North Star Lens');
    expect(createBadge(undefined).label.textContent).toBe('?');
    expect(createBadge(linked).label.className).toBe('badge linked');
    expect(createBadge(null).label.className).toBe('badge muted');
  });

  it('shows stored names as text, never as markup', async () => {
    const { createBadge } = await freshModule();
    const name = '<img src=x onerror="alert(1)">';
    const { label } = createBadge({ ...linked, metricName: name });
    expect(label.textContent).toBe(`${name} · 800`);
    expect(label.children).toHaveLength(0);
    expect(roots[0]!.querySelector('img')).toBeNull();
  });

  it('gets a host of its own each time, not the prepared one', async () => {
    const { createBadge } = await freshModule();
    const first = createBadge(linked).host;
    const second = createBadge(linked).host;
    expect(first).not.toBe(second);
    document.body.append(first, second);
    expect(document.querySelectorAll('[data-nsl-badge]')).toHaveLength(2);
    first.remove();
    second.remove();
  });

  it('shares one constructed stylesheet between all badges, with no <style> of their own', async () => {
    const { createBadge } = await freshModule();
    createBadge(linked);
    createBadge(null);
    expect(roots).toHaveLength(2);
    const [a, b] = roots as [ShadowRoot, ShadowRoot];
    expect(a.adoptedStyleSheets).toHaveLength(1);
    expect(b.adoptedStyleSheets[0]).toBe(a.adoptedStyleSheets[0]);
    expect(a.querySelector('style')).toBeNull();
    expect(Array.from(a.adoptedStyleSheets[0]!.cssRules, (rule) => rule.cssText).join('\n')).toContain('!important');
  });

  it('carries its own <style> where a constructed stylesheet cannot be made', async () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new TypeError('Illegal constructor');
        }
      },
    );
    const { createBadge } = await freshModule();
    createBadge(linked);
    createBadge(null);
    for (const root of roots) expect(root.querySelector('style')?.textContent).toBe(BADGE_CSS);
  });

  it('carries its own <style> where adopting the sheet is refused or silently ignored', async () => {
    const ignored = vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => undefined);
    vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'get').mockImplementation(() => []);
    const { createBadge } = await freshModule();
    createBadge(linked);
    createBadge(null);
    expect(ignored).toHaveBeenCalledTimes(1);
    for (const root of roots) expect(root.querySelector('style')?.textContent).toBe(BADGE_CSS);
  });

  it('re-renders in place when the workspace changes', async () => {
    const { createBadge, renderBadge } = await freshModule();
    const { label } = createBadge(null);
    renderBadge(label, linked);
    expect(label.textContent).toBe('Teams inviting a… · 800');
    expect(label.className).toBe('badge linked');
    expect(roots[0]!.querySelectorAll('.badge')).toHaveLength(1);
  });
});
