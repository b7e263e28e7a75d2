import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordFigure } from '../security/figures';
import { seededRandom, type Random } from '../security/random';
import { eventually, launchLens, type Lens } from './harness';
import { panelRoot, type ShadowHandle } from './shadow';
import { JIRA, seedTree } from './security-helpers';

const EDITS_PER_TAB = 150;
const ticketPage = `<!doctype html><html><head><title>[CE-1] Invite from the empty state - Jira</title></head>
  <body><h1 data-testid="issue.views.issue-base.foundation.summary.heading">Invite from the empty state</h1></body></html>`;

interface Tab {
  page: Page;
  panel: ShadowHandle;
}

/** What one tab typed last into each field: the value that field must end with, unless the other tab typed it later. */
type LastTyped = Partial<Record<'reach' | 'effort' | 'confidence' | 'notes' | 'status', string>>;

const pause = (rng: Random) => new Promise((r) => setTimeout(r, rng.int(3) === 0 ? rng.int(450) : rng.int(40)));

/** A person editing quickly: types, sometimes leaves the field at once (saving now), sometimes pauses. */
async function edit(tab: Tab, rng: Random, field: string, text: string): Promise<void> {
  await tab.panel.type(field, text, { delay: rng.int(4) });
  if (rng.chance(0.4)) await tab.panel.focus('#nsl-status');
  await pause(rng);
}

describe('two tabs editing the same item at the same time', () => {
  let lens: Lens;
  let itemId: string;

  beforeAll(async () => {
    lens = await launchLens();
    const seeded = await seedTree(lens, {
      nsm: 'Weekly active teams',
      input: 'Teams inviting a colleague',
      key: 'CE-1',
      title: 'Invite from the empty state',
    });
    itemId = seeded.item.id;
    await lens.serve(`${JIRA}/browse/CE-1`, ticketPage);
  });
  afterAll(async () => {
    await lens?.close();
  });

  async function openTab(): Promise<Tab> {
    const page = await lens.open(`${JIRA}/browse/CE-1`);
    const panel = await panelRoot(page);
    await eventually(
      () => panel.text('[data-testid=pill]'),
      (t) => Boolean(t?.includes('Teams inviting')),
    );
    await panel.openPanel();
    await eventually(() => panel.exists('#nsl-notes'), Boolean);
    return { page, panel };
  }

  it(`converges after ${EDITS_PER_TAB * 2} quick edits, with no field one tab changed reverted by the other`, async () => {
    const a = await openTab();
    const b = await openTab();
    const lastA: LastTyped = {};
    const lastB: LastTyped = {};

    // A owns reach, B owns notes, confidence and status; both fight over effort.
    const runA = async () => {
      const rng = seededRandom(101);
      for (let i = 0; i < EDITS_PER_TAB; i++) {
        if (rng.chance(0.7)) {
          lastA.reach = String(1000 + i);
          await edit(a, rng, '#nsl-rice-reach', lastA.reach);
        } else {
          lastA.effort = String(1 + (i % 9));
          await edit(a, rng, '#nsl-rice-effort', lastA.effort);
        }
      }
      await a.panel.focus('#nsl-status');
    };
    const runB = async () => {
      const rng = seededRandom(202);
      for (let i = 0; i < EDITS_PER_TAB; i++) {
        const pick = rng.int(10);
        if (pick < 5) {
          lastB.notes = `note ${i} from B`;
          await edit(b, rng, '#nsl-notes', lastB.notes);
        } else if (pick < 7) {
          lastB.confidence = rng.pick(['50', '80', '100']);
          await edit(b, rng, '#nsl-rice-confidence', lastB.confidence);
        } else if (pick < 8) {
          lastB.status = rng.pick(['idea', 'planned', 'in-progress', 'shipped']);
          await b.panel.select('#nsl-status', lastB.status);
          await pause(rng);
        } else {
          lastB.effort = String(10 + (i % 9));
          await edit(b, rng, '#nsl-rice-effort', lastB.effort);
        }
      }
      await b.panel.focus('#nsl-status');
    };
    await Promise.all([runA(), runB()]);

    for (const tab of [a, b]) {
      await eventually(
        () => tab.panel.text('[data-testid=save-status]'),
        (t) => t === 'All changes saved',
        15_000,
      );
    }
    const stored = (await lens.call({ type: 'page.context', links: [{ site: 'jira', key: 'CE-1' }] })).item!;
    expect(stored.id).toBe(itemId);

    // Fields only one tab touched hold that tab's last value: the other tab reverted nothing.
    expect(String(stored.rice.reach)).toBe(lastA.reach);
    expect(stored.notes).toBe(lastB.notes);
    expect(String(Math.round(stored.rice.confidence! * 100))).toBe(lastB.confidence);
    if (lastB.status) expect(stored.status).toBe(lastB.status);
    // Both typed effort: the last save wins, and it is one of the two last values.
    expect([lastA.effort, lastB.effort]).toContain(String(stored.rice.effort));

    // Both tabs show exactly what is stored.
    const shown = async (tab: Tab) => ({
      reach: await tab.panel.value('#nsl-rice-reach'),
      effort: await tab.panel.value('#nsl-rice-effort'),
      confidence: await tab.panel.value('#nsl-rice-confidence'),
      notes: await tab.panel.value('#nsl-notes'),
      status: await tab.panel.value('#nsl-status'),
    });
    const expected = {
      reach: String(stored.rice.reach),
      effort: String(stored.rice.effort),
      confidence: String(Math.round(stored.rice.confidence! * 100)),
      notes: stored.notes,
      status: stored.status,
    };
    expect(
      await eventually(
        () => shown(a),
        (s) => JSON.stringify(s) === JSON.stringify(expected),
        5000,
      ),
    ).toEqual(expected);
    expect(
      await eventually(
        () => shown(b),
        (s) => JSON.stringify(s) === JSON.stringify(expected),
        5000,
      ),
    ).toEqual(expected);

    recordFigure('concurrent edits: quick edits in two tabs', EDITS_PER_TAB * 2);
    recordFigure(
      'concurrent edits: fields checked for convergence in both tabs (none reverted)',
      Object.keys(expected).length * 2,
    );
    await a.page.close();
    await b.page.close();
  }, 240_000);
});
