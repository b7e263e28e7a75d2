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

interface Snapshot {
  /** Every stored item, of whatever tree: item writes rewrite whole chunks from this. */
  items: Map<Id, Item>;
  /** The ids stored in each chunk of the item store. */
  chunks: Map<number, Set<Id>>;
  byLink: Map<string, Set<Id>>;
  trees: Map<Id, TreeEntry>;
  /** Every tree's metrics together, as an item write checks a tag against them. */
  metricsById: Map<Id, Metric>;
}

export interface Basics {
  settings: Settings;
  trees: Tree[];
}

export class WorkspaceCache {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
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
    return this.snapshot !== null;
  }

  /** The copy, read from the database first when there is none. */
  async load(): Promise<Snapshot> {
    if (this.snapshot) return this.snapshot;
    const generation = this.generation;
    this.loading ??= readSnapshot(this.db);
    const loading = this.loading;
    try {
      const snapshot = await loading;
      if (generation === this.generation) this.snapshot = snapshot;
      return snapshot;
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
    const snapshot = this.snapshot;
    if (!snapshot || this.writesInFlight !== 1) return null;
    return {
      metrics: snapshot.metricsById,
      itemsBeside: (id) =>
        [...(snapshot.chunks.get(store.chunkOf(id)) ?? [])].map((other) => snapshot.items.get(other)!),
    };
  }

  /** Starts reading the copy without waiting for it, so a later request finds it. */
  warm(): void {
    if (!this.snapshot) void this.load().catch(() => undefined);
  }

  /** After a committed write that created or changed `item`. */
  itemWritten(item: Item): void {
    this.generation += 1;
    this.loading = null;
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const tree = snapshot.trees.get(item.treeId);
    if (!tree) {
      this.drop();
      return;
    }
    this.forget(snapshot, item.id);
    keep(snapshot, item);
    const score = scoreOf(item, tree.metricsById);
    if (score !== null) insertScore(tree.scores, score);
  }

  /** After a committed delete of the item `id`. */
  itemDeleted(id: Id): void {
    this.generation += 1;
    this.loading = null;
    if (this.snapshot) this.forget(this.snapshot, id);
  }

  /** After any other write: the copy may no longer match the database. */
  drop(): void {
    this.generation += 1;
    this.loading = null;
    this.snapshot = null;
    this.dropBasics();
  }

  private forget(snapshot: Snapshot, id: Id): void {
    const old = snapshot.items.get(id);
    if (!old) return;
    snapshot.items.delete(id);
    snapshot.chunks.get(store.chunkOf(id))?.delete(id);
    for (const link of old.links) snapshot.byLink.get(linkKey(link))?.delete(id);
    const tree = snapshot.trees.get(old.treeId);
    const score = tree ? scoreOf(old, tree.metricsById) : null;
    if (tree && score !== null) removeScore(tree.scores, score);
  }
}

/** As `findItemsByLinks` answers: per `site:key`, the most recently updated item carrying it. */
export function itemsByLinks(snapshot: Snapshot, links: readonly LinkRef[]): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const link of links) {
    const key = linkKey(link);
    let best: Item | undefined;
    for (const id of snapshot.byLink.get(key) ?? []) {
      const item = snapshot.items.get(id);
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
export function itemsOfTree(snapshot: Snapshot, treeId: Id): Item[] {
  const items: Item[] = [];
  for (const item of snapshot.items.values()) if (item.treeId === treeId) items.push(item);
  return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function treeEntry(snapshot: Snapshot, treeId: Id): TreeEntry | null {
  return snapshot.trees.get(treeId) ?? null;
}

async function readSnapshot(db: store.LensDb): Promise<Snapshot> {
  const [treeList, items] = await Promise.all([store.listTrees(db), store.listAllItems(db)]);
  const metricsPerTree = await Promise.all(treeList.map((tree) => store.listMetrics(db, tree.id)));
  const snapshot: Snapshot = {
    items: new Map(),
    chunks: new Map(),
    byLink: new Map(),
    trees: new Map(),
    metricsById: new Map(),
  };
  treeList.forEach((tree, i) => {
    const metrics = metricsPerTree[i]!;
    for (const metric of metrics) snapshot.metricsById.set(metric.id, metric);
    snapshot.trees.set(tree.id, { metrics, metricsById: metricById(metrics), scores: [] });
  });
  // As listItems orders them, oldest first, so each tree's entry is built as before.
  items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const item of items) {
    keep(snapshot, item);
    const tree = snapshot.trees.get(item.treeId);
    const score = tree ? scoreOf(item, tree.metricsById) : null;
    if (tree && score !== null) tree.scores.push(score);
  }
  for (const tree of snapshot.trees.values()) tree.scores.sort((a, b) => b - a);
  return snapshot;
}

/** Puts the item in the copy's indexes (by id, chunk and link); the caller keeps the scores. */
function keep(snapshot: Snapshot, item: Item): void {
  snapshot.items.set(item.id, item);
  const chunk = store.chunkOf(item.id);
  const ids = snapshot.chunks.get(chunk) ?? new Set<Id>();
  ids.add(item.id);
  snapshot.chunks.set(chunk, ids);
  for (const link of item.links) {
    const key = linkKey(link);
    const carriers = snapshot.byLink.get(key) ?? new Set<Id>();
    carriers.add(item.id);
    snapshot.byLink.set(key, carriers);
  }
}
