/**
 * How a view (content script, dashboard, popup) talks to the background. Replies are
 * typed by request; a refused request throws a RequestError that carries the
 * background's code, message and field path, so a form can show it where the user acted.
 */
import { browser } from 'wxt/browser';
import type { ChangeNotice, Reply, ReplyError } from './protocol';
import type { RequestOf, RequestType, Responses, SentOnce } from './requests';

export class RequestError extends Error {
  readonly code: ReplyError['code'];
  readonly path?: string;
  constructor(error: ReplyError) {
    super(error.message);
    this.name = 'RequestError';
    this.code = error.code;
    this.path = error.path;
  }
}

const WAKE_RETRIES = 3;

/**
 * The requests declared `resendable: false` (requests.ts): sent twice, they add two
 * records, fail the second time or open a second tab, so they are only resent when the
 * first send surely never arrived. Listed rather than read from the table, which would
 * bring every schema into the content script; the compiler checks the list is exact.
 */
const SENT_ONCE_TYPES = [
  'tree.create',
  'tree.delete',
  'metric.create',
  'metric.delete',
  'item.create',
  'item.delete',
  'observation.add',
  'review.add',
  'dashboard.open',
  'keyResult.create',
  'keyResult.delete',
  'experiment.create',
  'experiment.delete',
  'share.start',
  'share.join',
] as const satisfies readonly SentOnce[];
const SENT_ONCE: ReadonlySet<RequestType> = new Set<RequestType>(SENT_ONCE_TYPES);
/** Fails to compile when a request declared `resendable: false` is missing from SENT_ONCE_TYPES. */
export type SentOnceListed = Exhaustive<Exclude<SentOnce, (typeof SENT_ONCE_TYPES)[number]>>;
type Exhaustive<Missing extends never> = Missing;

export async function request<T extends RequestType>(message: RequestOf<T>): Promise<Responses[T]> {
  let lastFailure: unknown;
  for (let attempt = 0; attempt <= WAKE_RETRIES; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(message)) as Reply<Responses[T]> | undefined;
      if (!reply) throw new RequestError({ code: 'unavailable', message: 'The extension did not answer.' });
      if (!reply.ok) throw new RequestError(reply.error);
      return reply.value;
    } catch (failure) {
      if (failure instanceof RequestError && failure.code !== 'unavailable') throw failure;
      // A worker stopped after storing but before answering: resending would store it again.
      if (SENT_ONCE.has(message.type) && !neverArrived(failure)) {
        throw new RequestError({
          code: 'unavailable',
          message: 'North Star Lens stopped before confirming this change, so it may or may not have been saved.',
        });
      }
      lastFailure = failure;
      // A service worker being stopped or restarted drops the message; it answers the next one.
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
  if (isContextInvalidated(lastFailure)) {
    throw new RequestError({
      code: 'unavailable',
      message: 'North Star Lens was updated or reloaded: reload this page to use it.',
    });
  }
  throw new RequestError({ code: 'unavailable', message: 'North Star Lens is not answering. Try again in a moment.' });
}

/** The browser found no listener: the message was not delivered, so sending it again is safe. */
function neverArrived(failure: unknown): boolean {
  return (
    failure instanceof Error && /receiving end does not exist|could not establish connection/i.test(failure.message)
  );
}

function isContextInvalidated(failure: unknown): boolean {
  return failure instanceof Error && /context invalidated/i.test(failure.message);
}

/** Calls `listener` after every committed change anywhere in the extension; returns the unsubscribe. */
export function onWorkspaceChange(listener: (notice: ChangeNotice) => void): () => void {
  const handler = (message: unknown) => {
    if (isChangeNotice(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

function isChangeNotice(message: unknown): message is ChangeNotice {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'nsl.changed';
}
