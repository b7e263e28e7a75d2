/**
 * Ship dates recorded as statuses change (outcomes.ts's shipDateToRecord): an item whose
 * status moves into `shipped` gets today's date, unless it already has one. The date is
 * recorded once: shipped, back in progress and shipped again keeps the first date, and
 * leaving `shipped` keeps it too (shipment.set corrects or forgets it). Inside the
 * caller's transaction, so the status and its ship date are stored together or not at all.
 */
import type { Shipment } from '../domain/loop-types';
import { ShipmentSchema } from '../domain/loop-schemas';
import { shipDateToRecord } from '../domain/outcomes';
import type { Item } from '../domain/types';
import type { Store } from './schema';
import { each } from './transaction';
import { checkRecord, newId } from './records';

export interface StatusChange {
  before: Pick<Item, 'status'> | null;
  after: Item;
}

/** The UTC day of a timestamp, YYYY-MM-DD. */
export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Records the ship date of each item the changes ship for the first time; answers those recorded. */
export async function recordShipDates(
  store: Store<'shipments', 'readwrite'>,
  changes: readonly StatusChange[],
  at: number,
): Promise<Shipment[]> {
  const shipping = changes.filter((c) => shipDateToRecord(c.before, c.after, dayOf(at), false) !== null);
  const recorded = await each(shipping, async ({ after }) => {
    if ((await store.index('byItem').getKey(after.id)) !== undefined) return null;
    const shipment = checkRecord(ShipmentSchema, {
      id: newId(),
      treeId: after.treeId,
      itemId: after.id,
      at: dayOf(at),
      updatedAt: at,
    });
    await store.add(shipment);
    return shipment;
  });
  return recorded.filter((s): s is Shipment => s !== null);
}
