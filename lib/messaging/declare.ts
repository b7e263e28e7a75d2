/**
 * How a request is declared (see requests.ts for the whole table): its fields, its answer
 * as a type, the workspace parts it changes and whether a client may resend it.
 */
import type * as v from 'valibot';
import type { WorkspacePart } from '../domain/types';

declare const ANSWER: unique symbol;
/** A request's answer, as a type only: the table holds no value for it. */
export interface Answer<T> {
  readonly [ANSWER]: T;
}
/** `answer: typed<Tree>()` declares that a request answers with a Tree. */
export function typed<T>(): Answer<T> {
  return {} as Answer<T>;
}

export interface RequestDeclaration {
  /** What the request carries besides its `type`; an unknown key is refused. */
  fields: v.ObjectEntries;
  answer: Answer<unknown>;
  /** The parts of the workspace its change notice names; empty for a request that never writes. */
  changes: readonly WorkspacePart[];
  /**
   * Whether a client may send it again after a send that may have arrived: true when
   * doing it twice is doing it once (a read, an update); false for what adds or removes
   * a record, or opens a tab.
   */
  resendable: boolean;
}

/** The table's type check: every entry must declare every property of a RequestDeclaration. */
export function declareRequests<const T extends Record<string, RequestDeclaration>>(table: T): T {
  return table;
}
