import type { Settings } from '../domain/types';
import { SettingsSchema } from '../domain/schemas';
import { invalid } from './errors';
import { SETTINGS_KEY, type LensDb, type Store } from './schema';
import { read, write } from './transaction';
import { checkRecord, definedFields } from './records';

export async function getSettings(db: LensDb): Promise<Settings> {
  return read(db, ['settings'], (tx) => readSettings(tx.objectStore('settings')));
}

/** Only the given fields change; `activeTreeId` must name an existing tree (or be null). */
export async function updateSettings(db: LensDb, patch: Partial<Settings>): Promise<Settings> {
  return write(db, ['settings', 'trees'], async (tx) => {
    const current = await readSettings(tx.objectStore('settings'));
    const next = checkRecord(SettingsSchema, { ...current, ...definedFields(patch) });
    if (next.activeTreeId !== null && (await tx.objectStore('trees').getKey(next.activeTreeId)) === undefined) {
      throw invalid('activeTreeId', 'there is no tree with this id');
    }
    await tx.objectStore('settings').put(next, SETTINGS_KEY);
    return next;
  });
}

/** A fresh copy each time: EMPTY_SETTINGS is shared and must not be mutated by a caller. */
export async function readSettings(store: Store<'settings'>): Promise<Settings> {
  return (await store.get(SETTINGS_KEY)) ?? { activeTreeId: null, disabledSites: [], customDomains: [] };
}
