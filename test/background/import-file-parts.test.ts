import { beforeEach, describe, expect, it } from 'vitest';
import { FileExports } from '../../lib/background/import-file-parts';
import { FILE_PART_CHARS, textParts } from '../../lib/domain/workspace-file-parts';
import { exportWorkspace, type LensDb } from '../../lib/storage';
import { freshDb, seedTree, storedData } from '../storage/fresh-db';
import { requestsTo } from './handled';

let db: LensDb;
const { call, refusal } = requestsTo(() => db);

/** The workspace's export, as the dashboard assembles it from the parts it asks for. */
async function exportedText(): Promise<string> {
  const first = await call({ type: 'workspace.exportPart', index: 0 });
  const parts = [first.text];
  for (let index = 1; index < first.count; index++)
    parts.push((await call({ type: 'workspace.exportPart', export: first.export, index })).text);
  return parts.join('');
}

/** Sends `parts` in `order`, each saying the file has `count` parts. */
async function send(upload: string, parts: string[], order = [...parts.keys()], count = parts.length): Promise<void> {
  for (const index of order) await call({ type: 'workspace.filePart', upload, index, count, text: parts[index]! });
}

beforeEach(async () => {
  db = await freshDb();
});

describe('a workspace file sent in parts', () => {
  it('is joined whatever order the parts come in, previewed both ways, and imported whole', async () => {
    const seeded = await seedTree(db);
    const text = await exportedText();
    const before = await storedData(db);
    await call({ type: 'workspace.clear' });

    await send('upload-1', textParts(text, 97), [...textParts(text, 97).keys()].reverse());
    const preview = await call({ type: 'workspace.previewFile', upload: 'upload-1' });
    expect(preview.merge.added).toMatchObject({ trees: 1, metrics: 3, items: 1 });
    expect(preview.replace.removed).toMatchObject({ trees: 0, items: 0 });
    expect(await call({ type: 'snapshot.get' })).toMatchObject({ trees: [] });

    const summary = await call({ type: 'workspace.importFile', upload: 'upload-1', mode: 'replace' });
    expect(summary.added.items).toBe(1);
    expect(await storedData(db)).toEqual(before);
    expect((await call({ type: 'snapshot.get', treeId: seeded.tree.id })).items[0]?.id).toBe(seeded.item.id);
  });

  it('is imported once: a second import of the same upload is told to send the file again', async () => {
    await seedTree(db);
    const text = await exportedText();
    await send('upload-1', textParts(text, 500));
    await call({ type: 'workspace.importFile', upload: 'upload-1', mode: 'merge' });
    const again = await refusal({ type: 'workspace.importFile', upload: 'upload-1', mode: 'merge' });
    expect(again).toMatchObject({ code: 'not-found', path: 'upload', message: expect.stringMatching(/send it again/) });
  });

  it('is not read before its last part arrives, and changes nothing', async () => {
    await seedTree(db);
    const parts = textParts(await exportedText(), 200);
    const before = await storedData(db);
    await send('upload-1', parts, [...parts.keys()].slice(0, -1));
    const early = await refusal({ type: 'workspace.importFile', upload: 'upload-1', mode: 'replace' });
    expect(early).toMatchObject({ code: 'invalid', path: 'upload' });
    expect(early.message).toBe(`part ${parts.length} of ${parts.length} has not arrived`);
    expect(await storedData(db)).toEqual(before);
  });

  it('is refused whole when the joined text is not a valid file, naming where, and forgotten', async () => {
    await seedTree(db);
    const text = (await exportedText()).replace('"formatVersion": 2', '"formatVersion": "two"');
    const before = await storedData(db);
    await send('upload-1', textParts(text, 300));
    const bad = await refusal({ type: 'workspace.previewFile', upload: 'upload-1' });
    expect(bad).toMatchObject({ code: 'invalid', path: 'formatVersion' });
    expect(await refusal({ type: 'workspace.previewFile', upload: 'upload-1' })).toMatchObject({ code: 'not-found' });
    expect(await storedData(db)).toEqual(before);

    await send('upload-2', textParts('{"app": "north-star-lens",\n  "formatVersion": 2,,}', 10));
    expect((await refusal({ type: 'workspace.previewFile', upload: 'upload-2' })).message).toBe(
      'the file is not valid JSON: the text breaks at line 2, column 22',
    );
  });
});

describe('a workspace export handed out in parts', () => {
  it('reads the workspace once and hands out its text a part at a time, forgetting it after the last', async () => {
    await seedTree(db);
    const first = await call({ type: 'workspace.exportPart', index: 0 });
    expect(first.count).toBe(1);
    const { exportedAt: _at, ...file } = JSON.parse(first.text);
    const { exportedAt: _now, ...stored } = await exportWorkspace(db);
    expect(file).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(await refusal({ type: 'workspace.exportPart', export: first.export, index: 0 })).toMatchObject({
      code: 'not-found',
      path: 'export',
    });
  });

  it('splits a text longer than one message carries into parts that join back to it', () => {
    const exports = new FileExports({ newId: () => 'export-1' });
    const text = `${'a'.repeat(FILE_PART_CHARS)}${'b'.repeat(FILE_PART_CHARS)}c`;
    const first = exports.start(text);
    expect(first).toMatchObject({ export: 'export-1', index: 0, count: 3 });
    const rest = [1, 2].map((index) => exports.part('export-1', index).text);
    expect([first.text, ...rest].map((part) => part.length)).toEqual([FILE_PART_CHARS, FILE_PART_CHARS, 1]);
    expect([first.text, ...rest].join('')).toBe(text);
  });
});
