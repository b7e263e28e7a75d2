/**
 * What importing tracker rows into a tree would do to its items: a row whose link the tree
 * already tracks updates that item's title and status; any other row becomes a new item.
 * A tag or RICE estimate already set in the extension stays unless `overwrite` is asked
 * for; one the item lacks is filled from the file. Importing the same file twice
 * therefore changes nothing the second time.
 */
import { linkKey } from '../link-key';
import type { EntityLink, Id, Item, ItemStatus, RiceInput } from '../types';

/** One ticket as the import sends it to the background: already mapped, already checked. */
export interface ImportedItemRow {
  link: EntityLink;
  title: string;
  status: ItemStatus;
  inputMetricId: Id | null;
  rice: Partial<Record<keyof RiceInput, number>>;
}

export interface ItemImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ItemPlan {
  /** Items to write, new or changed, as they will be stored. */
  put: Item[];
  summary: ItemImportSummary;
}

export interface PlanContext {
  treeId: Id;
  now: number;
  newId: () => Id;
  overwrite: boolean;
}

const RICE_KEYS = ['reach', 'impact', 'confidence', 'effort'] as const;

function merged(item: Item, row: ImportedItemRow, overwrite: boolean, now: number): Item | null {
  const title = row.title || item.title;
  const inputMetricId =
    row.inputMetricId !== null && (item.inputMetricId === null || overwrite) ? row.inputMetricId : item.inputMetricId;
  const rice = { ...item.rice };
  for (const key of RICE_KEYS) {
    const value = row.rice[key];
    if (value !== undefined && (rice[key] === null || overwrite)) rice[key] = value;
  }
  const same =
    title === item.title &&
    row.status === item.status &&
    inputMetricId === item.inputMetricId &&
    RICE_KEYS.every((key) => rice[key] === item.rice[key]);
  if (same) return null;
  return { ...item, title, status: row.status, inputMetricId, rice, updatedAt: now };
}

function created(row: ImportedItemRow, context: PlanContext): Item {
  return {
    id: context.newId(),
    treeId: context.treeId,
    title: row.title,
    links: [row.link],
    inputMetricId: row.inputMetricId,
    rice: { reach: null, impact: null, confidence: null, effort: null, ...row.rice },
    status: row.status,
    notes: '',
    createdAt: context.now,
    updatedAt: context.now,
  };
}

/** `existing` are the tree's items; a link named by several rows is planned once, from the last. */
export function planItemImport(
  existing: readonly Item[],
  rows: readonly ImportedItemRow[],
  context: PlanContext,
): ItemPlan {
  const byLink = new Map<string, Item>();
  for (const item of existing) for (const link of item.links) byLink.set(linkKey(link), item);
  const last = new Map<string, ImportedItemRow>();
  for (const row of rows) last.set(linkKey(row.link), row);
  const summary: ItemImportSummary = { added: 0, updated: 0, unchanged: 0 };
  const put: Item[] = [];
  for (const [key, row] of last) {
    const item = byLink.get(key);
    if (!item) {
      put.push(created(row, context));
      summary.added += 1;
      continue;
    }
    const next = merged(item, row, context.overwrite, context.now);
    if (next) {
      put.push(next);
      summary.updated += 1;
    } else summary.unchanged += 1;
  }
  return { put, summary };
}
