import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { FIXED_DOS_DATE, unzipFiles, withFixedDates, zipEntries } from '../../scripts/release-zip-format.mjs';

/** A zip as WXT's zip writes one: date and time 0, no modes, stored or deflated entries. */
function wxtLikeZip(files: { name: string; content: string; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content, deflate } of files) {
    const raw = Buffer.from(content);
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the release zips’ dates', () => {
  const zip = wxtLikeZip([
    { name: 'background.js', content: 'console.log(1);'.repeat(20), deflate: true },
    { name: 'icon/16.png', content: 'not really a png' },
  ]);

  it('reads every entry of a zip WXT wrote, with its date 0', () => {
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['background.js', 'icon/16.png']);
    for (const entry of entries) expect([entry.central.date, entry.local.date, entry.central.time]).toEqual([0, 0, 0]);
  });

  it('dates every entry 1 January 1980, in its central record and its local header', () => {
    for (const entry of zipEntries(withFixedDates(zip))) {
      expect(entry.central.date).toBe(FIXED_DOS_DATE);
      expect(entry.local.date).toBe(FIXED_DOS_DATE);
      expect([entry.central.time, entry.local.time]).toEqual([0, 0]);
    }
    expect(FIXED_DOS_DATE).toBe(0x21);
  });

  it('changes nothing but those dates: the contents read the same, the zip keeps its length', () => {
    const fixed = withFixedDates(zip);
    expect(fixed.length).toBe(zip.length);
    expect(unzipFiles(fixed)).toEqual(unzipFiles(zip));
    const texts = unzipFiles(fixed).map((f) => f.content.toString());
    expect(texts).toEqual(['console.log(1);'.repeat(20), 'not really a png']);
    const changed = [...fixed.keys()].filter((i) => fixed[i] !== zip[i]).length;
    expect(changed).toBe(2 * 2);
  });

  it('refuses what is not a zip', () => {
    const text = Buffer.from('PK but no directory, padded out to more than twenty-two bytes');
    expect(() => zipEntries(text)).toThrow(/not a zip/);
  });
});
