/**
 * The background's gate: a message is handled only if it comes from this extension and
 * matches the request schema exactly. Everything else is answered with an error.
 */
import * as v from 'valibot';
import { issueText } from '../domain/issue-text';
import { issuePath } from '../domain/schemas';
import type { Reply } from './protocol';
import { RequestSchema, type Request } from './requests';

export interface SenderInfo {
  id?: string;
}

export type Checked = { ok: true; request: Request } | { ok: false; reply: Reply<never> };

export function checkMessage(raw: unknown, sender: SenderInfo, extensionId: string): Checked {
  if (sender.id !== extensionId) {
    return refuse('forbidden', 'Messages are only accepted from North Star Lens itself.');
  }
  const parsed = v.safeParse(RequestSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issuePath(issue);
    const message = issueText(issue);
    return refuse('invalid', path ? `${path}: ${message}` : message, path || undefined);
  }
  // The schema is built from the same declarations as the Request type (requests.ts).
  return { ok: true, request: parsed.output as Request };
}

function refuse(code: 'invalid' | 'forbidden', message: string, path?: string): Checked {
  return { ok: false, reply: { ok: false, error: { code, message, ...(path ? { path } : {}) } } };
}
