import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPages } from '../../scripts/demo/pages.mjs';
import { eventually, launchLens, type Lens } from './harness';
import { seedDemo } from './dashboard-helpers';
import { panelRoot } from './shadow';

const JIRA = 'https://staydemo.atlassian.net';

describe("the open panel: the key result a ticket's work serves", () => {
  let lens: Lens;

  beforeAll(async () => {
    lens = await launchLens();
    for (const page of demoPages()) await lens.serve(page.url, page.html);
    await seedDemo(lens);
  });
  afterAll(async () => lens?.close());

  async function openPanelOn(key: string) {
    const page = await lens.open(`${JIRA}/browse/${key}`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t && !t.includes('…')),
    );
    await panel.openPanel();
    await panel.exists('[data-testid=score]');
    return { page, panel };
  }

  it("shows the input metric's key result this quarter, with its status", async () => {
    const { page, panel } = await openPanelOn('STAY-101');
    const line = await eventually(
      () => panel.text('[data-testid=key-result]'),
      (t) => Boolean(t),
    );
    expect(line).toMatch(/^KR: search-to-book conversion 21% -> 30% by \d+ \w{3}, Guest experience · on track$/);
    await page.close();
  });

  it('on a team metric, shows the key result of the input metric above it', async () => {
    const { page, panel } = await openPanelOn('STAY-102');
    const line = await eventually(
      () => panel.text('[data-testid=key-result]'),
      (t) => Boolean(t),
    );
    expect(line).toMatch(/^KR: bookable listings 8,200 -> [\d,]+ listings by .*, Host growth · off track$/);
    await page.close();
  });

  it('says so when the metric has no values this quarter, and shows nothing where there is no key result', async () => {
    const repeat = await openPanelOn('STAY-103');
    expect(
      await eventually(
        () => repeat.panel.text('[data-testid=key-result]'),
        (t) => Boolean(t),
      ),
    ).toMatch(/Loyalty · no values yet$/);
    await repeat.page.close();

    const footer = await openPanelOn('STAY-107');
    await footer.panel.exists('[data-testid=path]');
    expect(await footer.panel.exists('[data-testid=key-result]')).toBe(false);
    await footer.page.close();
  });

  it('follows a change to the key result made elsewhere while the panel is open', async () => {
    const { page, panel } = await openPanelOn('STAY-101');
    await eventually(
      () => panel.text('[data-testid=key-result]'),
      (t) => Boolean(t),
    );
    await lens.call({ type: 'keyResult.update', id: 'kr-conversion', patch: { target: 40, team: 'Search' } });
    const line = await eventually(
      () => panel.text('[data-testid=key-result]'),
      (t) => Boolean(t?.includes('Search')),
    );
    expect(line).toMatch(/21% -> 40% by .*, Search · /);
    await page.close();
  });
});
