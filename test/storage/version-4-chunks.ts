/** How storage version 4 laid out items: what the upgrade tests build an old database from. */
import type { Item } from '../../lib/domain/types';
import { chunked } from '../../lib/storage/item-chunks';

/** Version 4 kept items in 256 chunks by a hash of their id; version 5 rewrote them at the current count. */
export const VERSION_4_CHUNKS = 256;

/** The chunk records version 4 wrote for `items`, with the keys of its index by input metric. */
export function version4Chunks(items: readonly Item[]) {
  return chunked(items, VERSION_4_CHUNKS).map((chunk) => ({
    ...chunk,
    inputMetricIds: [...new Set(chunk.items.flatMap((item) => (item.inputMetricId ? [item.inputMetricId] : [])))],
  }));
}
