import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLens, type Lens } from './harness';
import { demoWorkspace, openDashboard, seedDemo, storedWorkspace } from './dashboard-helpers';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

function file(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

const good = demoWorkspace(Date.parse('2026-01-01T00:00:00Z'));
const withDocument = (change: (doc: Record<string, any>) => void): string => {
  const doc = structuredClone(good) as Record<string, any>;
  change(doc);
  return JSON.stringify(doc);
};

/** Each bad file, and what the message must point at. */
const BAD_FILES: { kind: string; text: string; says: RegExp }[] = [
  { kind: 'text cut off in the middle', text: JSON.stringify(good).slice(0, 200), says: /not valid JSON.*line 1/ },
  { kind: 'an empty file', text: '', says: /not valid JSON/ },
  { kind: 'a JSON array', text: '[1, 2, 3]', says: /not a North Star Lens export/ },
  {
    kind: 'another app’s JSON',
    text: withDocument((d) => (d.app = 'other-app')),
    says: /not a North Star Lens export/,
  },
  { kind: 'a newer format version', text: withDocument((d) => (d.formatVersion = 3)), says: /formatVersion|version/i },
  { kind: 'a store missing', text: withDocument((d) => delete d.items), says: /items/ },
  {
    kind: 'an effort written as text',
    text: withDocument((d) => (d.items[0].rice.effort = 'three')),
    says: /items\[0\]\.rice\.effort/,
  },
  {
    kind: 'an unknown metric role',
    text: withDocument((d) => (d.metrics[1].role = 'kpi')),
    says: /metrics\[1\]\.role/,
  },
  { kind: 'a record with an unexpected key', text: withDocument((d) => (d.trees[0].owner = 'me')), says: /trees\[0\]/ },
  {
    kind: 'an item of a tree that is not in the file',
    text: withDocument((d) => (d.items[2].treeId = 'no-such-tree')),
    says: /items\[2\]\.treeId/,
  },
  {
    kind: 'two records with one id',
    text: withDocument((d) => (d.items[1].id = d.items[0].id)),
    says: /items\[1\]\.id|duplicate|twice/i,
  },
  {
    kind: 'an observation dated in words',
    text: withDocument((d) => (d.observations[0].at = 'last Tuesday')),
    says: /observations\[0\]\.at/,
  },
  {
    kind: 'a negative leverage',
    text: withDocument((d) => (d.metrics[1].leverage = -2)),
    says: /metrics\[1\]\.leverage/,
  },
  {
    kind: 'a link that is not a URL',
    text: withDocument((d) => (d.items[0].links[0].url = 'not a url')),
    says: /items\[0\]\.links\[0\]\.url/,
  },
  { kind: 'a tree named with a number', text: withDocument((d) => (d.trees[1].name = 42)), says: /trees\[1\]\.name/ },
  {
    kind: 'settings naming a tree not in the file',
    text: withDocument((d) => (d.settings.activeTreeId = 'gone')),
    says: /settings\.activeTreeId/,
  },
];

describe('dashboard: workspace data', () => {
  let lens: Lens;
  let page: Page;

  beforeAll(async () => {
    lens = await launchLens();
    await seedDemo(lens);
    page = await openDashboard(lens, 'data');
  });
  afterAll(async () => lens?.close());

  it('exports the whole workspace as a documented JSON file', async () => {
    const { name, text } = await downloaded(page, () =>
      page.getByRole('button', { name: 'Export workspace (JSON)' }).click(),
    );
    expect(name).toMatch(/^north-star-lens-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(text);
    expect(doc.formatVersion).toBe(2);
    expect(doc.app).toBe('north-star-lens');
    expect(doc.trees.map((t: { name: string }) => t.name).sort()).toEqual(['My personal tree', 'Stays marketplace']);
    expect(doc.items).toHaveLength(13);
  });

  it('exports the ranked backlog as CSV a spreadsheet reads', async () => {
    const { name, text } = await downloaded(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(name).toBe('stays-marketplace-backlog.csv');
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Rank,Title,Score,State,Input metric,Tagged metric,Status,Reach,Impact,Confidence,Effort,Links',
    );
    expect(lines[1]).toBe(
      '1,Instant book for verified guests,33600,ranked,Search-to-book conversion,Search-to-book conversion,planned,42000,2,0.8,3,https://staydemo.atlassian.net/browse/STAY-101',
    );
    expect(lines.filter((l) => l.includes('unlinked: serves no input metric'))).toHaveLength(2);
  });

  describe.each(BAD_FILES)('a file with $kind', ({ text, says }) => {
    it('is refused with what is wrong and where, and changes nothing', async () => {
      const before = await storedWorkspace(lens);
      await page.getByLabel('Workspace file (.json)').setInputFiles(file('bad.json', text));
      const error = page.locator('.import-error');
      await error.waitFor();
      const message = (await error.textContent()) ?? '';
      expect(message).toMatch(says);
      expect(message).toMatch(/Nothing was changed/);
      expect(await page.locator('.import-preview').count()).toBe(0);
      expect(await storedWorkspace(lens)).toEqual(before);
    });
  });

  it('refuses a file too large to be an export before reading it', async () => {
    const before = await storedWorkspace(lens);
    // Sparse: 257 MiB on the file system's word, none of it written.
    const huge = join(await mkdtemp(join(tmpdir(), 'nsl-huge-')), 'huge.json');
    await writeFile(huge, '');
    await truncate(huge, 257 * 1024 * 1024);
    await page.getByLabel('Workspace file (.json)').setInputFiles(huge);
    await page.locator('.import-error', { hasText: /at most 256 MB/ }).waitFor();
    expect(await storedWorkspace(lens)).toEqual(before);
    await rm(dirname(huge), { recursive: true });
  });

  it('previews what a good file adds and changes, writes nothing until asked, then merges it', async () => {
    const doc = structuredClone(good) as Record<string, any>;
    doc.items.push({ ...doc.items[0], id: 'i-new', title: 'Imported idea', links: [] });
    doc.trees[0].name = 'Stays marketplace (renamed)';
    const before = await storedWorkspace(lens);
    await page.getByLabel('Workspace file (.json)').setInputFiles(file('good.json', JSON.stringify(doc)));
    const preview = page.locator('.import-preview');
    await preview.waitFor();
    const itemsRow = preview.locator('tr', { has: page.locator('th', { hasText: 'Items' }) });
    expect(await itemsRow.locator('td').first().textContent()).toBe('1');
    const treesRow = preview.locator('tr', { has: page.locator('th', { hasText: 'Trees' }) });
    expect(Number(await treesRow.locator('td').nth(1).textContent())).toBeGreaterThanOrEqual(1);
    expect(await storedWorkspace(lens)).toEqual(before);

    await page.getByRole('button', { name: 'Import and merge' }).click();
    await page.locator('.import-done').waitFor();
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.items.some((i) => i.title === 'Imported idea')).toBe(true);
    expect(snap.trees.find((t) => t.id === 'demo-tree')?.name).toBe('Stays marketplace (renamed)');
  });

  it('deletes everything only after a confirmation, then starts over', async () => {
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await lens.call({ type: 'snapshot.get' })).trees).toHaveLength(2);

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
    await page.locator('.template-grid').waitFor();
    const snap = await lens.call({ type: 'snapshot.get' });
    expect(snap.trees).toHaveLength(0);
    expect(snap.items).toHaveLength(0);
  });
});
