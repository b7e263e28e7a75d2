import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../../wxt.config';

type Manifest = Record<string, unknown>;
const ROOT = resolve(__dirname, '../..');
const TOOLBAR = { 16: 'icon/16.png', 24: 'icon/24.png', 32: 'icon/32.png' };

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts builds the manifest per browser');
  const manifestVersion = browser === 'chrome' ? 3 : 2;
  return (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' })) as Manifest;
}

/** Width and height from a PNG's header chunk, which always comes first. */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('what the stores read from the manifest', () => {
  it('gives the toolbar button the icons drawn for it, on both browsers', async () => {
    expect((await manifestFor('chrome')).action).toEqual({ default_icon: TOOLBAR });
    expect((await manifestFor('firefox')).browser_action).toEqual({ default_icon: TOOLBAR });
  });

  it('has every icon size the stores and browsers ask for, each a PNG of its size', () => {
    for (const size of [16, 24, 32, 48, 96, 128]) {
      expect(pngSize(resolve(ROOT, `public/icon/${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('keeps the Firefox id it was published under: a new id would be a new add-on, without its data', async () => {
    const settings = (await manifestFor('firefox')).browser_specific_settings as { gecko: Record<string, unknown> };
    const gecko = settings.gecko;
    expect(gecko.id).toBe('north-star-lens@northstarlens.app');
    expect(gecko.strict_min_version).toBe('140.0');
  });

  it('asks Chrome for the version that brought the newest API it calls (injectImmediately, 102)', async () => {
    expect((await manifestFor('chrome')).minimum_chrome_version).toBe('102');
    expect(await manifestFor('firefox')).not.toHaveProperty('minimum_chrome_version');
  });

  it('takes a version both stores accept from package.json: three numbers', () => {
    const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatch(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/);
  });
});
