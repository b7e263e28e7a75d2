import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/store/screenshots');

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the store listings’ screenshots (docs/store/README.md)', () => {
  it.each([
    '1-panel-ticket.png',
    '2-badges-board.png',
    '3-dashboard-backlog.png',
    '4-dashboard-tree.png',
    '5-panel-chart.png',
  ])('%s is there at 1280 × 800, the size both stores take as it is', async (name) => {
    expect(pngSize(await readFile(join(SCREENSHOTS, name)))).toEqual({ width: 1280, height: 800 });
  });
});
