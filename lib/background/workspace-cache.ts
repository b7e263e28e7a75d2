/**
 * What the background derives from the items and metrics, kept between requests: every
 * item by id and by link, each tree's metrics, and each tree's ranked scores. Reading
 * 10,000 items out of IndexedDB costs far more than a page can wait on each load, each
 * change notice and each board of badges; this copy makes those answers a lookup.
 *
 * It is only ever a copy of what IndexedDB holds (a stopped worker loses it and reads it
 * again), refreshed by the writes that go through `handle`, the only writer:
 * - an item written or deleted is changed here in place, after its transaction committed;
 * - any other write touching items or metrics drops the copy, to be read again when needed;
 * - the settings and the list of trees, small and read by every page, are kept apart and
 *   dropped by any write to settings or trees, without dropping the items.
 * A copy being read while a write commits is not kept (the generation check), since it
 * may predate the write.
 *
 * Writes use it too: an item write whose transaction starts while it is the only write in
 * flight takes the metrics and its chunk's items from the copy instead of reading them
 * (`committed`).
 * That is why the copy holds every stored item, of any tree, and which chunk each is in.
 */
import { metricById } from '../domain/tree';
import type { Id, Item, Metric, Settings, Tree } from '../domain/types';
import { linkKey, type LinkRef } from '../domain/link-key';
import * as store from '../storage';
import { insertScore, removeScore, scoreOf } from '../domain/score-list';

interface TreeEntry {
  metrics: Metric[];
  metricsById: Map<Id, Metric>;
  /** Ranked scores of the tree's items, highest first. */
  scores: number[];
}

/** The derived copy itself: see above. */
export interface DerivedCopy {
  /** Every stored item, of whatever tree: item writes rewrite whole chunks from this. */
  items: Map<Id, Item>;
  /** The ids stored in each chunk of the item store. */
  chunks: Map<number, Set<Id>>;
  byLink: Map<string, Set<Id>>;
  trees: Map<Id, TreeEntry>;
  /** Every tree's metrics together, as an item write checks a tag against them. */
  metricsById: Map<Id, Metric>;
  /** Counts the item writes laid into this copy: what is derived from it (the backlog's order) is kept per revision. */
  revision: number;
  /**
   * The ids of the latest item writes, the last one at `revision` (at most WRITES_KEPT):
   * what is derived per revision follows them instead of being derived again from every item.
   */
  written: Id[];
}

/** Enough writes for any view to catch up by; an order further behind is derived again. */
export const WRITES_KEPT = 1_000;

function noteWrite(copy: DerivedCopy, id: Id): void {
  copy.revision += 1;
  copy.written.push(id);
  if (copy.written.length > WRITES_KEPT) copy.written.splice(0, copy.written.length - WRITES_KEPT);
}

/** The ids written since `revision`, oldest first; null when the copy no longer knows them all. */
export function writtenSince(copy: DerivedCopy, revision: number): Id[] | null {
  const behind = copy.revision - revision;
  if (behind < 0 || behind > copy.written.length) return null;
  return copy.written.slice(copy.written.length - behind);
}

export interface Basics {
  settings: Settings;
  trees: Tree[];
}

export class WorkspaceCache {
  private copy: DerivedCopy | null = null;
  private loading: Promise<DerivedCopy> | null = null;
  private generation = 0;
  private basics: Basics | null = null;
  private basicsGeneration = 0;
  private writesInFlight = 0;

  constructor(private readonly db: store.LensDb) {}

  /** The settings and the trees, read once and then kept until one of them is written. */
  async loadBasics(): Promise<Basics> {
    if (this.basics) return this.basics;
    const generation = this.basicsGeneration;
    const [settings, trees] = await Promise.all([store.getSettings(this.db), store.listTrees(this.db)]);
    if (generation === this.basicsGeneration) this.basics = { settings, trees };
    return { settings, trees };
  }

  /** After a committed write to the settings or the trees. */
  dropBasics(): void {
    this.basicsGeneration += 1;
    this.basics = null;
  }

  get ready(): boolean {
    return this.copy !== null;
  }

