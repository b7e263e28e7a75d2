import { vi } from 'vitest';

/**
 * Makes the n-th call of an object store method throw, as the browser does when a write
 * is refused (quota, disk error): the way to break a transaction half way through.
 * Undo with vi.restoreAllMocks().
 */
export function failOnCall(method: 'put' | 'delete', call: number, error: Error): void {
  const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
    calls += 1;
    if (calls === call) throw error;
    return original.apply(this, args);
  } as never);
}
