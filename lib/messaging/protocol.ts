/**
 * The typed contract between views (content script, dashboard, popup) and the background:
 * what the answers, replies and notices look like. The requests themselves are declared
 * in requests.ts; their types are re-exported here, where the views look for them.
 * Types and constants only: a content script importing this module carries no schema.
 */
import type { BacklogKey } from '../domain/backlog-order';
import type { LinkRef } from '../domain/link-key';
import type { ItemPatch, MetricPatch } from '../domain/patches';
import type {
  Id,
  ImportSummary,
  Item,
  Metric,
  NsmChange,
  Review,
  Settings,
  Tree,
  WorkspacePart,
} from '../domain/types';

export type { Request, RequestOf, RequestType, Responses } from './requests';
/** Domain types the wire carries as they are. */
export type { ImportSummary, ItemPatch, LinkRef, MetricPatch };

/** What a content script needs before it shows anything: which sites are off, which hosts are self-hosted. */
export type SiteSettings = Pick<Settings, 'disabledSites' | 'customDomains'>;

/**
 * What a page of a supported site needs before its pill can say anything, asked for as
 * the page starts loading: the site settings, the entity its address names (null where
 * it names none or the site is switched off) and that entity's context.
 */
export interface PageOpening {
  settings: SiteSettings;
  link: LinkRef | null;
  /** On a ticket, the pill's part of the context: of the metrics, only the item's path to the NSM. On a chart, all of it. */
  context: PageContext | null;
}

/** What a view needs to show one tree: everything but observations (fetched per metric). */
export interface TreeSnapshot {
  settings: Settings;
  trees: Tree[];
  tree: Tree | null;
  metrics: Metric[];
  /** The tree's items, or one page of them when asked for (`itemsFrom`, `itemsLimit`). */
  items: Item[];
  /** How many items the tree holds: more than `items` when they come in pages. */
  itemCount: number;
  /**
   * A page's last item's place in the backlog's order (lib/background/backlog-pages.ts):
   * the next page starts after it (`itemsAfter`). Null on the last page; absent unpaged.
   */
  itemsEnd?: BacklogKey | null;
  reviews: Review[];
  history: NsmChange[];
}

/** What the panel on a ticket or chart page needs, in one round trip. */
export interface PageContext {
  tree: Tree | null;
  metrics: Metric[];
  item: Item | null;
  /**
   * Scores of every other ranked item of the tree, highest first, so the panel ranks
   * live as the user types; null unless asked for (`withScores`).
   */
  otherScores: number[] | null;
  /**
   * The key result the item's metric serves this quarter, as one line ("KR: … · on
   * track"); computed only for the open panel (with scores), else null.
   */
  keyResultLine: string | null;
}

/** What one href names, in the order asked: the entity and its badge (null: not tracked), or null for no entity. */
export type HrefBadge = { site: LinkRef['site']; key: string; badge: Badge | null } | null;

/**
 * The badge of every tracked entity of one site on one origin, by key: a key of that site
 * and origin missing from it is not tracked. Null instead when there are more than
 * BADGE_INDEX_LIMIT.
 */
export interface BadgeIndex {
  site: LinkRef['site'];
  origin: string;
  badges: Badge[];
}

/** Held by a board page: about 0.17 MB of heap per thousand, so the page stays under its 3 MB. */
export const BADGE_INDEX_LIMIT = 12_000;

export interface Badge {
  site: LinkRef['site'];
  key: string;
  itemId: Id;
  metricName: string | null;
  score: number | null;
}

export type ErrorCode = 'invalid' | 'not-found' | 'storage' | 'forbidden' | 'unavailable';
export interface ReplyError {
  code: ErrorCode;
  message: string;
  /** For invalid input: where, e.g. `patch.rice.effort` or `items[3].treeId`. */
  path?: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** Sent by the background to every open view after each committed write. */
export interface ChangeNotice {
  type: 'nsl.changed';
  /** The parts of the workspace the write changed (not the database's stores). */
  stores: WorkspacePart[];
  at: number;
  /** The item as stored, when the write created or changed one: a view showing it need not ask. */
  item?: Item;
  /** The item the write deleted, when it deleted one: a view drops it without asking again. */
  removedItemId?: Id;
  /** The metrics whose values the write changed, when it knows: a view reads only theirs again. */
  valuesChanged?: Id[];
}

/** Sent by the background to a tab when the user presses the toggle command or the toolbar button. */
export interface TogglePanelNotice {
  type: 'nsl.togglePanel';
}
