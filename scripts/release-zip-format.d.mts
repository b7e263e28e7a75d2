/** Types for scripts/release-zip-format.mjs, so the TypeScript tests can read zips with it. */
export const FIXED_DOS_DATE: number;
export const FIXED_DOS_TIME: number;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataAt: number;
  central: { at: number; time: number; date: number };
  local: { at: number; time: number; date: number };
}

export function zipEntries(zip: Buffer): ZipEntry[];
export function withFixedDates(zip: Buffer): Buffer;
export function unzipFiles(zip: Buffer): { name: string; content: Buffer }[];
