/** axe-core run in a page: the serious and critical violations, in a readable form. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { ShadowHandle } from './shadow';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations on the page as it is now, in a readable form. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = (await page.evaluate(
    async () => (await (window as unknown as { axe: typeof axe }).axe.run(document)).violations,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * axe runs in the page's main world and cannot enter a closed shadow root. So, through
 * the DevTools protocol, the panel's rendered content and its stylesheet are copied into
 * an open shadow root on the same page, and axe checks that copy: the same markup, the
 * same CSS, the same place on the page.
 */
export async function panelViolations(tab: Page, panel: ShadowHandle): Promise<string[]> {
  await tab.evaluate(axe.source);
  const found = await panel.run<
    { id: string; impact: string | null; help: string; nodes: { html: string }[] }[] | string
  >(
    `async (root) => {
      const host = document.createElement('div');
      host.id = 'nsl-a11y-copy';
      const open = host.attachShadow({ mode: 'open' });
      for (const child of root.children) open.append(child.cloneNode(true));
      document.body.append(host);
      try {
        const checked = open.querySelectorAll('.pill, .panel button, .panel input, .panel select, .panel textarea').length;
        if (checked === 0) return 'nothing of the panel was copied';
        const results = await window.axe.run({ include: [['#nsl-a11y-copy']] }, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ html: n.html })) }));
      } finally {
        host.remove();
      }
    }`,
  );
  if (typeof found === 'string') throw new Error(found);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html).join(', ')}`);
}
