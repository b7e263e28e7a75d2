/** The day each item shipped: one per item (the byItem index is unique). */
import type { Shipment } from '../domain/loop-types';
import { ShipmentSchema } from '../domain/loop-schemas';
import type { Id } from '../domain/types';
import { notFound } from './errors';
import { getStoredItem } from './item-chunks';
import type { LensDb } from './schema';
import { read, write } from './transaction';
import { checkRecord, newId, now } from './records';

/** Oldest ship date first. */
export async function listShipments(db: LensDb, treeId: Id): Promise<Shipment[]> {
  const found = await read(db, ['shipments'], (tx) => tx.objectStore('shipments').index('byTree').getAll(treeId));
  return found.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Records (or corrects) the day the item shipped; null forgets it. */
export async function setShipDate(db: LensDb, itemId: Id, at: string | null): Promise<Shipment | null> {
  return write(db, ['itemChunks', 'shipments'], async (tx) => {
    const item = await getStoredItem(tx.objectStore('itemChunks'), itemId);
    if (!item) throw notFound('item', itemId);
    const store = tx.objectStore('shipments');
    const current = await store.index('byItem').get(itemId);
    if (at === null) {
      if (current) await store.delete(current.id);
      return null;
    }
    const shipment = checkRecord(ShipmentSchema, {
      id: current?.id ?? newId(),
      treeId: item.treeId,
      itemId,
      at,
      updatedAt: now(),
    });
    await store.put(shipment);
    return shipment;
  });
}