  /** The copy, read from the database first when there is none. */
  async load(): Promise<DerivedCopy> {
    if (this.copy) return this.copy;
    const generation = this.generation;
    this.loading ??= readCopy(this.db);
    const loading = this.loading;
    try {
      const copy = await loading;
      if (generation === this.generation) this.copy = copy;
      return copy;
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  /**
   * Around every request that may write. While none is in flight, every earlier write
   * has committed and is in the copy (or has dropped it), so the copy is what IndexedDB holds.
   */
  writeStarted(): void {
    this.writesInFlight += 1;
  }

  writeEnded(): void {
    this.writesInFlight -= 1;
  }

  /**
   * The metrics and items as committed, for the write in flight that asks as its
   * transaction starts: only when the copy is there and that write is the only one in
   * flight, since another could have started a transaction before it (ordered first) and
   * not yet be in the copy. Null means "read them in the transaction".
   */
  committed(): store.Committed | null {
    const copy = this.copy;
    if (!copy || this.writesInFlight !== 1) return null;
    return {
      metrics: copy.metricsById,
      itemsBeside: (id) => [...(copy.chunks.get(store.chunkOf(id)) ?? [])].map((other) => copy.items.get(other)!),
    };
  }

  /** Starts reading the copy without waiting for it, so a later request finds it. */
  warm(): void {
    if (!this.copy) void this.load().catch(() => undefined);
  }

  /** After a committed write that created or changed `item`. */
  itemWritten(item: Item): void {
    this.generation += 1;
    this.loading = null;
    const copy = this.copy;
    if (!copy) return;
    const tree = copy.trees.get(item.treeId);
    if (!tree) {
      this.drop();
      return;
    }
    this.forget(copy, item.id);
    keep(copy, item);
    noteWrite(copy, item.id);
    const score = scoreOf(item, tree.metricsById);
    if (score !== null) insertScore(tree.scores, score);
  }

  /** After a committed delete of the item `id`. */
  itemDeleted(id: Id): void {
    this.generation += 1;
    this.loading = null;
    if (!this.copy) return;
    this.forget(this.copy, id);
    noteWrite(this.copy, id);
  }

  /** After any other write: the copy may no longer match the database. */
  drop(): void {
    this.generation += 1;
    this.loading = null;
    this.copy = null;
    this.dropBasics();
  }

  private forget(copy: DerivedCopy, id: Id): void {
    const old = copy.items.get(id);
    if (!old) return;
    copy.items.delete(id);
    copy.chunks.get(store.chunkOf(id))?.delete(id);
    for (const link of old.links) copy.byLink.get(linkKey(link))?.delete(id);
    const tree = copy.trees.get(old.treeId);
    const score = tree ? scoreOf(old, tree.metricsById) : null;
    if (tree && score !== null) removeScore(tree.scores, score);
  }
}

/** As `findItemsByLinks` answers: per `site:key`, the most recently updated item carrying it. */
export function itemsByLinks(copy: DerivedCopy, links: readonly LinkRef[]): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const link of links) {
    const key = linkKey(link);
    let best: Item | undefined;
    for (const id of copy.byLink.get(key) ?? []) {
      const item = copy.items.get(id);
      if (
        item &&
        (!best || item.updatedAt > best.updatedAt || (item.updatedAt === best.updatedAt && item.id < best.id))
      )
        best = item;
    }
    if (best) out.set(key, best);
  }
  return out;
}

/** The tree's items, oldest first, as `listItems` orders them. */
export function itemsOfTree(copy: DerivedCopy, treeId: Id): Item[] {
  const items: Item[] = [];
  for (const item of copy.items.values()) if (item.treeId === treeId) items.push(item);
  return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function treeEntry(copy: DerivedCopy, treeId: Id): TreeEntry | null {
  return copy.trees.get(treeId) ?? null;
}

async function readCopy(db: store.LensDb): Promise<DerivedCopy> {
  const [treeList, items] = await Promise.all([store.listTrees(db), store.listAllItems(db)]);
  const metricsPerTree = await Promise.all(treeList.map((tree) => store.listMetrics(db, tree.id)));
  const copy: DerivedCopy = {
    items: new Map(),
    chunks: new Map(),
    byLink: new Map(),
    trees: new Map(),
    metricsById: new Map(),
    revision: 0,
    written: [],
  };
  treeList.forEach((tree, i) => {
    const metrics = metricsPerTree[i]!;
    for (const metric of metrics) copy.metricsById.set(metric.id, metric);
    copy.trees.set(tree.id, { metrics, metricsById: metricById(metrics), scores: [] });
  });
  // As listItems orders them, oldest first, so each tree's entry is built as before.
  items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const item of items) {
    keep(copy, item);
    const tree = copy.trees.get(item.treeId);
    const score = tree ? scoreOf(item, tree.metricsById) : null;
    if (tree && score !== null) tree.scores.push(score);
  }
  for (const tree of copy.trees.values()) tree.scores.sort((a, b) => b - a);
  return copy;
}

/** Puts the item in the copy's indexes (by id, chunk and link); the caller keeps the scores. */
function keep(copy: DerivedCopy, item: Item): void {
  copy.items.set(item.id, item);
  const chunk = store.chunkOf(item.id);
  const ids = copy.chunks.get(chunk) ?? new Set<Id>();
  ids.add(item.id);
  copy.chunks.set(chunk, ids);
  for (const link of item.links) {
    const key = linkKey(link);
    const carriers = copy.byLink.get(key) ?? new Set<Id>();
    carriers.add(item.id);
    copy.byLink.set(key, carriers);
  }
}
