/**
 * The export format's versions (docs/export-format.md) and how an older file is read as
 * the current one. Version 2 added the team loop's records; a version-1 file has none.
 */
import { LOOP_RECORD_KINDS, type RecordKind } from './types';

export const FORMAT_VERSION = 2;
export const APP_NAME = 'north-star-lens';

/** The records each format version added. */
const ADDED_IN: Record<number, readonly RecordKind[]> = {
  2: LOOP_RECORD_KINDS,
};

type Upgraded = { ok: true; value: Record<string, unknown> } | { ok: false; path: string; message: string };

/**
 * An older file (its header already checked: a version from 1 to FORMAT_VERSION) as the
 * current format: it has none of the records later versions added.
 * A field an older version did not have is refused rather than read, like any unknown field.
 */
export function upgradeFile(file: Record<string, unknown>): Upgraded {
  const version = file.formatVersion as number;
  if (version === FORMAT_VERSION) return { ok: true, value: file };
  const value: Record<string, unknown> = { ...file, formatVersion: FORMAT_VERSION };
  for (let next = version + 1; next <= FORMAT_VERSION; next += 1) {
    for (const kind of ADDED_IN[next] ?? []) {
      if (kind in file) return { ok: false, path: kind, message: `is not part of format ${version}` };
      value[kind] = [];
    }
  }
  return { ok: true, value };
}
