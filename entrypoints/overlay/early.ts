/**
 * The page.open request that entrypoints/early-request.ts sent at document_start, left in
 * the isolated world for the content script, which starts only once the page has parsed.
 */
import type { PageOpening, Reply } from '../../lib/messaging/protocol';

export const EARLY_GLOBAL = '__northStarLensEarly';

export interface EarlyRequest {
  /** The address it was asked for: a page that changed its address since gets asked again. */
  url: string;
  reply: Promise<Reply<PageOpening> | undefined>;
  /** A change notice arrived after it was sent: its answer may be out of date. */
  stale: boolean;
  stopListening(): void;
}

/**
 * The early answer, once, if it is for the page's address once it is in (a single-page app
 * may move to another ticket while it travels) and nothing changed since it was asked.
 */
export async function takeEarlyOpening(): Promise<PageOpening | null> {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[EARLY_GLOBAL] as EarlyRequest | undefined;
  delete scope[EARLY_GLOBAL];
  if (!early) return null;
  // Still listening while the answer travels: the overlay's own listener starts only once it is in.
  const reply = await early.reply.catch(() => undefined);
  early.stopListening();
  if (early.stale || early.url !== location.href || !reply?.ok) return null;
  return reply.value;
}
