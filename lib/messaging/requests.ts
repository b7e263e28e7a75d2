/**
 * Every request a view can send the background, each declared once in the family it
 * belongs to (requests/page.ts, requests/workspace.ts, requests/imports.ts, requests/loop.ts,
 * requests/capture.ts): what it
 * carries (its schema, checked where it arrives), what it answers, which parts of the
 * workspace it changes (none: it never writes) and whether a client may send it again.
 * The request types, the gate's schema, the answers' types and which requests may write
 * all follow from this table; the background's handler table
 * (lib/background/handler-table.ts) must have a handler for each, and the client's list
 * of requests sent once must match it. A new family is one file and one line below.
 *
 * Only the background imports this module's values: a view imports its types, so no
 * schema reaches a content script.
 */
import * as v from 'valibot';
import type { WorkspacePart } from '../domain/types';
import type { Answer } from './declare';
import { CAPTURE_REQUESTS } from './requests/capture';
import { IMPORT_REQUESTS } from './requests/imports';
import { LOOP_REQUESTS } from './requests/loop';
import { PAGE_REQUESTS } from './requests/page';
import { SHARING_REQUESTS } from './requests/sharing';
import { WORKSPACE_REQUESTS } from './requests/workspace';

export { declareRequests, typed, type Answer, type RequestDeclaration } from './declare';

/** The families, each its own file; no two may declare the same request (a test checks). */
export const REQUEST_FAMILIES = {
  page: PAGE_REQUESTS,
  workspace: WORKSPACE_REQUESTS,
  imports: IMPORT_REQUESTS,
  loop: LOOP_REQUESTS,
  capture: CAPTURE_REQUESTS,
  sharing: SHARING_REQUESTS,
};

export const REQUESTS = {
  ...PAGE_REQUESTS,
  ...WORKSPACE_REQUESTS,
  ...IMPORT_REQUESTS,
  ...LOOP_REQUESTS,
  ...CAPTURE_REQUESTS,
  ...SHARING_REQUESTS,
};

type Declared = typeof REQUESTS;
export type RequestType = keyof Declared;
type Carried<T extends RequestType> = Declared[T]['fields'] extends infer F extends v.ObjectEntries
  ? v.InferOutput<v.StrictObjectSchema<F, undefined>>
  : never;
export type Request = { [T in RequestType]: { type: T } & Carried<T> }[RequestType];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type Responses = { [T in RequestType]: Declared[T]['answer'] extends Answer<infer R> ? R : never };
/** The requests a client sends again only when the first send surely never arrived. */
export type SentOnce = { [T in RequestType]: Declared[T]['resendable'] extends false ? T : never }[RequestType];

/** Every request, checked exactly: its type picks its schema, and an unknown key is refused. */
export const RequestSchema = v.variant(
  'type',
  Object.entries(REQUESTS).map(([type, { fields }]) => v.strictObject({ type: v.literal(type), ...fields })),
);

/** The parts of the workspace a request changes, for its change notice. */
export function changesOf(type: RequestType): readonly WorkspacePart[] {
  return REQUESTS[type].changes;
}

/** Whether a request may change what is stored (a rebuilt ranking is derived data, not a change). */
export function mayWrite(type: RequestType): boolean {
  return changesOf(type).length > 0;
}
