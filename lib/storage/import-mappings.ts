/**
 * Remembering an import's choices inside the import's own transaction: the settings
 * record's optional `importMappings` (see lib/domain/import/import-mappings.ts), so the
 * choices are kept exactly when the import is.
 */
import type { ItemMapping, ValueMapping } from '../domain/import/import-mappings';
import type { TrackerSource } from '../domain/import/tracker-rows';
import { SettingsSchema } from '../domain/schemas';
import { checkRecord } from './records';
import { SETTINGS_KEY, type Store } from './schema';
import { readSettings } from './settings';

export type RememberedMapping =
  | { kind: 'values'; key: string; mapping: ValueMapping }
  | { kind: 'items'; source: TrackerSource; mapping: ItemMapping };

/** At most this many value mappings are kept; the oldest goes first. */
const KEPT_VALUE_MAPPINGS = 200;

export async function rememberMapping(
  store: Store<'settings', 'readwrite'>,
  remembered: RememberedMapping,
): Promise<void> {
  const settings = await readSettings(store);
  const mappings = settings.importMappings ?? { values: {}, items: {} };
  const next =
    remembered.kind === 'values'
      ? {
          ...mappings,
          values: Object.fromEntries(
            [
              ...Object.entries(mappings.values).filter(([key]) => key !== remembered.key),
              [remembered.key, remembered.mapping] as const,
            ].slice(-KEPT_VALUE_MAPPINGS),
          ),
        }
      : { ...mappings, items: { ...mappings.items, [remembered.source]: remembered.mapping } };
  await store.put(checkRecord(SettingsSchema, { ...settings, importMappings: next }), SETTINGS_KEY);
}
