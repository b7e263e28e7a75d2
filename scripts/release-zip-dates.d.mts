/** Types for scripts/release-zip-dates.mjs, so the TypeScript tests can read zips with it. */
export const FIXED_DOS_DATE: number;
export const FIXED_DOS_TIME: number;

export interface ZipEntry {
  name: string;
  central: { at: number; time: number; date: number };
  local: { at: number; time: number; date: number };
}

export function zipEntries(zip: Buffer): ZipEntry[];
export function withFixedDates(zip: Buffer): Buffer;
