/**
 * Reads the zips WXT writes (no zip library: the format's few fixed records are enough,
 * and the tests unpack the release zips with it too), and dates their entries.
 *
 * WXT's zip writes every entry's DOS date and time as 0, which reads as "1980-00-00": no
 * such day. Each reader makes its own guess of it (unzip stamps the files 31 December
 * 1979), so the release zips get a real fixed date instead,
 * 1 January 1980 00:00, the first the format can say. Only those bytes change: the
 * entries, their order, their CRCs and sizes stay as WXT wrote them.
 */

import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** DOS date: (year - 1980) << 9 | month << 5 | day. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
export const FIXED_DOS_TIME = 0;

/**
 * The entries named in the central directory, each with the date and time written in it
 * and in its local header.
 * @param {Buffer} zip
 */
export function zipEntries(zip) {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`no central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_ENTRY) throw new Error(`no local header at ${local}`);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      dataAt: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
      central: { at, time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14) },
      local: { at: local, time: zip.readUInt16LE(local + 10), date: zip.readUInt16LE(local + 12) },
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * A copy of the zip with every entry dated FIXED_DOS_DATE at FIXED_DOS_TIME.
 * @param {Buffer} zip
 */
export function withFixedDates(zip) {
  const fixed = Buffer.from(zip);
  for (const { central, local } of zipEntries(zip)) {
    fixed.writeUInt16LE(FIXED_DOS_TIME, central.at + 12);
    fixed.writeUInt16LE(FIXED_DOS_DATE, central.at + 14);
    fixed.writeUInt16LE(FIXED_DOS_TIME, local.at + 10);
    fixed.writeUInt16LE(FIXED_DOS_DATE, local.at + 12);
  }
  return fixed;
}

/**
 * Every file in the zip with its content, in the zip's order.
 * @param {Buffer} zip
 */
export function unzipFiles(zip) {
  return zipEntries(zip).map(({ name, method, compressedSize, dataAt }) => {
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    if (method === STORED) return { name, content: Buffer.from(data) };
    if (method === DEFLATED) return { name, content: inflateRawSync(data) };
    throw new Error(`${name}: compression method ${method} is not one a WXT zip uses`);
  });
}

/** The end record is the last 22 bytes, or further back by the length of a comment. */
function findEndOfCentralDirectory(zip) {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip: no end of central directory record');
}
