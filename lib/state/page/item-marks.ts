/**
 * Who tagged or last changed the page's item, when its tree is shared ("tagged by Ana ·
 * 3 min ago"). Part of the open panel's code, never the content script's: asked for when
 * the panel shows an item and again whenever the page's context is reloaded (a sync that
 * changed the item reloads it), for that one item only.
 */
import { computed, effect, signal } from '@preact/signals-core';
import { markText } from '../../domain/sharing/share-text';
import type { ItemMarks } from '../../domain/sharing/share-record';
import { request } from '../../messaging/client';
import { pageContext } from './page';

const marks = signal<{ itemId: string; marks: ItemMarks | null } | null>(null);
/** Ticks each minute while the panel is open, so "3 min ago" moves on. */
const clock = signal(Date.now());

/** The line under the panel's path, or null for a tree that is not shared. */
export const itemMarkText = computed(() => {
  const item = pageContext.value?.item;
  const known = marks.value;
  if (!item || !known || known.itemId !== item.id || !known.marks) return null;
  const { tagged, changed } = known.marks;
  return tagged ? markText('tagged', tagged, clock.value) : markText('changed', changed, clock.value);
});

async function load(treeId: string, itemId: string): Promise<void> {
  try {
    const found = await request({ type: 'share.itemMarks', treeId, itemId });
    if (pageContext.value?.item?.id === itemId) marks.value = { itemId, marks: found };
  } catch {
    // Without the marks the panel shows the item as before; the next reload asks again.
  }
}

export function startItemMarks(): () => void {
  const timer = setInterval(() => (clock.value = Date.now()), 60_000);
  const stop = effect(() => {
    const item = pageContext.value?.item;
    if (item) void load(item.treeId, item.id);
  });
  return () => {
    clearInterval(timer);
    stop();
  };
}
