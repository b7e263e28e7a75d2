import { beforeEach, describe, expect, it } from 'vitest';
import { receiveFileMessage } from '../../lib/background/import-handlers';
import { MAX_IMPORT_BYTES } from '../../lib/domain/workspace-file';
import type { Reply } from '../../lib/messaging/protocol';
import { exportWorkspace, type LensDb } from '../../lib/storage';
import { freshDb, seedTree, storedData } from '../storage/fresh-db';
import { requestsTo } from './handled';

let db: LensDb;
const { call, refusal } = requestsTo(() => db);

/** Posts `data` to the worker's listener as the dashboard does, with a port, and answers the reply. */
async function post(data: unknown, origin = ''): Promise<Reply<null>> {
  const channel = new MessageChannel();
  const reply = new Promise<Reply<null>>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
  });
  receiveFileMessage({ data, origin, ports: [channel.port2] });
  const answer = await reply;
  channel.port1.close();
  return answer;
}

const file = (text: string) => new Blob([text], { type: 'application/json' });

beforeEach(async () => {
  db = await freshDb();
});

describe('a workspace file posted whole to the worker', () => {
  it('is previewed both ways and imported exactly as exported, under the upload it was posted with', async () => {
    const seeded = await seedTree(db);
    const text = JSON.stringify(await exportWorkspace(db), null, 2);
    const before = await storedData(db);
    await call({ type: 'workspace.clear' });

    expect(await post({ type: 'workspace.file', upload: 'upload-1', file: file(text) })).toEqual({
      ok: true,
      value: null,
    });
    const preview = await call({ type: 'workspace.previewFile', upload: 'upload-1' });
    expect(preview.merge.added).toMatchObject({ trees: 1, metrics: 3, items: 1 });
    expect(await call({ type: 'snapshot.get' })).toMatchObject({ trees: [] });

    await call({ type: 'workspace.importFile', upload: 'upload-1', mode: 'replace' });
    expect(await storedData(db)).toEqual(before);
    expect((await call({ type: 'snapshot.get', treeId: seeded.tree.id })).items[0]?.id).toBe(seeded.item.id);
    const again = await refusal({ type: 'workspace.importFile', upload: 'upload-1', mode: 'merge' });
    expect(again).toMatchObject({ code: 'not-found', path: 'upload' });
  });

  it('is refused at the preview when it is not a valid file, naming where, and nothing changes', async () => {
    await seedTree(db);
    const before = await storedData(db);
    const text = JSON.stringify(await exportWorkspace(db), null, 2).replace(
      '"formatVersion": 2',
      '"formatVersion": "two"',
    );
    expect((await post({ type: 'workspace.file', upload: 'upload-1', file: file(text) })).ok).toBe(true);
    expect(await refusal({ type: 'workspace.previewFile', upload: 'upload-1' })).toMatchObject({
      code: 'invalid',
      path: 'formatVersion',
    });
    await post({
      type: 'workspace.file',
      upload: 'upload-2',
      file: file('{"app": "north-star-lens",\n  "formatVersion": 2,,}'),
    });
    expect((await refusal({ type: 'workspace.previewFile', upload: 'upload-2' })).message).toBe(
      'the file is not valid JSON: the text breaks at line 2, column 22',
    );
    expect(await storedData(db)).toEqual(before);
  });

  it('refuses a message that is not a file sent by the dashboard, keeping nothing', async () => {
    const notFiles: unknown[] = [
      null,
      'a text',
      { type: 'workspace.file', upload: 'upload-1', file: '{"app": "north-star-lens"}' },
      { type: 'workspace.file', upload: '', file: file('{}') },
      { type: 'workspace.file', upload: 'u'.repeat(101), file: file('{}') },
      { type: 'workspace.file', file: file('{}') },
      { type: 'workspace.file', upload: 'upload-1', file: file('{}'), mode: 'replace' },
      { type: 'workspace.filePart', upload: 'upload-1', file: file('{}') },
    ];
    for (const data of notFiles) {
      expect(await post(data)).toEqual({
        ok: false,
        error: { code: 'invalid', message: 'This is not a workspace file sent by the dashboard.' },
      });
    }
    expect(await refusal({ type: 'workspace.previewFile', upload: 'upload-1' })).toMatchObject({
      code: 'not-found',
      path: 'upload',
    });
  });

  it('refuses a file larger than an export can be without reading it', async () => {
    class Huge extends Blob {
      override get size(): number {
        return MAX_IMPORT_BYTES + 1;
      }
      override text(): Promise<string> {
        throw new Error('a file past the limit is not read');
      }
    }
    expect(await post({ type: 'workspace.file', upload: 'upload-1', file: new Huge(['{}']) })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'the file is larger than 256 MiB' },
    });
    expect(await refusal({ type: 'workspace.previewFile', upload: 'upload-1' })).toMatchObject({ code: 'not-found' });
  });

  it('leaves alone a message from another origin or without a port to answer on', async () => {
    const sent = { type: 'workspace.file', upload: 'upload-1', file: file('{}') };
    const channel = new MessageChannel();
    let answered = false;
    channel.port1.onmessage = () => {
      answered = true;
    };
    receiveFileMessage({ data: sent, origin: 'https://evil.example', ports: [channel.port2] });
    receiveFileMessage({ data: sent, origin: '', ports: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    channel.port1.close();
    expect(answered).toBe(false);
    expect(await refusal({ type: 'workspace.previewFile', upload: 'upload-1' })).toMatchObject({ code: 'not-found' });
  });
});
