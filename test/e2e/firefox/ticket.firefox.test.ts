import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, JIRA, launchLens, type Lens, panelRoot } from './harness';

function ticketPage(key: string, title: string): string {
  return `<!doctype html><html><head><title>[${key}] ${title} - Jira</title></head><body>
  <div class="crumbs">Projects / Growth / <span id="crumb">${key}</span></div>
  <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${title}</h1>
  <script>
    // A single-page app: navigating replaces the heading and pushes a new URL.
    window.goTo = (key, title) => {
      history.pushState({}, '', '/browse/' + key);
      document.title = '[' + key + '] ' + title + ' - Jira';
      document.querySelector('h1').textContent = title;
      document.getElementById('crumb').textContent = key;
    };
  </script></body></html>`;
}

describe('Firefox: the panel on a Jira ticket', () => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
    const tree = await lens.call({ type: 'tree.create', name: 'Product', game: 'productivity' });
    const treeId = tree.id;
    await lens.call({
      type: 'metric.create',
      treeId,
      role: 'nsm',
      name: 'Weekly active teams',
      fields: { period: 'week' },
    });
    for (const [name, ownerTeam] of [
      ['Teams inviting a colleague', 'Growth'],
      ['Projects shared', 'Collab'],
    ] as const) {
      await lens.call({ type: 'metric.create', treeId, role: 'input', name, fields: { ownerTeam } });
    }
    lens.serve(new RegExp(`^${JIRA}/browse/`), ticketPage('ABC-1', 'Invite from the empty state'));
  });
  afterAll(async () => {
    await lens?.close();
  });

  const openTicket = (key: string): Promise<Page> => lens.open(`${JIRA}/browse/${key}`);

  it('shows the pill in a closed shadow root, saying the ticket is not tracked yet', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(lens, page);
    expect(panel.mode).toBe('closed');
    expect(await panel.pill()).toContain('Not tracked');
    expect(await lens.evaluate(page, '() => document.querySelector("north-star-lens").shadowRoot')).toBeNull();
    await page.close();
  });

  it('tracks the ticket, tags it to an input metric and scores it RICE-style with its rank, kept across a reload', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('Not tracked'));
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe('ABC-1');
    expect(await panel.text('.panel-title')).toBe('Invite from the empty state');
    await panel.click('.track button.primary');
    await eventually(() => panel.exists('#nsl-input-metric'), Boolean);

    await panel.type('#nsl-input-metric', 'invit');
    await page.keyboard.press('Enter');
    const path = await eventually(
      () => panel.text('[data-testid=path]'),
      (t) => Boolean(t?.includes('Teams inviting a colleague')),
    );
    expect(path).toContain('Weekly active teams');

    await panel.type('#nsl-rice-reach', '1,000');
    await panel.select('#nsl-rice-impact', '2');
    await panel.type('#nsl-rice-confidence', '80');
    await panel.type('#nsl-rice-effort', '4');
    const score = await eventually(
      () => panel.text('[data-testid=score]'),
      (t) => Boolean(t?.includes('400')),
    );
    expect(score).toContain('#1 of 1');
    await eventually(
      () => panel.text('[data-testid=save-status]'),
      (t) => t === 'All changes saved',
    );
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'ABC-1' }] });
    expect(stored.item?.rice).toEqual({ reach: 1000, impact: 2, confidence: 0.8, effort: 4 });

    await page.reload();
    const again = await panelRoot(lens, page);
    expect(await again.pill((t) => t.includes('400'))).toBe('★Teams inviting a colleague · 400');
    await page.close();
  });

  it('keeps an impossible estimate in the field with the reason, and does not store it', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('400'));
    await panel.openPanel();
    await panel.type('#nsl-rice-effort', '0');
    const error = await eventually(() => panel.text('.rice-field.has-error .field-error'), Boolean);
    expect(error).toMatch(/Effort must be more than 0/);
    expect(await panel.value('#nsl-rice-effort')).toBe('0');
    await new Promise((r) => setTimeout(r, 800));
    const stored = await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'ABC-1' }] });
    expect(stored.item?.rice.effort).toBe(4);
    await page.close();
  });

  it('follows single-page navigation (pushState) to another ticket without a reload', async () => {
    const page = await openTicket('ABC-1');
    const panel = await panelRoot(lens, page);
    await panel.pill((t) => t.includes('400'));
    await lens.evaluate(page, `() => window.goTo('ABC-2', 'Onboarding checklist')`);
    expect(await panel.pill((t) => t.includes('Not tracked'))).toContain('Not tracked');
    await panel.openPanel();
    expect(await panel.text('[data-testid=entity-key]')).toBe('ABC-2');
    expect(await panel.text('.panel-title')).toBe('Onboarding checklist');
    await page.close();
  });

  it('shows an edit made in one tab in the pill of another, and collapses on Esc', async () => {
    const first = await openTicket('ABC-1');
    const second = await openTicket('ABC-1');
    const a = await panelRoot(lens, first);
    const b = await panelRoot(lens, second);
    await b.pill((t) => t.includes('400'));
    await a.openPanel();
    await a.type('#nsl-rice-reach', '2000');
    expect(await b.pill((t) => t.includes('800'))).toBe('★Teams inviting a colleague · 800');
    await first.keyboard.press('Escape');
    expect(
      await eventually(
        () => a.exists('[data-testid=panel]'),
        (open) => !open,
      ),
    ).toBe(false);
    await first.close();
    await second.close();
  });

  it('printed no error of its own', () => {
    const out = lens.browserOutput;
    out.forEach((l, i) => {
      if (l.includes('terminated by timeout')) console.log('CTX', out.slice(i - 3, i + 8).join('\n'));
    });
    expect(lens.extensionErrors()).toEqual([]);
  });
});
