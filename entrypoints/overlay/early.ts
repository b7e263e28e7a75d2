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

/** The early answer, once, if it is for this address and nothing changed since it was asked. */
export async function takeEarlyOpening(url: string): Promise<PageOpening | null> {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[EARLY_GLOBAL] as EarlyRequest | undefined;
  delete scope[EARLY_GLOBAL];
  if (!early) return null;
  early.stopListening();
  const reply = await early.reply.catch(() => undefined);
  if (early.stale || early.url !== url || !reply?.ok) return null;
  return reply.value;
}
