/** Making and checking records before they are written. */
import * as v from 'valibot';
import { issueText } from '../domain/issue-text';
import { issuePath } from '../domain/schemas';
import { invalid } from './errors';

/** The record as the schema outputs it, or a StorageError naming the first bad field. */
export function checkRecord<S extends v.GenericSchema>(schema: S, record: unknown): v.InferOutput<S> {
  const parsed = v.safeParse(schema, record, { abortEarly: true });
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw invalid(issuePath(issue), issueText(issue));
}

/** A patch without its undefined fields: "not given" must never overwrite a stored value. */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function now(): number {
  return Date.now();
}

export function newId(): string {
  return crypto.randomUUID();
}
