import type { ItemPatch } from '../domain/patches';
import { riceScore } from '../domain/rice';
import * as store from '../storage';

type Db = store.LensDb;

/**
 * An impossible estimate (negative reach, zero effort, impact off Intercom's scale) is
 * refused rather than stored, naming the field; the panel keeps what was typed.
 */
export async function checkRicePatch(db: Db, itemId: string, patch: ItemPatch): Promise<void> {
  if (!patch.rice) return;
  const current = await store.getItem(db, itemId);
  if (!current) return;
  const merged = { ...current.rice, ...patch.rice };
  for (const field of Object.keys(patch.rice) as (keyof typeof merged)[]) {
    if (merged[field] === null) continue;
    const probe = riceScore({ reach: 1, impact: 1, confidence: 1, effort: 1, [field]: merged[field] });
    if (!probe.ok) {
      throw new store.StorageError('invalid', probe.message, `patch.rice.${String(field)}`);
    }
  }
}
